#!/usr/bin/env bash
# Peak heap of export/import of a large history against a raw JDBC/Jackson baseline,
# measured in the same run, in a 512 MiB heap (ExchangeMemoryBench).
#   bench/exchange-memory.sh [SESSIONS...]   (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_JAVA_OPTS="-Xmx${BENCH_XMX:-512m} -XX:+UseG1GC ${BENCH_JAVA_OPTS:-}" exec bench/run.sh ExchangeMemoryBench "$@"
