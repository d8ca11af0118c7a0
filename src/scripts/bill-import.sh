#!/usr/bin/env bash
# Bulk-loads bill tracker data through the portal's import API (POST /api/tracker/imports), one file per
# request, printing progress. Each file is imported whole or not at all; re-running is safe (idempotent).
#
# Usage: src/scripts/bill-import.sh [--track] FILE_OR_DIRECTORY...
#   --track   show newly created bills on the public tracker straight away
#   Files: BILLSTATUS-*.xml, zips of them (expanded locally when `unzip` is available, so progress is per bill),
#   congress.gov API v3 JSON, congress-legislators YAML. Directories are searched recursively. YAML files are
#   sent first (legislators, then committees, then committee membership), so bills find their members.
#
# Environment:
#   PORTAL_URL       portal base URL [http://localhost:8080]
#   PORTAL_TOKEN     bearer token of a user with the tracker-editor role; if unset, one is requested from the
#                    demo realm's portal-cli client with PORTAL_USER [editor] / PORTAL_PASSWORD [demo]
#   PORTAL_KEYCLOAK_URL [http://127.0.0.1:8180], PORTAL_KEYCLOAK_REALM [export-portal]
set -uo pipefail

PORTAL_URL="${PORTAL_URL:-http://localhost:8080}"
TRACK=false
ARGS=()
for a in "$@"; do
  case "$a" in
    --track) TRACK=true ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) ARGS+=("$a") ;;
  esac
done
if [ ${#ARGS[@]} -eq 0 ]; then
  echo "usage: $0 [--track] FILE_OR_DIRECTORY..." >&2
  exit 2
fi

if [ -z "${PORTAL_TOKEN:-}" ]; then
  KC="${PORTAL_KEYCLOAK_URL:-http://127.0.0.1:8180}/realms/${PORTAL_KEYCLOAK_REALM:-export-portal}"
  PORTAL_TOKEN="$(curl -fsS -d grant_type=password -d client_id=portal-cli \
      --data-urlencode "username=${PORTAL_USER:-editor}" --data-urlencode "password=${PORTAL_PASSWORD:-demo}" \
      "$KC/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
  if [ -z "$PORTAL_TOKEN" ]; then
    echo "Could not get a token from $KC; set PORTAL_TOKEN" >&2
    exit 2
  fi
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Collect files; expand zips so that each bill shows progress.
: > "$WORK/files"
collect() {
  local f="$1"
  case "${f,,}" in
    *.zip)
      if command -v unzip >/dev/null; then
        local dir="$WORK/zip$(date +%s%N)"
        mkdir -p "$dir" && unzip -q -o "$f" '*.xml' -d "$dir" 2>/dev/null
        find "$dir" -type f -iname '*.xml' | sort >> "$WORK/files"
      else
        echo "$f" >> "$WORK/files"
      fi ;;
    *.xml|*.json|*.yaml|*.yml) echo "$f" >> "$WORK/files" ;;
  esac
}
for a in "${ARGS[@]}"; do
  if [ -d "$a" ]; then
    while IFS= read -r f; do collect "$f"; done < <(find "$a" -type f | sort)
  elif [ -f "$a" ]; then
    collect "$a"
  else
    echo "No such file or directory: $a" >&2
    exit 2
  fi
done
# members before committees before seats before bills
{ grep -iE 'legislators[^/]*\.ya?ml$' "$WORK/files"; grep -iE '/?committees[^/]*\.ya?ml$' "$WORK/files";
  grep -iE 'membership[^/]*\.ya?ml$' "$WORK/files"; grep -viE '\.ya?ml$' "$WORK/files";
  grep -iE '\.ya?ml$' "$WORK/files" | grep -viE 'legislators|committees|membership'; } | awk '!seen[$0]++' > "$WORK/ordered"

TOTAL=$(wc -l < "$WORK/ordered" | tr -d ' ')
if [ "$TOTAL" -eq 0 ]; then
  echo "Nothing to import (expected .xml, .zip, .json, .yaml files)." >&2
  exit 2
fi
echo "Importing $TOTAL files into $PORTAL_URL"
N=0; OK=0; REFUSED=0
while IFS= read -r f; do
  N=$((N + 1))
  name="$(basename "$f")"
  code=$(curl -sS -o "$WORK/answer" -w '%{http_code}' -X POST \
      -H "Authorization: Bearer $PORTAL_TOKEN" -H "Content-Type: application/octet-stream" \
      --data-binary "@$f" "$PORTAL_URL/api/tracker/imports?track=$TRACK&name=$(printf %s "$name" | sed 's/[^A-Za-z0-9._-]/_/g')")
  answer="$(cat "$WORK/answer")"
  if [ "$code" = "201" ]; then
    OK=$((OK + 1))
    summary="$(printf %s "$answer" | sed -n 's/.*"summary":"\([^"]*\)".*/\1/p')"
    printf '[%*d/%d] %s: %s\n' "${#TOTAL}" "$N" "$TOTAL" "$name" "$summary"
  else
    REFUSED=$((REFUSED + 1))
    message="$(printf %s "$answer" | sed -n 's/.*"message":"\([^"]*\)".*/\1/p')"
    printf '[%*d/%d] %s: REFUSED (HTTP %s) %s\n' "${#TOTAL}" "$N" "$TOTAL" "$name" "$code" "${message:-$answer}"
  fi
done < "$WORK/ordered"
echo "Done: $OK imported, $REFUSED refused, of $TOTAL files."
[ "$REFUSED" -eq 0 ]
