#!/usr/bin/env bash
# Runs every test dockdiet has: unit, conformance, corpus, golden, and the integration tests that
# need a real Docker engine. It starts a private dockerd (installing Debian's docker.io if it is
# missing) in a temporary directory, runs the Maven build with the docker tests enabled, and stops
# the daemon whatever happens. Then it checks the release archive without Java
# (scripts/release-smoke.sh) and builds and runs dockdiet's own image (scripts/image-smoke.sh). Needs root for the daemon (CI and the dev machines run as root).
#
#   scripts/test.sh                 everything
#   scripts/test.sh -Dtest='Foo*'   extra Maven arguments are passed on
set -euo pipefail
cd "$(dirname "$0")/.."

dir=$(mktemp -d /tmp/ddtest.XXXX)
cleanup() {
  bash scripts/docker-daemon.sh stop "$dir" >/dev/null 2>&1 || true
  rm -rf "$dir" 2>/dev/null || true
}
trap cleanup EXIT

# the registry tests run Debian's docker-registry, with htpasswd (apache2-utils) for Basic auth;
# the fix-build tests bootstrap their Debian base with debootstrap (scripts/fix-build-bases.sh)
need=()
command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || need+=(apache2-utils)
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}"; }
fi

bash scripts/docker-daemon.sh start "$dir"
eval "$(bash scripts/docker-daemon.sh env "$dir")"
export DOCKER_HOST

# every tag but "fuzz" (a long seeded run: bench/fuzz.sh)
mvn -B -ntp verify -DexcludedGroups=fuzz "$@"

# the release archive on a PATH without Java, and dockdiet's own image built on stand-in bases
bash scripts/release-smoke.sh
bash scripts/image-smoke.sh
