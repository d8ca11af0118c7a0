#!/usr/bin/env bash
# Writes the EXPLAIN (ANALYZE, BUFFERS) plans of the officer queue's statements to src/bench/plans/<label>.txt.
#   src/bench/explain.sh small|large [label]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SCALE="${1:?usage: explain.sh small|large [label]}"
OUT="$ROOT/src/bench/plans/${2:-$SCALE}.txt"
mkdir -p "$(dirname "$OUT")"
"${PSQL[@]}" -d "portal_bench_$SCALE" -f "$ROOT/src/bench/explain.sql" >"$OUT"
echo "plans written to $OUT"
