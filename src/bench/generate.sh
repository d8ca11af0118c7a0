#!/usr/bin/env bash
# Fills a database with deterministic synthetic data for the benchmarks (issue 8).
#   src/bench/generate.sh small|large [database]     (default database: portal_bench_<scale>)
# The database is created if missing, migrated and given the demo reference data by starting the packaged
# application once (Flyway at start-up, PORTAL_DEMO_DATA=true: demo organisations, users' memberships, products,
# customers, demo screening list, SAFE Chips Act), then loaded by generate.sql (INSERT … SELECT from
# generate_series) and the screening names keyed by the portal's own NameKeys (NameKeyRows.java, COPY).
# Refuses a database that already holds generated data (drop it first: dropdb -h 127.0.0.1 NAME).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SCALE="${1:?usage: generate.sh small|large [database]}"
DB="${2:-portal_bench_$SCALE}"
SEED="${BENCH_SEED:-20260115}"
case "$SCALE" in
  small) VARS=(-v apps=1000 -v customers=200 -v entries=1000 -v bills=200 -v actions_per_bill=20 -v members=500) ;;
  large) VARS=(-v apps=1000000 -v customers=5000 -v entries=50000 -v bills=20000 -v actions_per_bill=20 -v members=2500) ;;
  tiny)  VARS=(-v apps=100 -v customers=20 -v entries=100 -v bills=20 -v actions_per_bill=5 -v members=50) ;;
  *) echo "scale must be small, large or tiny" >&2; exit 2 ;;
esac
ensure_postgres
ensure_database "$DB"
ensure_jar
if [ "$("${PSQL[@]}" -d "$DB" -tAc "SELECT to_regclass('official') IS NOT NULL AND EXISTS (SELECT 1 FROM official WHERE subject = 'bench-officer-1')" 2>/dev/null)" = t ]; then
  echo "$DB already holds generated data; drop it first (dropdb -h 127.0.0.1 $DB)" >&2; exit 1
fi
T0=$(date +%s)
echo "== migrating $DB and loading the demo reference data (packaged portal, one start)"
start_portal "$DB"; stop_portal
T1=$(date +%s)
echo "== generating the $SCALE data set (seed $SEED)"
"${PSQL[@]}" -d "$DB" -v seed="$SEED" "${VARS[@]}" -f "$ROOT/src/bench/generate.sql"
T2=$(date +%s)
echo "== screening names keyed by NameKeys"
CP="$ROOT/target/quarkus-app/app/*"
"${PSQL[@]}" -d "$DB" -c "\\copy (SELECT e.id, e.name, e.alt_names FROM screening_entry e WHERE e.entry_key LIKE 'GEN-%' AND NOT EXISTS (SELECT 1 FROM screening_name n WHERE n.entry_id = e.id) ORDER BY e.id) TO STDOUT" \
  | java -cp "$CP" "$ROOT/src/bench/NameKeyRows.java" \
  | "${PSQL[@]}" -d "$DB" -c "\\copy screening_name (entry_id, kind, original, name_key) FROM STDIN"
"${PSQL[@]}" -d "$DB" -c "ANALYZE screening_name"
T3=$(date +%s)
"${PSQL[@]}" -d "$DB" -tAc "SELECT 'applications ' || (SELECT count(*) FROM application) || ', lines ' || (SELECT count(*) FROM application_line)
  || ', parties ' || (SELECT count(*) FROM application_party) || ', events ' || (SELECT count(*) FROM application_event)
  || ', audit records ' || (SELECT count(*) FROM audit_record) || ', screening entries in force ' || (SELECT count(*) FROM screening_entry WHERE retired_in IS NULL)
  || ', bills ' || (SELECT count(*) FROM bill) || ', bill actions ' || (SELECT count(*) FROM bill_action)
  || ', members ' || (SELECT count(*) FROM congress_member)"
echo "generate $SCALE into $DB: migrate+demo $((T1-T0)) s, SQL load $((T2-T1)) s, screening keys $((T3-T2)) s, total $((T3-T0)) s"
