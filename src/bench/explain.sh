#!/usr/bin/env bash
# Writes the EXPLAIN (ANALYZE, BUFFERS) plans of the officer queue's statements to src/bench/plans/<label>.txt.
#   src/bench/explain.sh small|large [label] [--without-open-queue-index]
# The last option runs them in a transaction that drops V70's index first (and rolls back): the plans as before.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SCALE="${1:?usage: explain.sh small|large [label] [--without-open-queue-index]}"
OUT="$ROOT/src/bench/plans/${2:-$SCALE}.txt"
mkdir -p "$(dirname "$OUT")"
if [ "${3:-}" = --without-open-queue-index ]; then
  printf 'BEGIN;\nDROP INDEX IF EXISTS application_open_queue_covering_idx;\n\\i %s\nROLLBACK;\n' "$ROOT/src/bench/explain.sql" \
    | "${PSQL[@]}" -d "portal_bench_$SCALE" >"$OUT"
else
  "${PSQL[@]}" -d "portal_bench_$SCALE" -f "$ROOT/src/bench/explain.sql" >"$OUT"
fi
echo "plans written to $OUT"
