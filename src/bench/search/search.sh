#!/usr/bin/env bash
# ScreeningSearch alone against a bench database (read-only: every search is rolled back).
# Usage: src/bench/search/search.sh [portal_bench_large] [current|legacy]   (needs target/ from a build: mvnw package)
# SEARCH_JAVA_OPTS [-Xmx256m]: the JVM's options, e.g. the production JIT: "-Xmx256m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
DB="${1:-portal_bench_large}"
OUT="$(mktemp -d)"
CP="$ROOT/target/classes:$(ls "$ROOT"/target/quarkus-app/lib/boot/*.jar "$ROOT"/target/quarkus-app/lib/main/*.jar 2>/dev/null | tr '\n' ':')"
[ -d "$ROOT/target/quarkus-app/lib/main" ] || CP="$ROOT/target/classes:$(cd "$ROOT" && ./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
javac -d "$OUT" -cp "$CP" "$ROOT/src/bench/search/SearchBench.java"
echo "load: $(uptime)"
echo "opts: ${SEARCH_JAVA_OPTS:--Xmx256m}"
java ${SEARCH_JAVA_OPTS:--Xmx256m} -cp "$OUT:$CP" gov.exports.portal.screening.SearchBench "jdbc:postgresql://127.0.0.1:5432/$DB" "${2:-current}"
