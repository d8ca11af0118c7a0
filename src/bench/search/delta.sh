#!/usr/bin/env bash
# Delta re-screening steps at bench scale (reads the bench database; writes only to a scratch database that holds a
# copy of screening_entry and screening_name). Usage: src/bench/search/delta.sh [portal_bench_large] [share, default 0.01]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
DB="${1:-portal_bench_large}"
SCRATCH="${DB}_delta_scratch"
PSQL=(psql -h 127.0.0.1 -U root -X -q)
OUT="$(mktemp -d)"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $SCRATCH" -c "CREATE DATABASE $SCRATCH"
"${PSQL[@]}" -d "$SCRATCH" -c "CREATE EXTENSION pg_trgm" -c "CREATE TABLE screening_name (id bigint PRIMARY KEY, entry_id bigint NOT NULL, kind text NOT NULL, original text NOT NULL, name_key text NOT NULL, active boolean NOT NULL)"
"${PSQL[@]}" -d "$SCRATCH" -c "CREATE TABLE screening_entry (id bigint PRIMARY KEY, entry_key text NOT NULL, name text NOT NULL, source text NOT NULL, addresses jsonb NOT NULL, added_in bigint NOT NULL, retired_in bigint)"
"${PSQL[@]}" -d "$DB" -c "\copy (SELECT id, entry_id, kind, original, name_key, active FROM screening_name) TO '$OUT/names.tsv'"
"${PSQL[@]}" -d "$DB" -c "\copy (SELECT id, entry_key, name, source, addresses, added_in, retired_in FROM screening_entry) TO '$OUT/entries.tsv'"
"${PSQL[@]}" -d "$SCRATCH" -c "\copy screening_name FROM '$OUT/names.tsv'" -c "\copy screening_entry FROM '$OUT/entries.tsv'" -c "ANALYZE screening_name" -c "ANALYZE screening_entry"
CP="$ROOT/target/classes:$(ls "$ROOT"/target/quarkus-app/lib/boot/*.jar "$ROOT"/target/quarkus-app/lib/main/*.jar | tr '\n' ':')"
javac -d "$OUT" -cp "$CP" "$ROOT/src/bench/search/DeltaBench.java" "$ROOT/src/bench/search/SearchBench.java"
echo "load: $(uptime)"
java -Xmx512m -cp "$OUT:$CP" gov.exports.portal.screening.DeltaBench "jdbc:postgresql://127.0.0.1:5432/$DB" \
  "jdbc:postgresql://127.0.0.1:5432/$SCRATCH" "${2:-0.01}"
echo "load: $(uptime)"
[ -n "${KEEP_SCRATCH:-}" ] || "${PSQL[@]}" -d postgres -c "DROP DATABASE $SCRATCH"
