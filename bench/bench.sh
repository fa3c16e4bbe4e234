#!/usr/bin/env bash
# Whole-process benchmarks of dockdiet beside the npm Dockerfile linters, on this machine, paired
# (the commands of a table run alternately, so a noisy shared machine slows them alike); wall time,
# CPU time (user+sys from wait4) and peak RSS; medians. Build first: mvn -q package -DskipTests
#
#   bench/bench.sh [startup|corpus|big|all]
#
# Environment: RUNS (startup rounds, default 20), CORPUS_RUNS (default 5), PEERS (where the npm
# peers are installed, default /tmp/dockdiet-peers; installed from the npm registry if missing),
# CORPUS (default ../shared/corpus), JAVA17, JAVA25 (the two Javas of the start-up table),
# BASE_JAR (an older dockdiet.jar to compare the corpus run with, optional), BIG_DIR (default
# target/bench-big).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
RUNS=${RUNS:-20}
CORPUS_RUNS=${CORPUS_RUNS:-5}
PEERS=${PEERS:-/tmp/dockdiet-peers}
CORPUS=${CORPUS:-$(cd .. && pwd)/shared/corpus}
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpus
JAVA17=${JAVA17:-$(command -v java)}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
BIG_DIR=${BIG_DIR:-target/bench-big}
T="python3 bench/timeit.py"
jflags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr"

peers() {
  if [ ! -x "$PEERS/node_modules/.bin/dockerfilelint" ] || [ ! -x "$PEERS/node_modules/.bin/dockerfile_lint" ]; then
    mkdir -p "$PEERS"
    npm install --silent --prefix "$PEERS" dockerfilelint@1.8.0 dockerfile_lint@0.3.4 >/dev/null
  fi
}

header() {
  echo
  echo "### $1"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
}

startup() {
  peers
  DOCKDIET_JAVA=$JAVA17 bin/dockdiet --build-cds 2>/dev/null
  DOCKDIET_JAVA=$JAVA25 bin/dockdiet --build-cds 2>/dev/null
  local f=bench/sample-30.Dockerfile
  local before=()
  if [ -n "${BASE_JAR:-}" ]; then
    # the older jar as its launcher ran it: a dynamic AppCDS archive trained on a text lint
    "$JAVA17" $jflags -XX:ArchiveClassesAtExit=target/bench-base.jsa -jar "$BASE_JAR" --color never "$f" >/dev/null 2>&1 || true
    before=("dockdiet before (BASE_JAR), JDK 17 + AppCDS=$JAVA17 $jflags -XX:SharedArchiveFile=target/bench-base.jsa -jar $BASE_JAR --color never $f")
  fi
  header "Cold start: one 30-line Dockerfile ($f), $RUNS paired rounds"
  echo "\`python3 bench/timeit.py --runs $RUNS ...\` with the commands in the first column"
  echo
  $T --runs "$RUNS" --warmup 3 \
    "dockdiet, $("$JAVA17" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/JDK \1/p') + AppCDS=env DOCKDIET_JAVA=$JAVA17 bin/dockdiet --color never $f" \
    "dockdiet, $("$JAVA25" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/Temurin \1/p') + AOT cache=env DOCKDIET_JAVA=$JAVA25 bin/dockdiet --color never $f" \
    "dockdiet -f json, JDK 17 + AppCDS=env DOCKDIET_JAVA=$JAVA17 bin/dockdiet --format json $f" \
    ${before[@]+"${before[@]}"} \
    "dockerfilelint 1.8.0=$PEERS/node_modules/.bin/dockerfilelint $f" \
    "dockerfile_lint 0.3.4=$PEERS/node_modules/.bin/dockerfile_lint -f $f" \
    "node -e 0 (floor)=node -e 0"
}

corpus() {
  peers
  local list
  list=$(mktemp)
  awk -F'\t' 'NR > 1 { print $4 }' "$CORPUS/manifest.tsv" > "$list"
  local n
  n=$(wc -l < "$list")
  local cmds=("dockdiet=$(pwd)/bin/dockdiet --format json --fail-on none @$list")
  if [ -n "${BASE_JAR:-}" ]; then
    cmds+=("dockdiet before (BASE_JAR)=java $jflags -jar $BASE_JAR --format json --fail-on none @$list")
  fi
  cmds+=("dockerfilelint 1.8.0=node $(pwd)/bench/peer-lint.js $PEERS dockerfilelint $list")
  cmds+=("dockerfile_lint 0.3.4=node $(pwd)/bench/peer-lint.js $PEERS dockerfile_lint $list")
  header "Whole corpus: $n files of $CORPUS in one process each, JSON out, $CORPUS_RUNS paired rounds"
  echo "(the peers through bench/peer-lint.js: their CLIs stop at the first file they crash on)"
  echo
  $T --runs "$CORPUS_RUNS" --warmup 1 --cwd "$CORPUS" "${cmds[@]}"
  rm -f "$list"
}

big() {
  mkdir -p "$BIG_DIR"
  header "Big single-stage files (bench/gen-big.py: real RUN lines from the corpus; one RUN with N continuation lines)"
  echo "| file | bytes | wall s | CPU s | CPU s per MB | peak RSS MB | findings |"
  echo "|---|---|---|---|---|---|---|"
  local spec
  for spec in runs:1000000 runs:2000000 runs:4000000 runs:10000000 cont:10000 cont:20000 cont:40000; do
    local kind=${spec%%:*} n=${spec#*:}
    local f="$BIG_DIR/$kind-$n.Dockerfile"
    [ -f "$f" ] || DOCKDIET_CORPUS="$CORPUS" python3 bench/gen-big.py "$kind" "$n" "$f"
    local out
    out=$(python3 - "$f" <<'PY'
import os, subprocess, sys, time, json
f = sys.argv[1]
t = time.perf_counter()
p = subprocess.Popen(["bin/dockdiet", "--format", "json", "--fail-on", "none", f], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
data = p.stdout.read()
_, _, ru = os.wait4(p.pid, 0)
wall = time.perf_counter() - t
cpu = ru.ru_utime + ru.ru_stime
size = os.path.getsize(f)
n = sum(len(x.get("findings", [])) for x in json.loads(data)["files"])
print(f"{size} | {wall:.1f} | {cpu:.1f} | {cpu / (size / 1e6):.2f} | {ru.ru_maxrss / 1024:.0f} | {n}")
PY
)
    echo "| $kind $n | $out |"
  done
}

case $what in
  startup) startup ;;
  corpus) corpus ;;
  big) big ;;
  all) startup; corpus; big ;;
  *) echo "usage: bench/bench.sh [startup|corpus|big|all]" >&2; exit 2 ;;
esac
