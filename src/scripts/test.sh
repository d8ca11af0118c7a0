#!/usr/bin/env bash
# Runs the whole test suite against real PostgreSQL, real Keycloak and real Chromium.
# Installs the Debian packages it needs when missing (as root with apt-get). Creates the test database if missing (Flyway then migrates it from empty), starts Keycloak if it is
# not already running and stops it afterwards. Extra arguments go to Maven (e.g. -Dtest=AuditChainTest).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
source "$ROOT/src/scripts/lib.sh"

ensure_test_packages
ensure_postgres
ensure_database "${PORTAL_TEST_DB:-portal_test}"

STARTED_KC=0
if ! "$ROOT/src/scripts/keycloak.sh" status; then
  "$ROOT/src/scripts/keycloak.sh" start
  STARTED_KC=1
fi
cleanup() { [ "$STARTED_KC" = 1 ] && "$ROOT/src/scripts/keycloak.sh" stop || true; }
trap cleanup EXIT

export PORTAL_TEST_DB_URL="${PORTAL_TEST_DB_URL:-jdbc:postgresql://127.0.0.1:5432/${PORTAL_TEST_DB:-portal_test}}"
"$ROOT/mvnw" -B verify "$@"
