#!/usr/bin/env bash
# Soak test: packages the portal, runs it as its own process (port SOAK_PORT [8099], database SOAK_DB [portal_soak],
# dropped and recreated) under steady mixed traffic for MINUTES [20], sampling RSS, live heap and database connections
# every minute; fails on any 5xx, lost write, broken invariant or growth. Summary: target/soak-summary.txt.
# Usage: src/scripts/soak.sh [minutes]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
source "$ROOT/src/scripts/lib.sh"

MINUTES="${1:-20}"
ensure_postgres
STARTED_KC=0
if ! "$ROOT/src/scripts/keycloak.sh" status; then
  "$ROOT/src/scripts/keycloak.sh" start
  STARTED_KC=1
fi
cleanup() { [ "$STARTED_KC" = 1 ] && "$ROOT/src/scripts/keycloak.sh" stop || true; }
trap cleanup EXIT

"$ROOT/mvnw" -B verify -Psoak -Dsoak.minutes="$MINUTES" -Dsoak.port="${SOAK_PORT:-8099}" -Dsoak.db="${SOAK_DB:-portal_soak}"
