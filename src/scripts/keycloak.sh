#!/usr/bin/env bash
# Runs Keycloak (org.keycloak:keycloak-quarkus-dist) for development and tests, bound to 127.0.0.1,
# with the portal's DEMO realm imported from src/main/keycloak. Not a production set-up.
#   keycloak.sh start   fetch (Maven Central) and unpack if needed, start, wait until the realm answers
#   keycloak.sh stop    stop the instance this script started
#   keycloak.sh status  exit 0 when the realm answers
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
KC_VERSION="${KEYCLOAK_VERSION:-26.5.6}"
KC_PORT="${KEYCLOAK_PORT:-8180}"
KC_HOME="${KEYCLOAK_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/export-portal/keycloak-$KC_VERSION}"
RUN_DIR="$ROOT/target/keycloak"
REALM_URL="http://127.0.0.1:$KC_PORT/realms/export-portal/.well-known/openid-configuration"

answers() { curl -fsS -o /dev/null --max-time 3 "$REALM_URL" 2>/dev/null; }

fetch() {
  [ -x "$KC_HOME/bin/kc.sh" ] && return 0
  echo "keycloak: fetching keycloak-quarkus-dist $KC_VERSION from Maven Central"
  mkdir -p "$RUN_DIR" "$(dirname "$KC_HOME")"
  "$ROOT/mvnw" -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
      -DoutputDirectory="$RUN_DIR" -Dmdep.stripVersion=false -f "$ROOT/pom.xml"
  local tmp; tmp="$(mktemp -d "$(dirname "$KC_HOME")/unpack.XXXX")"
  unzip -q "$RUN_DIR/keycloak-quarkus-dist-$KC_VERSION.zip" -d "$tmp"
  rm -rf "$KC_HOME"; mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"; rm -rf "$tmp"
}

start() {
  if answers; then echo "keycloak: already answering on port $KC_PORT"; return 0; fi
  fetch
  mkdir -p "$RUN_DIR"
  # Demo only: start from an empty Keycloak database so the realm file in the repo is always what runs.
  rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import"
  mkdir -p "$KC_HOME/data/import"
  cp "$ROOT/src/main/keycloak/export-portal-realm.json" "$KC_HOME/data/import/"
  echo "keycloak: starting on http://127.0.0.1:$KC_PORT (log: $RUN_DIR/keycloak.log)"
  KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-kcadmin}" \
  KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-kcadmin-demo}" \
  nohup "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" --import-realm \
      >"$RUN_DIR/keycloak.log" 2>&1 &
  echo $! >"$RUN_DIR/keycloak.pid"
  for _ in $(seq 1 180); do
    if answers; then echo "keycloak: realm export-portal ready"; return 0; fi
    if ! kill -0 "$(cat "$RUN_DIR/keycloak.pid")" 2>/dev/null; then
      echo "keycloak: process exited; last log lines:"; tail -40 "$RUN_DIR/keycloak.log"; return 1
    fi
    sleep 1
  done
  echo "keycloak: not ready after 180 s"; tail -40 "$RUN_DIR/keycloak.log"; return 1
}

stop() {
  local pidfile="$RUN_DIR/keycloak.pid"
  [ -f "$pidfile" ] || { echo "keycloak: not started by this script"; return 0; }
  local pid; pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    pkill -TERM -P "$pid" 2>/dev/null || true; kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"; echo "keycloak: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) answers ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
