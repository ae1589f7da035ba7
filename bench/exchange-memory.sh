#!/usr/bin/env bash
# Memory and time of export/import of a large history against a raw JDBC/Jackson baseline,
# measured in the same run (see src/bench/java/dev/setwise/bench/ExchangeBenchmark.java).
# Usage: bench/exchange-memory.sh [SESSIONS...]   (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
rm -rf target/bench-classes && mkdir -p target/bench-classes
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
javac -d target/bench-classes -cp "$CP" $(find src/bench/java -name '*.java')
exec java -Xmx${BENCH_XMX:-512m} -XX:+UseG1GC -cp "target/bench-classes:$CP" dev.setwise.bench.ExchangeBenchmark "$@"
