#!/usr/bin/env bash
# The base images the fix-build tests (FixBuildsIT, test-fixtures/fix-builds/) build on: real Debian
# bookworm, with real apt and dpkg, and a local package repository so that builds need no network.
#
#   scripts/fix-build-bases.sh        in the engine $DOCKER_HOST names
#
# What it makes, once per engine (kept by tag; re-running with the tags present does nothing):
#   1. debootstrap --variant=minbase bookworm from deb.debian.org, apt configured as in the official
#      image (docker-clean: no pkgcache and no .debs kept; gzipped indexes; no translations; the
#      release, -updates and -security sources), no package lists shipped; imported as
#      local/dd-fixbuild-bootstrap:bookworm;
#   2. a flat apt repository of the real .deb files of the packages the fixtures install ($PACKAGES,
#      with their dependencies and recommends), fetched once from the mirror (the only step with
#      network: --network host) and indexed with apt-ftparchive;
#   3. the bootstrap image with that repository at /srv/local-apt as its only source
#      (`deb [trusted=yes] file:/srv/local-apt ./`), tagged debian:bookworm and debian:12, and the
#      same slimified as debuerreotype --slimify does (no docs, man pages, info, locales; dpkg
#      path-excludes for later installs), tagged debian:bookworm-slim and debian:12-slim; all
#      labelled dev.dockdiet.stand-in so a real image is never replaced.
# So `apt-get update` writes /var/lib/apt/lists as against the mirror, `apt-get install` fails with
# "Unable to locate package" once the lists are removed, recommends are installed unless
# --no-install-recommends: the state a fix could remove is apt's own. What differs from the official
# image: the repository holds only these packages, and the rootfs is debootstrap's minbase.
# Needs root, debootstrap and deb.debian.org (DD_DEBIAN_MIRROR overrides the mirror).
set -euo pipefail
. "$(dirname "$0")/docker-apt-conf.sh"

PACKAGES=${PACKAGES:-"curl jq tree unzip zip bc less procps"}
mirror=${DD_DEBIAN_MIRROR:-http://deb.debian.org/debian}
label=dev.dockdiet.stand-in
version="fix-builds v2: bookworm minbase + local apt repository ($PACKAGES)"

docker version >/dev/null 2>&1 || { echo "fix-build-bases.sh: no Docker engine at ${DOCKER_HOST:-the default socket}" >&2; exit 1; }

have() { [ "$(docker image inspect -f "{{index .Config.Labels \"$label\"}}" "$1" 2>/dev/null || true)" = "$version" ]; }

tags="debian:bookworm debian:bookworm-slim debian:12 debian:12-slim"
all=1
for t in $tags; do have "$t" || all=0; done
if [ $all = 1 ]; then
  echo "fix-build-bases.sh: $tags present" >&2
  exit 0
fi
for t in $tags; do
  if docker image inspect "$t" >/dev/null 2>&1 && [ -z "$(docker image inspect -f "{{index .Config.Labels \"$label\"}}" "$t")" ]; then
    echo "fix-build-bases.sh: $t is a real image here; the stand-in never replaces it" >&2
    exit 1
  fi
done

work=$(mktemp -d /tmp/dd-fixbases.XXXXXX)
trap 'rm -rf "$work"' EXIT
boot=local/dd-fixbuild-bootstrap:bookworm
if ! docker image inspect "$boot" >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || { echo "fix-build-bases.sh: debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }
  start=$(date +%s)
  root="$work/root"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { echo "fix-build-bases.sh: debootstrap failed:" >&2; tail -20 "$work/debootstrap.log" >&2; exit 1; }
  # apt as the official image configures it (debuerreotype)
  docker_apt_conf "$root/etc/apt/apt.conf.d"
  printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb http://deb.debian.org/debian-security bookworm-security main\n' \
    "$mirror" "$mirror" > "$root/etc/apt/sources.list"
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb
  tar -C "$root" -c . | docker import -m "dockdiet test stand-in: debootstrap minbase bookworm" \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' -c 'CMD ["bash"]' - "$boot" >/dev/null
  rm -rf "$root"
  echo "fix-build-bases.sh: bootstrapped bookworm in $(( $(date +%s) - start ))s" >&2
fi

if ! docker image inspect "$boot-slim" >/dev/null 2>&1; then
  # the -slim variant as debuerreotype --slimify makes it: no docs (but copyrights), man pages,
  # info, locales or lintian overrides, now or from packages installed later (dpkg path-exclude);
  # exported and imported again, so that it is one layer
  name=dd-fixbuild-slimify-$$
  docker run --name "$name" --network none "$boot" sh -c '
    printf "%s\n" "path-exclude /usr/share/doc/*" "path-include /usr/share/doc/*/copyright" \
      "path-exclude /usr/share/info/*" "path-exclude /usr/share/linda/*" "path-exclude /usr/share/lintian/overrides/*" \
      "path-exclude /usr/share/locale/*" "path-exclude /usr/share/man/*" > /etc/dpkg/dpkg.cfg.d/docker
    find /usr/share/doc -mindepth 1 -not -name copyright -not -type d -delete
    find /usr/share/doc -mindepth 1 -type d -empty -delete
    rm -rf /usr/share/info/* /usr/share/linda/* /usr/share/lintian/overrides/* /usr/share/locale/* /usr/share/man/*' >&2
  docker export "$name" | docker import -m "dockdiet test stand-in: debootstrap minbase bookworm, slimified" \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' -c 'CMD ["bash"]' - "$boot-slim" >/dev/null
  docker rm "$name" >/dev/null
fi

start=$(date +%s)
mkdir -p "$work/ctx"
cat > "$work/ctx/Dockerfile" <<EOF
FROM $boot AS fetch
RUN apt-get update && apt-get install -y -qq --no-install-recommends apt-utils >/dev/null
RUN mkdir -p /repo/partial && apt-get install -y -qq --download-only -o Dir::Cache::Archives=/repo/ $PACKAGES >/dev/null \\
 && rm -rf /repo/partial /repo/lock && cd /repo && apt-ftparchive packages . > Packages && ls /repo | wc -l

FROM \$base
COPY --from=fetch /repo /srv/local-apt
RUN echo 'deb [trusted=yes] file:/srv/local-apt ./' > /etc/apt/sources.list && rm -f /etc/apt/sources.list.d/*
LABEL $label="$version"
EOF
# the ARG before FROM picks the variant; the fetch stage is cached after the first build
sed -i '1i ARG base' "$work/ctx/Dockerfile"
docker build -q --network host --build-arg base="$boot" -t debian:bookworm "$work/ctx" >/dev/null
docker build -q --network host --build-arg base="$boot-slim" -t debian:bookworm-slim "$work/ctx" >/dev/null
docker tag debian:bookworm debian:12
docker tag debian:bookworm-slim debian:12-slim
docker image prune -f >/dev/null 2>&1 || true
echo "fix-build-bases.sh: local repository image ($PACKAGES) in $(( $(date +%s) - start ))s: $tags" >&2
