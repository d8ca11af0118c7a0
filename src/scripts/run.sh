#!/usr/bin/env bash
# Starts the portal with demo data and working logins for every role on http://localhost:8080
# (PostgreSQL must be installed; the script starts it, creates the database, starts Keycloak with the
# demo realm, builds the portal and runs it with the dev profile). Ctrl-C stops the portal and Keycloak.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
source "$ROOT/src/scripts/lib.sh"

ensure_postgres
ensure_database "${PORTAL_DB:-portal}"

STARTED_KC=0
if ! "$ROOT/src/scripts/keycloak.sh" status; then
  "$ROOT/src/scripts/keycloak.sh" start
  STARTED_KC=1
fi
cleanup() { [ "$STARTED_KC" = 1 ] && "$ROOT/src/scripts/keycloak.sh" stop || true; }
trap cleanup EXIT INT TERM

"$ROOT/mvnw" -B -q package -DskipTests
echo "portal: starting on http://localhost:8080 — demo users in README.md (password: demo)"
export PORTAL_DB_URL="${PORTAL_DB_URL:-jdbc:postgresql://127.0.0.1:5432/${PORTAL_DB:-portal}}"
QUARKUS_PROFILE=dev java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar
