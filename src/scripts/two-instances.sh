#!/usr/bin/env bash
# Two packaged portal instances on one database, driven concurrently by TwoInstancesTest (mvn -Ptwo-instances):
# a session cookie issued by one instance works on the other, both give the same ETag and an edit through one
# invalidates the other's, and two officers taking the same case through different instances get one winner and one
# 409 page, with exactly one outcome in the database.
# Settings: PORTAL_2X_DB [portal_t2x] (dropped and created afresh), PORTAL_A_PORT [8096], PORTAL_B_PORT [8097],
# SKIP_BUILD=1 to reuse target/quarkus-app. Logs: target/two-instances/{a,b}.log.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
source "$ROOT/src/scripts/lib.sh"

DB="${PORTAL_2X_DB:-portal_t2x}"
A_PORT="${PORTAL_A_PORT:-8096}"
B_PORT="${PORTAL_B_PORT:-8097}"
DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
WORK="$ROOT/target/two-instances"

ensure_postgres
psql -h 127.0.0.1 -U "${PGUSER:-$(id -un)}" -d postgres -qc "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
ensure_database "$DB"

STARTED_KC=0
if ! "$ROOT/src/scripts/keycloak.sh" status; then
  "$ROOT/src/scripts/keycloak.sh" start
  STARTED_KC=1
fi
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ "$STARTED_KC" = 1 ] && "$ROOT/src/scripts/keycloak.sh" stop || true
}
trap cleanup EXIT INT TERM

[ "${SKIP_BUILD:-0}" = 1 ] || "$ROOT/mvnw" -B -q package -DskipTests
# the instances run from a copy, so that Maven may rebuild target/ meanwhile
rm -rf "$WORK" && mkdir -p "$WORK" && cp -r target/quarkus-app "$WORK/app"

start_instance() { # name port
  PORTAL_HTTP_PORT="$2" PORTAL_DB_URL="$DB_URL" PORTAL_DEMO_DATA=true QUARKUS_PROFILE=dev \
    java -Xmx384m ${JAVA_OPTS:-} -jar "$WORK/app/quarkus-run.jar" >"$WORK/$1.log" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1; then echo "instance $1: ready on port $2 (pid $!)"; return 0; fi
    sleep 1
  done
  echo "instance $1 did not become ready; see $WORK/$1.log" >&2
  return 1
}
# one after the other: the first migrates the empty database and loads the demo data, the second finds both done
start_instance a "$A_PORT"
start_instance b "$B_PORT"

"$ROOT/mvnw" -B test -Ptwo-instances -Dportal.a.url="http://127.0.0.1:$A_PORT" -Dportal.b.url="http://127.0.0.1:$B_PORT" \
  -Dportal.db.url="$DB_URL" "$@"
