#!/usr/bin/env bash
# Prepares the packaged portal for a short start-up on Java 17: stores its jars uncompressed, then trains its class-data
# archive (AppCDS) with one real start.
#   ./mvnw package -DskipTests && src/scripts/appcds.sh [APP_DIR]      (APP_DIR: target/quarkus-app)
# 1. Quarkus' class loader reads every class's bytes from its jar, even one the archive holds, so a start inflated
#    ~230 ms of class files: StoreJars.java rewrites the jars with stored entries (same contents, jars already stored
#    are left alone).
# 2. `./mvnw package` already writes APP_DIR/app-cds.jsa, but Quarkus builds it from the static init only: 6,900 classes.
#    A start loads 17,500 (Hibernate's runtime, Flyway, OIDC, Netty, the first page's rendering), each read from its jar
#    and verified. This script starts the jar once with -XX:ArchiveClassesAtExit against a throwaway database
#    (PORTAL_APPCDS_DB [portal_appcds], created and migrated here; no data is read from it: only which classes load
#    matters), asks for the pages a start-up serves first, stops it and puts the archive in place of the build's.
# Measured: src/bench/results/startup-2026-11-29.txt (archive), startup-2026-11-29d.txt (stored jars). The archive is
# only valid for the same JDK build and the same jars (copy APP_DIR with cp -a); otherwise the JVM says so and starts
# without it. Keycloak must answer (it is started and stopped again here if it is not running), since the OIDC set-up is
# part of a start.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/src/scripts/lib.sh"
APP="$(cd "${1:-$ROOT/target/quarkus-app}" && pwd)"
DB="${PORTAL_APPCDS_DB:-portal_appcds}"
PORT="${PORTAL_APPCDS_PORT:-18098}"
[ -f "$APP/quarkus-run.jar" ] || { echo "appcds: no $APP/quarkus-run.jar; run ./mvnw package first" >&2; exit 1; }

java "$ROOT/src/scripts/StoreJars.java" "$APP"
ensure_postgres
ensure_database "$DB"
STARTED_KC=0
if ! "$ROOT/src/scripts/keycloak.sh" status >/dev/null; then
  "$ROOT/src/scripts/keycloak.sh" start
  STARTED_KC=1
fi
PID=""
cleanup() {
  [ -z "$PID" ] || kill "$PID" 2>/dev/null || true
  rm -f "$APP/app-cds.jsa.training"
  [ "$STARTED_KC" = 1 ] && "$ROOT/src/scripts/keycloak.sh" stop || true
}
trap cleanup EXIT

# The production JVM options, without the archive they would read (a dynamic archive is written on top of the JDK's
# own, not on top of another).
OPTS="$(prod_java_opts | sed 's/-XX:SharedArchiveFile=[^ ]*//')"
mkdir -p "$ROOT/target"; LOG="$ROOT/target/appcds-training.log"
(cd "$APP" && exec env PORTAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" PORTAL_HTTP_HOST=127.0.0.1 PORTAL_HTTP_PORT="$PORT" \
  PORTAL_BEHIND_PROXY=false PORTAL_MAIL_MOCK=true PORTAL_DEMO_DATA=false QUARKUS_PROFILE=prod \
  java $OPTS -XX:ArchiveClassesAtExit=app-cds.jsa.training -Xlog:cds=error -jar quarkus-run.jar) >"$LOG" 2>&1 &
PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "$BASE/q/health/ready" && break
  kill -0 "$PID" 2>/dev/null || { echo "appcds: the training start failed; see $LOG" >&2; exit 1; }
  sleep 0.2
done
curl -fs -o /dev/null "$BASE/q/health/ready" || { echo "appcds: the portal did not become ready; see $LOG" >&2; exit 1; }
# what a start serves first: public pages, the probes, a signed-in page's redirect to Keycloak, an unknown page
for path in / /bills "/bills?q=chips" /bills/119/s/1 /q/health/ready /q/health/live /q/health/started /review /screening /no-such-page; do
  curl -s -o /dev/null "$BASE$path"
done
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
[ -s "$APP/app-cds.jsa.training" ] || { echo "appcds: no archive was written; see $LOG" >&2; exit 1; }
mv -f "$APP/app-cds.jsa.training" "$APP/app-cds.jsa"
echo "appcds: $APP/app-cds.jsa trained ($(du -m "$APP/app-cds.jsa" | cut -f1) MB)"
