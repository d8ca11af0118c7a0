#!/usr/bin/env bash
# Two builds of ScreeningSearch compared query by query in one process (see SearchAB.java); read-only.
# Usage: src/bench/search/ab.sh A-classes A-db B-classes B-db [rounds] [queries-db]
#   e.g. copy target/classes of main to /tmp/a-classes, build this branch, then
#   src/bench/search/ab.sh /tmp/a-classes portal_bench_large target/classes portal_bench_large 3
# (needs target/quarkus-app from a build: mvnw package)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
A="$(cd "$1" && pwd)"; B="$(cd "$3" && pwd)"
URL=jdbc:postgresql://127.0.0.1:5432
JARS="$(ls "$ROOT"/target/quarkus-app/lib/boot/*.jar "$ROOT"/target/quarkus-app/lib/main/*.jar | tr '\n' ':')"
OUT="$(mktemp -d)"
javac -d "$OUT" -cp "$A:$JARS" "$ROOT/src/bench/search/SearchAB.java" "$ROOT/src/bench/search/SearchBench.java"
echo "load: $(uptime)"
java -Xmx384m -cp "$OUT:$A:$JARS" gov.exports.portal.screening.SearchAB "$URL/${6:-$2}" "$A" "$URL/$2" "$B" "$URL/$4" "$JARS" "${5:-3}"
echo "load: $(uptime)"
