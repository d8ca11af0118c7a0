# Shared helpers of the bench scripts (sourced). The portal under test is the packaged application
# (java -jar target/quarkus-app/quarkus-run.jar), prod profile, against the local PostgreSQL and Keycloak.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/src/scripts/lib.sh"
BENCH_PORT="${BENCH_PORT:-18091}"
BENCH_OUT="${BENCH_OUT:-$ROOT/target/bench}"
mkdir -p "$BENCH_OUT"
JAR="${BENCH_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}"
# Heap sized for the 350 MB resident-memory target on a 2-core host: without a cap the JVM sizes the heap from the
# machine's 24 GB and grows past the target under load; the serial collector suits 2 cores and keeps overhead low.
# BENCH_JAVA_OPTS= (empty) runs with the JVM's defaults instead.
BENCH_JAVA_DEFAULTS="-Xms64m -Xmx256m -XX:+UseSerialGC"
PSQL=(psql -h 127.0.0.1 -U "${PGUSER:-$(id -un)}" -X -q -v ON_ERROR_STOP=1)

ensure_jar() {
  if [ ! -f "$JAR" ] || [ -n "${BENCH_REBUILD:-}" ]; then
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  fi
}

# start_portal DB: starts the jar on $BENCH_PORT, sets PORTAL_PID and STARTUP_MS (launch to first 200 on /q/health/ready).
start_portal() {
  local db="$1"
  local t0; t0=$(date +%s%N)
  PORTAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" PORTAL_HTTP_HOST=127.0.0.1 PORTAL_HTTP_PORT="$BENCH_PORT" \
  PORTAL_BEHIND_PROXY=false PORTAL_MAIL_MOCK=true PORTAL_DEMO_DATA="${PORTAL_DEMO_DATA:-true}" \
  PORTAL_VERIFY_PER_MINUTE=100000 QUARKUS_PROFILE=prod \
    java ${BENCH_JAVA_OPTS-$BENCH_JAVA_DEFAULTS} -jar "$JAR" >"$BENCH_OUT/portal-$db.log" 2>&1 &
  PORTAL_PID=$!
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "http://127.0.0.1:$BENCH_PORT/q/health/ready"; then
      STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
      return 0
    fi
    if ! kill -0 "$PORTAL_PID" 2>/dev/null; then echo "portal exited; see $BENCH_OUT/portal-$db.log" >&2; return 1; fi
    sleep 0.05
  done
  echo "portal did not become ready" >&2; return 1
}

stop_portal() {
  if [ -n "${PORTAL_PID:-}" ] && kill -0 "$PORTAL_PID" 2>/dev/null; then
    kill "$PORTAL_PID"; wait "$PORTAL_PID" 2>/dev/null || true
  fi
  PORTAL_PID=
}

rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }
