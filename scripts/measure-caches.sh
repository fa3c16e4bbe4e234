#!/usr/bin/env bash
# Measures what package-manager caches cost in an image layer, on the real thing, and writes the
# figures the size rules read (rules/cache-sizes.tsv). Re-runnable; every row carries its date.
#
#   scripts/measure-caches.sh DIR [OUT]
#
# DIR is a private engine directory (scripts/docker-daemon.sh start DIR is run if it is not up).
# OUT defaults to rules/cache-sizes.tsv. Needs root, debootstrap and network access to the mirrors.
# MEASURE_RELEASES (default "bookworm trixie jammy noble"; also bullseye sid focal bionic xenial) and
# MEASURE_PACKAGES (default "build-essential gcc g++ make cmake") choose what is measured.
# Rows of this run replace the same rows of OUT; all other rows of OUT are kept (MEASURE_REPLACE=1:
# write this run's rows only).
#
# What it does, per distribution release:
#   1. bootstraps a minimal rootfs with debootstrap (--variant=minbase) from the release's mirror
#      (deb.debian.org for Debian, archive.ubuntu.com for Ubuntu) and `docker import`s it: there is
#      no registry here, so the official images cannot be pulled;
#   2. configures apt as the official images do (docker-clean: no pkgcache; docker-gzip-indexes;
#      docker-no-languages) with the official image's package sources (the release, -updates and
#      -security; all four Ubuntu components), then builds `FROM <rootfs>` + `RUN apt-get update` with host networking (the daemon runs with
#      --bridge=none) and reads that one layer: its uncompressed size (docker image inspect) and
#      its compressed size (the layer tar from `docker save`, gzip -6, as a registry stores it);
#   3. checks that the layer is (almost) only /var/lib/apt/lists: `du -sb` of it inside the image.
# A release whose mirror cannot be reached is reported as such and skipped (no row, no guess).
set -euo pipefail
. "$(dirname "$0")/docker-apt-conf.sh"

here=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 1 ] || { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
dir=$1
out=${2:-$here/rules/cache-sizes.tsv}
work=$(mktemp -d /tmp/dd-measure.XXXXXX)
trap 'rm -rf "$work"' EXIT

bash "$here/scripts/docker-daemon.sh" status "$dir" 2>/dev/null || bash "$here/scripts/docker-daemon.sh" start "$dir"
eval "$(bash "$here/scripts/docker-daemon.sh" env "$dir")"
command -v debootstrap >/dev/null || { echo "measure-caches.sh: debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }

today=$(date -u +%F)
# release  distro  mirror                          debootstrap script
all_releases="bookworm debian http://deb.debian.org/debian bookworm
trixie debian http://deb.debian.org/debian trixie
bullseye debian http://deb.debian.org/debian bullseye
sid debian http://deb.debian.org/debian sid
jammy ubuntu http://archive.ubuntu.com/ubuntu jammy
noble ubuntu http://archive.ubuntu.com/ubuntu jammy
focal ubuntu http://archive.ubuntu.com/ubuntu focal
bionic ubuntu http://archive.ubuntu.com/ubuntu bionic
xenial ubuntu http://archive.ubuntu.com/ubuntu xenial"
# MEASURE_RELEASES picks some (default: the current Debian and Ubuntu releases); the rows of this
# run are merged into OUT (see the end), so releases can be measured in separate runs
releases=$(printf '%s\n' "$all_releases" | while read -r r rest; do
  case " ${MEASURE_RELEASES-bookworm trixie jammy noble} " in *" $r "*) echo "$r $rest" ;; esac
done)

# packages whose installed size is measured (compilers that DD102 finds in final images)
packages=${MEASURE_PACKAGES-build-essential gcc g++ make cmake}

# the last layer of an image as a registry stores it (gzip -6), and its size on disk:
# prints "<compressed> <uncompressed>"
layer_sizes() {
  local img=$1 base=$2
  local u=$(( $(docker image inspect -f '{{.Size}}' "$img") - $(docker image inspect -f '{{.Size}}' "$base") ))
  rm -rf "$work/img" && mkdir -p "$work/img"
  docker save "$img" -o "$work/img.tar" && tar -C "$work/img" -xf "$work/img.tar"
  local layer
  layer=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))[0]; print(m["Layers"][-1])' "$work/img/manifest.json")
  local c
  c=$(gzip -6 -c "$work/img/$layer" | wc -c)
  rm -rf "$work/img" "$work/img.tar"
  echo "$c $u"
}

rows=()
# Merge: a row of this run replaces the row of OUT with the same cache, distro, release and kind
# (in place); rows of releases not measured now (or whose mirror was unreachable) are kept, so
# releases can be measured one run at a time. MEASURE_REPLACE=1 writes this run's rows only.
if [ -f "$out" ] && [ "${MEASURE_REPLACE-0}" != 1 ]; then cp "$out" "$work/old.tsv"; else : > "$work/old.tsv"; fi
write_out() {
  printf '%s\n' "${rows[@]}" > "$work/new.tsv"
{
  echo "# What a package-manager cache left in a layer costs, measured by scripts/measure-caches.sh; do not edit by hand."
  echo "# Re-run: bash scripts/measure-caches.sh /tmp/dd-measure  (needs root, debootstrap and the mirrors)."
  printf 'cache\tdistro\trelease\tkind\tbytes\tasOf\tsource\n'
  awk -F '\t' '
    FNR == NR { k = $1 FS $2 FS $3 FS $4; fresh[k] = $0; order[++n] = k; next }
    /^#/ || $1 == "cache" || NF == 0 { next }
    { k = $1 FS $2 FS $3 FS $4; if (k in fresh) { print fresh[k]; done[k] = 1 } else print }
    END { for (i = 1; i <= n; i++) if (!(order[i] in done)) print fresh[order[i]] }
  ' "$work/new.tsv" "$work/old.tsv"
} > "$work/out.tsv"
mv "$work/out.tsv" "$out"
}

while read -r rel distro mirror script; do
  if ! curl -sfI --max-time 15 "$mirror/dists/$rel/Release" >/dev/null; then
    echo "measure-caches.sh: $mirror is unreachable for $rel: no figure for $distro $rel" >&2
    continue
  fi
  img="local/dd-measure-$distro:$rel"
  if ! docker image inspect "$img" >/dev/null 2>&1; then
    echo "measure-caches.sh: debootstrap $rel from $mirror" >&2
    root="$work/root-$rel"
    debootstrap --variant=minbase "$rel" "$root" "$mirror" "/usr/share/debootstrap/scripts/$script" >"$work/$rel.log" 2>&1 \
      || { echo "measure-caches.sh: debootstrap $rel failed (see below); skipped" >&2; tail -5 "$work/$rel.log" >&2; continue; }
    # what the official images do: no package lists shipped, apt configured as in the image
    rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb
    tar -C "$root" -c . | docker import - "$img" >/dev/null
    rm -rf "$root"
  fi
  tag="local/dd-measure-lists:$rel"
  # apt configured as in the official images (debuerreotype / ubuntu's docker-* files), then the update
  conf="$work/conf"
  mkdir -p "$conf"
  docker_apt_conf "$conf"
  # the package sources of the official image: the release, its updates and its security suite
  valid_until=
  if [ "$rel" = sid ]; then
    # debian:sid has the one suite (no -updates, no -security); a mirror copy older than the
    # Release file's Valid-Until window (sid's is a week) is still read as of its date
    printf 'deb %s sid main\n' "$mirror" > "$conf/sources.list"
    valid_until='COPY docker-measure-valid-until /etc/apt/apt.conf.d/'
    printf '%s\n' 'Acquire::Check-Valid-Until "false";' > "$conf/docker-measure-valid-until"
  elif [ "$distro" = debian ]; then
    printf 'deb %s %s main\ndeb %s %s-updates main\ndeb http://deb.debian.org/debian-security %s-security main\n' \
      "$mirror" "$rel" "$mirror" "$rel" "$rel" > "$conf/sources.list"
  else
    : > "$conf/sources.list"
    for suite in "$rel" "$rel-updates" "$rel-backports" "$rel-security"; do
      printf 'deb %s %s main restricted universe multiverse\n' "$mirror" "$suite" >> "$conf/sources.list"
    done
  fi
  base_img="local/dd-measure-configured:$rel"
  printf 'FROM %s\nCOPY docker-clean docker-gzip-indexes docker-no-languages /etc/apt/apt.conf.d/\nCOPY sources.list /etc/apt/sources.list\n%s\n' "$img" "$valid_until" \
    | docker build -q -t "$base_img" -f - "$conf" >/dev/null
  if ! printf 'FROM %s\nRUN apt-get update\n' "$base_img" | docker build -q --network host -t "$tag" - >"$work/update.log" 2>&1; then
    echo "measure-caches.sh: $distro $rel: apt-get update failed; no figure for $rel (see below)" >&2
    tail -5 "$work/update.log" >&2
    docker rmi "$base_img" >/dev/null 2>&1 || true
    continue
  fi
  base_size=$(docker image inspect -f '{{.Size}}' "$base_img")
  size=$(docker image inspect -f '{{.Size}}' "$tag")
  uncompressed=$((size - base_size))
  lists=$(docker run --rm --network none "$tag" du -sb /var/lib/apt/lists | cut -f1)
  # the last layer of the image, as a registry would store it (gzip)
  docker save "$tag" -o "$work/img.tar"
  mkdir -p "$work/img" && tar -C "$work/img" -xf "$work/img.tar"
  layer=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))[0]; print(m["Layers"][-1])' "$work/img/manifest.json")
  compressed=$(gzip -6 -c "$work/img/$layer" | wc -c)
  rm -rf "$work/img" "$work/img.tar"
  src="measured: scripts/measure-caches.sh (debootstrap --variant=minbase $rel from $mirror, apt configured and sources as in the official image; RUN apt-get update)"
  rows+=("apt-lists	$distro	$rel	compressed	$compressed	$today	$src")
  rows+=("apt-lists	$distro	$rel	uncompressed	$uncompressed	$today	$src; du -sb /var/lib/apt/lists = $lists")
  echo "measure-caches.sh: $distro $rel apt lists: $compressed compressed, $uncompressed uncompressed bytes" >&2
  # what compilers cost when installed in the final image: one package (and what it pulls in,
  # without recommends) per layer, package lists removed in the same RUN
  # MEASURE_PACKAGES_<release> (e.g. MEASURE_PACKAGES_xenial="gcc g++-5") overrides the list for one release
  pk_var="MEASURE_PACKAGES_$rel"
  for pkg in ${!pk_var-$packages}; do
    ptag="local/dd-measure-pkg:$rel"
    if ! printf 'FROM %s\nRUN apt-get update && apt-get install -y --no-install-recommends %s && rm -rf /var/lib/apt/lists/*\n' \
        "$base_img" "$pkg" | docker build -q --network host -t "$ptag" - >/dev/null 2>"$work/pkg.log"; then
      echo "measure-caches.sh: $distro $rel: apt-get install $pkg failed; no figure" >&2
      continue
    fi
    read -r c u < <(layer_sizes "$ptag" "$base_img")
    psrc="measured: scripts/measure-caches.sh ($distro $rel as the official image; RUN apt-get update && apt-get install -y --no-install-recommends $pkg && rm -rf /var/lib/apt/lists/*)"
    rows+=("apt-package:$pkg	$distro	$rel	compressed	$c	$today	$psrc")
    rows+=("apt-package:$pkg	$distro	$rel	uncompressed	$u	$today	$psrc")
    echo "measure-caches.sh: $distro $rel $pkg: $c compressed, $u uncompressed bytes" >&2
    docker rmi "$ptag" >/dev/null
  done
  docker rmi "$tag" "$base_img" >/dev/null
  write_out # after every release: what was measured is kept even if a later release fails
done <<< "$releases"

[ ${#rows[@]} -gt 0 ] || { echo "measure-caches.sh: nothing measured" >&2; exit 1; }
echo "wrote $out (${#rows[@]} rows measured now, merged with the rows kept)" >&2
