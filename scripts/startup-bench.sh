#!/usr/bin/env bash
# Whole-process start-up time of bin/dockdiet on one typical Dockerfile: 3 warm-up runs, then N
# timed runs; prints the median and quartiles in milliseconds (bench/bench.sh compares with the
# npm peers and reports CPU time too). Build first:
#   mvn -q package -DskipTests && bin/dockdiet --build-cds
#   scripts/startup-bench.sh [N] [FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
file=${2:-test-fixtures/golden/python-slim-pip/Dockerfile}
run() { bin/dockdiet --color never "$file" >/dev/null 2>&1 || true; }
for _ in 1 2 3; do run; done
times=()
for _ in $(seq "$n"); do
  s=$(date +%s%N); run; e=$(date +%s%N)
  times+=($(( (e - s) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
q() { echo "${sorted[$(( (${#sorted[@]} - 1) * $1 / 4 ))]}"; }
j=${DOCKDIET_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
cache=$(awk -v j="$j" '$2 == j { split($3, a, "="); print a[1]; found = 1 } END { if (!found) print "no start-up cache" }' target/startup/launch 2>/dev/null || echo "no start-up cache")
echo "bin/dockdiet on $file, $n runs: median $(q 2) ms [q1 $(q 1) - q3 $(q 3)] ($("$j" -version 2>&1 | sed -n 1p); $cache)"
