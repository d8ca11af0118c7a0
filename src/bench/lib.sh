# Shared helpers of the bench scripts (sourced). The portal under test is the packaged application
# (java -jar target/quarkus-app/quarkus-run.jar), prod profile, against the local PostgreSQL and Keycloak.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/src/scripts/lib.sh"
BENCH_PORT="${BENCH_PORT:-18091}"
BENCH_OUT="${BENCH_OUT:-$ROOT/target/bench}"
mkdir -p "$BENCH_OUT"
JAR="${BENCH_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}"
# JVM options: the production ones (application.properties, quarkus.kubernetes.env.vars.java-opts, which the generated
# Kubernetes manifest passes to the container as JAVA_OPTS), read from there so the bench measures what production runs.
# BENCH_JAVA_OPTS overrides (BENCH_JAVA_OPTS= , empty, runs with the JVM's defaults); BENCH_MALLOC_ARENA_MAX=n tries glibc
# arenas (no measurable effect at small: README).
BENCH_JAVA_DEFAULTS="$(prod_java_opts)"
BENCH_MALLOC_ARENA_MAX="${BENCH_MALLOC_ARENA_MAX:-}"
PSQL=(psql -h 127.0.0.1 -U "${PGUSER:-$(id -un)}" -X -q -v ON_ERROR_STOP=1)

ensure_jar() {
  if [ ! -f "$JAR" ] || [ -n "${BENCH_REBUILD:-}" ]; then
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  fi
}

# start_portal DB: starts the jar on $BENCH_PORT from its own directory (the AppCDS archive app-cds.jsa, written by the
# build, names the class path relative to it), sets PORTAL_PID and STARTUP_MS: launch to the first 200 of both a real
# page (/bills, anonymous, read from the database and rendered) and /q/health/ready, whichever comes later.
start_portal() {
  local db="$1"
  local t0; t0=$(date +%s%N)
  local page="" ready=""
  (cd "$(dirname "$JAR")" && exec env ${BENCH_MALLOC_ARENA_MAX:+MALLOC_ARENA_MAX=$BENCH_MALLOC_ARENA_MAX} \
    PORTAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" PORTAL_HTTP_HOST=127.0.0.1 PORTAL_HTTP_PORT="$BENCH_PORT" \
    PORTAL_BEHIND_PROXY=false PORTAL_MAIL_MOCK=true PORTAL_DEMO_DATA="${PORTAL_DEMO_DATA:-true}" \
    PORTAL_VERIFY_PER_MINUTE=100000 QUARKUS_PROFILE=prod \
    java ${BENCH_JAVA_OPTS-$BENCH_JAVA_DEFAULTS} -jar "$(basename "$JAR")") >"$BENCH_OUT/portal-$db.log" 2>&1 &
  PORTAL_PID=$!
  for _ in $(seq 1 2400); do
    [ -n "$page" ] || ! curl -fs -o /dev/null "http://127.0.0.1:$BENCH_PORT/bills" || page=$(( ($(date +%s%N) - t0) / 1000000 ))
    [ -n "$ready" ] || ! curl -fs -o /dev/null "http://127.0.0.1:$BENCH_PORT/q/health/ready" || ready=$(( ($(date +%s%N) - t0) / 1000000 ))
    if [ -n "$page" ] && [ -n "$ready" ]; then
      STARTUP_MS=$(( page > ready ? page : ready )); STARTUP_PAGE_MS=$page; STARTUP_READY_MS=$ready
      return 0
    fi
    if ! kill -0 "$PORTAL_PID" 2>/dev/null; then echo "portal exited; see $BENCH_OUT/portal-$db.log" >&2; return 1; fi
    sleep 0.025
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
# peak resident memory of the process so far (the kernel's high-water mark: no spike between samples is missed)
hwm_mb() { awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$1/status"; }
