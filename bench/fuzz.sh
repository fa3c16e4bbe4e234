#!/bin/sh
# Seeded mutation fuzzing of the linter over the real-world corpus (issue 11):
#   bench/fuzz.sh [COUNT] [SEED]     default 20000 inputs, seed 11
# Prints "fuzz: N inputs (seed S) in T s, C crashes, slowest X s (file)"; crashing inputs and the
# slowest one are written to target/fuzz/. Several seeds can run one after another to reach a
# total (e.g. for s in 1 2 3 4 5; do bench/fuzz.sh 200000 $s; done).
set -e
cd "$(dirname "$0")/.."
count=${1:-20000}
seed=${2:-11}
status=0
mvn -o -q test -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false -DexcludedGroups=docker \
  -Ddockdiet.fuzz.count="$count" -Ddockdiet.fuzz.seed="$seed" -DargLine="-Xss4m -Xmx1g -Ddockdiet.fuzz.count=$count -Ddockdiet.fuzz.seed=$seed" || status=$?
cat target/fuzz/summary.txt
exit $status
