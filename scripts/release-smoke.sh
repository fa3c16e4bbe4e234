#!/usr/bin/env bash
# Checks the release archive the way a user without Java gets it: unpack it into an empty
# directory, link the launcher onto a PATH that has no java, and run every command and report
# format; each output must equal what the jar gives on the build JDK.
#
#   scripts/release-smoke.sh [ARCHIVE]    (default: the newest target/dockdiet-*-linux-x64.tar.gz)
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:-$(ls -t target/dockdiet-*-linux-x64.tar.gz 2>/dev/null | sed -n 1p)}
[ -f "$archive" ] || { echo "release-smoke.sh: no release archive; run mvn package" >&2; exit 2; }
tmp=$(mktemp -d /tmp/ddrel.XXXX)
trap 'rm -rf "$tmp"' EXIT
tar -C "$tmp" -xzf "$archive"
home=$(ls -d "$tmp"/dockdiet-*)
mkdir "$tmp/path"
ln -s "$home/bin/dockdiet" "$tmp/path/dockdiet"          # symlinked onto PATH, as users install it
for tool in readlink dirname mktemp rm mv; do ln -s "$(command -v $tool)" "$tmp/path/$tool"; done
run() { env -i HOME="$tmp" PATH="$tmp/path" dockdiet "$@"; }
if env -i PATH="$tmp/path" sh -c 'command -v java' >/dev/null 2>&1; then
  echo "release-smoke.sh: java is still on the test PATH" >&2; exit 1
fi

fixture=test-fixtures/size/express/Dockerfile
fail=0
check() {  # check NAME EXPECTED_EXIT ARGS...: same stdout and exit code as the jar on the build JDK
  local name=$1 want=$2; shift 2
  set +e
  run "$@" < "${stdin:-/dev/null}" > "$tmp/got" 2> "$tmp/err"; got=$?
  java -jar target/dockdiet.jar "$@" < "${stdin:-/dev/null}" > "$tmp/want" 2>/dev/null
  set -e
  if [ "$got" != "$want" ] || ! cmp -s "$tmp/got" "$tmp/want"; then
    echo "FAIL $name: exit $got (want $want)"; sed -n 1,5p "$tmp/err"; diff "$tmp/want" "$tmp/got" | sed -n 1,10p || true
    fail=1
  else
    echo "ok   $name"
  fi
}
if run --version | grep -q '^dockdiet '; then echo "ok   version: $(run --version | tr '\n' ' ')"; else echo "FAIL version"; fail=1; fi
for f in text json sarif checkstyle github gitlab rdjson; do
  check "lint --format $f" 1 --color never --format "$f" "$fixture"
done
check "explain" 0 explain DD101
check "rules" 0 rules --format json
check "parse" 0 parse --dump "$fixture"
check "rewrite" 0 rewrite test-fixtures/size/go-http/Dockerfile
# the Docker engine path (docker-java over a unix socket, JNA): only when an engine is given
if [ -n "${DOCKER_HOST:-}" ]; then
  bash scripts/docker-daemon.sh base-images /tmp >/dev/null 2>&1
  run_engine() { env -i HOME="$tmp" PATH="$tmp/path" DOCKER_HOST="$DOCKER_HOST" dockdiet "$@"; }
  if run_engine image local/busybox:1 --format json > "$tmp/got" 2> "$tmp/err" \
      && java -jar target/dockdiet.jar image local/busybox:1 --format json > "$tmp/want" 2>/dev/null \
      && cmp -s "$tmp/got" "$tmp/want"; then
    echo "ok   image local/busybox:1 (engine at $DOCKER_HOST)"
  else
    echo "FAIL image local/busybox:1"; sed -n 1,5p "$tmp/err"; fail=1
  fi
else
  echo "skip image: no DOCKER_HOST (scripts/test.sh provides one)"
fi
stdin=$fixture check "stdin" 1 --color never -
[ -f "$home/lib/dockdiet.aot" ] || [ -f "$home/lib/dockdiet.jsa" ] || { echo "FAIL no start-up cache in the archive"; fail=1; }
echo "archive: $archive ($(du -h "$archive" | cut -f1))"
exit $fail
