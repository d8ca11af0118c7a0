#!/usr/bin/env bash
# Benchmark suite (issue 8): src/bench/run.sh [small|large|all] [public|rescreen]   (default all; generate the data first
# with generate.sh). With "public", only the public pages (static file, bill page, bill list), start-up and memory; with
# "rescreen", only start-up, step 3b (re-screening after list updates) and memory.
# Runs the packaged application (java -jar, prod profile, local PostgreSQL and Keycloak) on $BENCH_PORT [18091] against
# portal_bench_<scale>, drives it from other processes (wrk for pages, BenchClient.java for sign-in and form posts)
# and prints one line per figure; results also go to target/bench/results-<scale>.txt.
# Knobs: BENCH_DURATION [15s per wrk run], BENCH_CONNECTIONS [8], BENCH_WRITES [200 submissions and decisions],
#        BENCH_RESCREEN_WAIT [600 s], BENCH_PREPARE_WAIT [3600 s, the first full re-screen of a database],
#        BENCH_LIST_UPDATE [0.01, share of the list entries a list update touches], BENCH_JAVA_OPTS (JVM options; default: production's, see lib.sh),
#        BENCH_MALLOC_ARENA_MAX (unset), BENCH_REBUILD=1 (re-package first),
#        BENCH_DB [portal_bench_<scale>] (one scale at a time),
#        BENCH_APPCDS [trained: src/scripts/appcds.sh trains the jar's class-data archive first, as a production build
#        does; "build" keeps the archive ./mvnw package wrote].
set -euo pipefail
source "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
DUR="${BENCH_DURATION:-15s}"
CONN="${BENCH_CONNECTIONS:-8}"
WRITES="${BENCH_WRITES:-200}"
BASE="http://127.0.0.1:$BENCH_PORT"
ensure_postgres
ensure_jar
if [ "${BENCH_APPCDS:-trained}" = trained ]; then "$ROOT/src/scripts/appcds.sh" "$(dirname "$JAR")"; fi
CLIENT=(java "$ROOT/src/bench/BenchClient.java")
PART="${2:-all}"

sample_rss() {  # background sampler of the portal's VmRSS (MB) while load runs
  while kill -0 "$PORTAL_PID" 2>/dev/null; do rss_mb "$PORTAL_PID" >>"$BENCH_OUT/rss-$SCALE.txt" 2>/dev/null; echo >>"$BENCH_OUT/rss-$SCALE.txt"; sleep 0.5; done
}

# wrk_run LABEL CONNECTIONS URL [extra wrk args…]: one result line
wrk_run() {
  local label="$1" c="$2" url="$3"; shift 3
  local line
  line=$(wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"$DUR" --timeout 10s -s "$ROOT/src/bench/report.lua" "$@" "$url" | grep '^RESULT' || echo "RESULT failed")
  printf '%-44s %s\n' "$label" "${line#RESULT }" | tee -a "$RESULTS"
}

# warm [-H header] URL…: a few seconds of load on each URL first, so the JIT has compiled the paths measured
warm() {
  local h=(); if [ "$1" = -H ]; then h=(-H "$2"); shift 2; fi
  for u in "$@"; do wrk -t1 -c2 -d"${BENCH_WARMUP:-5s}" "${h[@]}" "$u" >/dev/null; done
}

run_scale() {
  SCALE="$1"; DB="${BENCH_DB:-portal_bench_$SCALE}"
  RESULTS="$BENCH_OUT/results-$SCALE.txt"; : >"$RESULTS"; : >"$BENCH_OUT/rss-$SCALE.txt"
  if [ "$("${PSQL[@]}" -d "$DB" -tAc "SELECT EXISTS (SELECT 1 FROM official WHERE subject = 'bench-officer-1')" 2>/dev/null)" != t ]; then
    echo "$DB has no generated data: run src/bench/generate.sh $SCALE first" >&2; return 1
  fi
  echo "== $SCALE: $("${PSQL[@]}" -d "$DB" -tAc "SELECT count(*) || ' applications, ' || (SELECT count(*) FROM bill) || ' bills' FROM application")" | tee -a "$RESULTS"
  echo "   machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg) (shared)" | tee -a "$RESULTS"
  "${PSQL[@]}" -d "$DB" -c "VACUUM ANALYZE" >/dev/null
  mkdir -p "$BENCH_OUT/static"
  # the start-up figure is for an already migrated schema: migrate first when the jar brings new migrations
  local latest; latest=$(ls "$ROOT/migrations" | sed -n 's/^V\([0-9]*\)__.*/\1/p' | sort -n | tail -1)
  if [ -z "${BENCH_NO_MIGRATE:-}" ] && [ "$("${PSQL[@]}" -d "$DB" -tAc "SELECT max(version::int) FROM flyway_schema_history")" -lt "$latest" ]; then
    echo "   migrating $DB to V$latest first"; PORTAL_DEMO_DATA=false start_portal "$DB"; stop_portal
  fi
  # prod-like: no demo-data loading at start (generate.sh loaded it once)
  PORTAL_DEMO_DATA=false PORTAL_BENCH_STATIC_DIR="$BENCH_OUT/static" start_portal "$DB"
  printf '%-44s %s\n' "startup (launch to first 200, /bills + ready)" "startup_ms=$STARTUP_MS page_ms=$STARTUP_PAGE_MS ready_ms=$STARTUP_READY_MS" | tee -a "$RESULTS"
  printf '%-44s %s\n' "   JVM" "${BENCH_MALLOC_ARENA_MAX:+MALLOC_ARENA_MAX=$BENCH_MALLOC_ARENA_MAX }java ${BENCH_JAVA_OPTS-$BENCH_JAVA_DEFAULTS} (class-data archive: ${BENCH_APPCDS:-trained})" | tee -a "$RESULTS"
  sample_rss & SAMPLER=$!
  trap 'kill $SAMPLER 2>/dev/null || true; stop_portal' EXIT
  if [ "$PART" = rescreen ]; then rescreen_step; finish_scale; return; fi

  # 1. public pages against a static file of the same size served by the same server
  # a generated tracked bill: 20 actions, a dozen cosponsors, subjects and tags
  local bill; bill=$("${PSQL[@]}" -d "$DB" -tAc "SELECT '/bills/' || congress || '/' || bill_type || '/' || number FROM bill
                       WHERE tracked AND latest_action_text = 'Referred to the Subcommittee on Trade.' ORDER BY id LIMIT 1")
  curl -fs "$BASE$bill" -o "$BENCH_OUT/static/bill-page.html"
  printf '%-44s %s\n' "bill page $bill" "bytes=$(stat -c %s "$BENCH_OUT/static/bill-page.html")" | tee -a "$RESULTS"
  warm "$BASE/bench-static/bill-page.html" "$BASE$bill" "$BASE/bills"
  wrk_run "public: static file, same size" "$CONN" "$BASE/bench-static/bill-page.html"
  wrk_run "public: bill page (anonymous)" "$CONN" "$BASE$bill"
  # browsers send Accept-Encoding: the kept page's gzipped bytes
  wrk_run "public: bill page (anonymous, gzip)" "$CONN" "$BASE$bill" -H "Accept-Encoding: gzip"
  wrk_run "public: bill list /bills (anonymous)" "$CONN" "$BASE/bills"
  if [ "$PART" = public ]; then finish_scale; return; fi

  # 2. officer queue, first and deep pages (keyset cursor at 40% of the closed queue)
  local cookie; cookie=$("${CLIENT[@]}" login "$BASE" officer)
  local closed; closed=$("${PSQL[@]}" -d "$DB" -tAc "SELECT count(*) FROM application WHERE status IN ('APPROVED','APPROVED_WITH_CONDITIONS','DENIED','RETURNED_WITHOUT_ACTION','WITHDRAWN')")
  local cursor; cursor=$("${PSQL[@]}" -d "$DB" -tAc "SELECT to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || '_' || id
      FROM application WHERE status IN ('APPROVED','APPROVED_WITH_CONDITIONS','DENIED','RETURNED_WITHOUT_ACTION','WITHDRAWN')
      ORDER BY submitted_at, id OFFSET $((closed * 4 / 10)) LIMIT 1")
  curl -fs -o /dev/null -H "Cookie: $cookie" "$BASE/review" || { echo "officer session refused" >&2; return 1; }
  warm -H "Cookie: $cookie" "$BASE/review?queue=unassigned" "$BASE/review?queue=closed&after=$cursor" "$BASE/screening?name=Huawei&country=CN"
  wrk_run "officer queue: unassigned, first page" 4 "$BASE/review?queue=unassigned" -H "Cookie: $cookie"
  wrk_run "officer queue: all open, first page" 4 "$BASE/review?queue=open" -H "Cookie: $cookie"
  wrk_run "officer queue: closed, first page" 4 "$BASE/review?queue=closed" -H "Cookie: $cookie"
  wrk_run "officer queue: closed, deep page (40%)" 4 "$BASE/review?queue=closed&after=$cursor" -H "Cookie: $cookie"

  # 3. screening search: names of listed entries (hits) and of customers (mostly no hit), one officer at a time
  "${PSQL[@]}" -d "$DB" -tAc "(SELECT '/screening?country=CN&name=' || replace(replace(name, ' ', '+'), ',', '%2C') FROM screening_entry
        WHERE retired_in IS NULL ORDER BY hashtext(entry_key) LIMIT 60)
      UNION ALL (SELECT '/screening?country=CN&name=' || replace(replace(name_latin, ' ', '+'), ',', '%2C') FROM approved_customer ORDER BY id LIMIT 40)" \
      >"$BENCH_OUT/screening-paths.txt"
  BENCH_PATHS="$BENCH_OUT/screening-paths.txt" wrk_run "screening search ($("${PSQL[@]}" -d "$DB" -tAc "SELECT count(*) FROM screening_entry WHERE retired_in IS NULL") entries), 1 user" 1 "$BASE/screening" -H "Cookie: $cookie"

  # 4. writes under concurrent load: submissions (vendor) and countersigned decisions (senior officer)
  "${PSQL[@]}" -d "$DB" -v n="$WRITES" -v out_decide="$BENCH_OUT/decide.tsv" -v out_submit="$BENCH_OUT/submit.tsv" -f "$ROOT/src/bench/prepare.sql" >/dev/null
  printf '%-44s %s\n' "submit application ($WRITES, 8 threads)" "$("${CLIENT[@]}" post "$BASE" nvidia-vendor 8 "$BENCH_OUT/submit.tsv" | sed 's/^RESULT //')" | tee -a "$RESULTS"
  printf '%-44s %s\n' "record decision ($WRITES, 8 threads)" "$("${CLIENT[@]}" post "$BASE" senior 8 "$BENCH_OUT/decide.tsv" | sed 's/^RESULT //')" | tee -a "$RESULTS"

  rescreen_step
  finish_scale
}

# upload_list FILE: a senior officer uploads FILE at /screening/import (the form's own multipart POST, CSRF token
# included); prints the id of the list version the import wrote once its job is done
upload_list() {
  local file="$1" cookie page token set before job="" version
  cookie=$("${CLIENT[@]}" login "$BASE" senior)
  page=$(curl -fs -D "$BENCH_OUT/import-headers.txt" -H "Cookie: $cookie" "$BASE/screening/import")
  set=$(sed -n 's/^[Ss]et-[Cc]ookie: \(csrf-token=[^;]*\).*/\1/p' "$BENCH_OUT/import-headers.txt" | tail -1)
  [ -z "$set" ] || cookie="$(printf '%s' "$cookie" | sed 's/csrf-token=[^;]*//; s/; *$//'); $set"
  token=$(printf '%s' "$page" | sed -n 's/.*name="csrf-token"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
  before=$("${PSQL[@]}" -d "$DB" -tAc "SELECT coalesce(max(id), 0) FROM screening_job")
  curl -fs -o /dev/null -H "Cookie: $cookie" -F "csrf-token=$token" -F "file=@$file;type=text/csv" "$BASE/screening/import" \
    || { echo "upload of $file refused" >&2; return 1; }
  for _ in $(seq 1 1200); do
    job=$("${PSQL[@]}" -d "$DB" -tAc "SELECT status || ' ' || coalesce(list_version_id::text, '') FROM screening_job WHERE kind = 'IMPORT' AND id > $before AND status <> 'RUNNING' LIMIT 1")
    [ -n "$job" ] && break; sleep 0.5; done
  version=${job#DONE }
  [ "${job%% *}" = DONE ] && [ -n "$version" ] || { echo "import of $file did not finish: ${job:-still running}" >&2; return 1; }
  echo "$version"
}

# wait_rescreen VERSION WAIT: waits up to WAIT seconds for the RESCREEN job of the list version, prints one line
wait_rescreen() {
  local version="$1" wait="$2" job=""
  for _ in $(seq 1 $(( wait * 2 ))); do
    job=$("${PSQL[@]}" -d "$DB" -tAc "SELECT id FROM screening_job WHERE kind = 'RESCREEN' AND list_version_id = $version AND status <> 'RUNNING' LIMIT 1")
    [ -n "$job" ] && break; sleep 0.5; done
  # not finished in time: how far it got (the job goes on in the background)
  [ -n "$job" ] || job=$("${PSQL[@]}" -d "$DB" -tAc "SELECT coalesce(min(id), 0) FROM screening_job WHERE kind = 'RESCREEN' AND list_version_id = $version")
  "${PSQL[@]}" -d "$DB" -tAc "SELECT 'status=' || status || ' parties=' || done || '/' || total
      || ' seconds=' || round(extract(epoch FROM coalesce(finished_at, now()) - started_at)::numeric, 1) FROM screening_job WHERE id = $job"
  "${PSQL[@]}" -d "$DB" -tAc "SELECT '   ' || coalesce(message, '') FROM screening_job WHERE id = $job"
}

# 3b. re-screening after list updates, through the portal's own import and hand-entry paths
rescreen_step() {
  local open rules ready version
  open=$("${PSQL[@]}" -d "$DB" -tAc "SELECT count(*) FROM application WHERE status IN ('SUBMITTED','UNDER_REVIEW','INFORMATION_REQUESTED','RECOMMENDED')")
  # the starting state of a deployment: the list in force imported through the portal and every open party screened
  # against it under the current matching rules (keys and candidate counts stored). Prepared once per database: the
  # list as generated (not yet from a file, so every entry counts as changed) is uploaded as a file, which re-screens
  # every open party; skipped when the latest version's re-screening finished under the current rules.
  rules=$(sed -n 's/.*String MATCHING_RULES = "\(.*\)";/\1/p' "$ROOT/src/main/java/gov/exports/portal/screening/PartyScorer.java")
  ready=$("${PSQL[@]}" -d "$DB" -tAc "SELECT EXISTS (SELECT 1 FROM screening_job WHERE kind = 'RESCREEN' AND status = 'DONE'
      AND matching_rules = '$rules' AND list_version_id = (SELECT max(id) FROM screening_list_version))")
  if [ "$ready" != t ]; then
    "${PSQL[@]}" -d "$DB" -v share=0 -v seed=base -v out="$BENCH_OUT/list-base.csv" -f "$ROOT/src/bench/list-file.sql"
    version=$(upload_list "$BENCH_OUT/list-base.csv")
    printf '%-44s %s\n' "prepare: list imported, full re-screen ($open open applications)" \
      "$(wait_rescreen "$version" "${BENCH_PREPARE_WAIT:-3600}")" | tee -a "$RESULTS"
  fi
  # a list update through the import: about BENCH_LIST_UPDATE (1%) of the entries retired, renamed or added
  "${PSQL[@]}" -d "$DB" -v share="${BENCH_LIST_UPDATE:-0.01}" -v seed="$(date +%s)" -v out="$BENCH_OUT/list-update.csv" \
    -f "$ROOT/src/bench/list-file.sql"
  version=$(upload_list "$BENCH_OUT/list-update.csv")
  printf '%-44s %s\n' "list update imported: $("${PSQL[@]}" -d "$DB" -tAc "SELECT 'version ' || id || ', ' || entry_count
      || ' entries, ' || added || ' added, ' || changed || ' changed, ' || removed || ' removed' FROM screening_list_version WHERE id = $version")" "" \
    | tee -a "$RESULTS"
  printf '%-44s %s\n' "re-screen after list import ($open open applications)" \
    "$(wait_rescreen "$version" "${BENCH_RESCREEN_WAIT:-600}")" | tee -a "$RESULTS"
  # a senior officer adds one entry by hand: a new list version too
  local before; before=$("${PSQL[@]}" -d "$DB" -tAc "SELECT coalesce(max(id), 0) FROM screening_list_version")
  printf '/screening/entries name=Bench+Rescreen+Microelectronics+Co.%%2C+Ltd.+%s&altNames=&address=&country=CN&source=Entity+List&reason=Bench+list+update\n' "$(date +%s)" >"$BENCH_OUT/list-update.tsv"
  "${CLIENT[@]}" post "$BASE" senior 1 "$BENCH_OUT/list-update.tsv" >/dev/null
  version=""; for _ in $(seq 1 60); do
    version=$("${PSQL[@]}" -d "$DB" -tAc "SELECT min(id) FROM screening_list_version WHERE id > $before")
    [ -n "$version" ] && break; sleep 0.5; done
  printf '%-44s %s\n' "re-screen after one entry added by hand" "$(wait_rescreen "${version:-0}" "${BENCH_RESCREEN_WAIT:-600}")" | tee -a "$RESULTS"
}

finish_scale() {
  kill $SAMPLER 2>/dev/null || true
  printf '%-44s %s\n' "resident memory (peak VmHWM; max VmRSS sampled)" "hwm_mb=$(hwm_mb "$PORTAL_PID") rss_mb=$(sort -n "$BENCH_OUT/rss-$SCALE.txt" | tail -1)" | tee -a "$RESULTS"
  stop_portal; trap - EXIT
}

case "$PART" in all|public|rescreen) ;; *) echo "usage: run.sh [small|large|all] [public|rescreen]" >&2; exit 2 ;; esac
case "${1:-all}" in
  small) run_scale small ;;
  large) run_scale large ;;
  all) run_scale small; run_scale large ;;
  *) echo "usage: run.sh [small|large|all] [public|rescreen]" >&2; exit 2 ;;
esac
