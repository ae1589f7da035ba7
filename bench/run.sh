#!/usr/bin/env bash
# Runs one benchmark from src/test/java/dev/setwise/bench (classes named *Bench, which surefire
# never runs). Benchmarks report ratios against a raw baseline measured in the same run.
#
#   bench/run.sh ExchangeMemoryBench [args...]   (bench/all.sh runs the suite of issue 12)
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 1 ]] || { sed -n '2,6p' "$0"; exit 2; }
name=$1; shift
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "dev.setwise.bench.$name" "$@"
