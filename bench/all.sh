#!/usr/bin/env bash
# Every benchmark of issue 12, one table: measure, Setwise, baseline, ratio, budget, met.
# Setwise runs from its real entry points (target/setwise.jar, its services, its REST API) against
# raw baselines measured in the same run, alternating; medians; warm-ups discarded. The table is
# printed and written as markdown to target/bench/results.md.
#
#   bench/all.sh                 everything (about 12 minutes on 2 cores; the first run also
#                                generates the large histories, cached in target/bench/cache)
#   bench/all.sh --quick         fewer repetitions, shorter load runs (a smoke check, noisier)
#   bench/all.sh history rest    only the measures named:
#       window      first visible window and peak RSS at 10 s vs the smallest JavaFX window
#       cli         `profile list` on a folder in use vs open + SELECT in raw JDBC
#       save        one set edit saved (SessionService.update, FULL) vs a raw UPDATE
#       history     History page + total at 10k, 100k, 1M sessions (growth, time at 1M)
#       rest-get    REST GET one session at 64 connections vs a bare Javalin handler
#       rest-list   REST list limit=50 at 100k sessions vs the same on an empty database
#       rest-patch  REST PATCH at 64 connections (FULL) vs bare Javalin + raw UPDATE
#       rest-postgresql  GET, list and PATCH on PostgreSQL (1 and 2 instances) vs SQLite
#       rest        the four rest-* measures
#       import      import of 100k sessions (BENCH_IMPORT_SESSIONS=N: N) vs raw JDBC, same rows
#   bench/all.sh --strict        exit 3 when a budget is not met
#
# Needs JDK 17+ and Maven; installs what is missing with apt-get (Xvfb and GTK for the window,
# wrk for the REST load). BENCH_SKIP_BUILD=1 uses the jar and classes already built.
set -euo pipefail
cd "$(dirname "$0")/.."

for arg in "$@"; do
  if [[ $arg == -h || $arg == --help ]]; then
    sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
  fi
done

# What the selected measures need: the window wants an X server, the REST measures want wrk.
want_window=1 want_wrk=1
names=()
for arg in "$@"; do [[ $arg == --* ]] || names+=("$arg"); done
if ((${#names[@]})); then
  want_window=0 want_wrk=0
  for name in "${names[@]}"; do
    [[ $name == window ]] && want_window=1
    [[ $name == rest* ]] && want_wrk=1
  done
fi

need=()
if ((want_window)); then
  command -v Xvfb >/dev/null || need+=(xvfb)
  command -v xdpyinfo >/dev/null || need+=(x11-utils)
  # What the JavaFX toolkit loads on Linux (GTK 3 glass, OpenGL or software prism, XTest).
  for lib in libgtk-3.so.0 libGL.so.1 libXtst.so.6; do
    ldconfig -p | grep -q "$lib" || need+=("$(case $lib in libgtk*) echo libgtk-3-0;; libGL*) echo libgl1;;
      *) echo libxtst6;; esac)")
  done
  fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
fi
((want_wrk)) && { command -v wrk >/dev/null || need+=(wrk); }
if ((${#need[@]})); then
  echo "bench/all.sh: installing ${need[*]}" >&2
  sudo=()
  ((EUID == 0)) || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 \
    || { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null; }
fi

if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  echo "bench/all.sh: building target/setwise.jar and the benchmarks" >&2
  mvn -B -q -o package -DskipTests dependency:build-classpath \
      -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test \
    || mvn -B -q package -DskipTests dependency:build-classpath \
      -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
mkdir -p target/bench

xvfb_pid=
cleanup() { [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT
if ((want_window)); then
  # Our own X server, so every run sees the same screen (1280x800, 24 bit) and nothing else on it.
  for n in $(seq 90 140); do
    [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]] && continue
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >target/bench/xvfb.log 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 100); do
      xdpyinfo -display ":$n" >/dev/null 2>&1 && break
      kill -0 "$xvfb_pid" 2>/dev/null || break
      sleep 0.05
    done
    if xdpyinfo -display ":$n" >/dev/null 2>&1; then
      export DISPLAY=":$n"
      break
    fi
    kill "$xvfb_pid" 2>/dev/null || true
    xvfb_pid=
  done
  [[ -n $xvfb_pid ]] || { echo "bench/all.sh: could not start Xvfb (see target/bench/xvfb.log)" >&2; exit 1; }
fi

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
git diff --quiet HEAD 2>/dev/null || commit="$commit+changes"
java ${BENCH_JAVA_OPTS:-} -Dbench.commit="$commit" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.setwise.bench.AllBench "$@"
