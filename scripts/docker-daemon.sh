#!/usr/bin/env bash
# A private Docker daemon for dockdiet's integration tests and CI.
#
#   scripts/docker-daemon.sh start DIR        install docker.io if dockerd is missing, start a daemon
#                                             whose state lives in DIR, wait until it answers /_ping
#   scripts/docker-daemon.sh stop DIR         stop that daemon (by the pid in DIR/pid) and wait for it
#   scripts/docker-daemon.sh env DIR          print `export DOCKER_HOST=unix://DIR/docker.sock`
#   scripts/docker-daemon.sh base-images DIR  build local stand-in base images with `docker import`
#                                             (there is no registry here): local/busybox:1, in the
#                                             daemon of DIR (or the one $DOCKER_HOST names, if set)
#   scripts/docker-daemon.sh status DIR       exit 0 when the daemon in DIR answers /_ping
#
# The daemon: dockerd --storage-driver=vfs --iptables=false --ip6tables=false --bridge=none
#   --data-root DIR/data --exec-root DIR/exec -H unix://DIR/docker.sock --pidfile DIR/pid,
#   logging to DIR/dockerd.log. It needs root (CI and the dev machines run as root).
# Environment: DOCKDIET_DOCKERD_TIMEOUT (seconds to wait for /_ping, default 60).
set -euo pipefail

die() { echo "docker-daemon.sh: $*" >&2; exit 1; }

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[ $# -eq 2 ] || usage
cmd=$1
case "$cmd" in start|stop|env|status|base-images) ;; *) usage ;; esac
mkdir -p "$2"
dir=$(cd "$2" && pwd)
sock="$dir/docker.sock"
pidfile="$dir/pid"
log="$dir/dockerd.log"

# unix socket paths are limited to 107 bytes; containerd's sockets live deeper under exec-root
if [ ${#dir} -gt 60 ]; then
  die "DIR is too long for unix sockets (${#dir} > 60 characters): $dir"
fi

ping_ok() {
  curl -sf --max-time 2 --unix-socket "$sock" http://localhost/_ping >/dev/null 2>&1
}

install_engine() {
  # Debian's docker.io puts its client at /usr/bin/docker. A client already installed elsewhere
  # (e.g. /usr/local/bin/docker) is not managed by dpkg, so there is no file conflict; the client
  # first on PATH is used, and both negotiate the API version down to the daemon's.
  local pkgs=()
  command -v dockerd >/dev/null 2>&1 || pkgs+=(docker.io)
  command -v curl >/dev/null 2>&1 || pkgs+=(curl)
  command -v docker >/dev/null 2>&1 || pkgs+=(docker.io)
  [ ${#pkgs[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "need root to install ${pkgs[*]}"
  echo "docker-daemon.sh: installing ${pkgs[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || die "apt-get update failed"
  # policy-rc.d may refuse to start the system service; that is fine, we start our own daemon
  apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >&2 || die "apt-get install ${pkgs[*]} failed"
  command -v dockerd >/dev/null 2>&1 || die "dockerd still missing after installing docker.io"
}

start() {
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    if ping_ok; then echo "docker-daemon.sh: already running (pid $(cat "$pidfile")) at unix://$sock" >&2; return 0; fi
    die "a dockerd (pid $(cat "$pidfile")) owns $dir but does not answer /_ping; run: $0 stop $dir"
  fi
  install_engine
  [ "$(id -u)" -eq 0 ] || die "dockerd needs root"
  mkdir -p "$dir/data" "$dir/exec"
  rm -f "$pidfile" "$sock"
  # setsid: the daemon outlives this script and is not hit by the caller's job-control signals
  setsid dockerd --storage-driver=vfs --iptables=false --ip6tables=false --bridge=none \
    --data-root "$dir/data" --exec-root "$dir/exec" -H "unix://$sock" --pidfile "$pidfile" \
    >"$log" 2>&1 < /dev/null &
  local launched=$!
  local timeout=${DOCKDIET_DOCKERD_TIMEOUT:-60}
  local waited=0
  until ping_ok; do
    if ! kill -0 "$launched" 2>/dev/null; then
      echo "docker-daemon.sh: dockerd exited before answering /_ping; last lines of $log:" >&2
      tail -n 20 "$log" >&2
      exit 1
    fi
    if [ "$waited" -ge $((timeout * 4)) ]; then
      echo "docker-daemon.sh: dockerd did not answer /_ping at unix://$sock within ${timeout}s; last lines of $log:" >&2
      tail -n 20 "$log" >&2
      kill "$launched" 2>/dev/null || true
      exit 1
    fi
    sleep 0.25
    waited=$((waited + 1))
  done
  # dockerd writes its pidfile itself; keep ours in case it has not yet
  [ -s "$pidfile" ] || echo "$launched" >"$pidfile"
  echo "docker-daemon.sh: dockerd $(dockerd --version | sed 's/^Docker version //') running (pid $(cat "$pidfile")) at unix://$sock" >&2
}

stop() {
  if [ ! -f "$pidfile" ]; then echo "docker-daemon.sh: no daemon in $dir" >&2; return 0; fi
  local pid
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    local i=0
    while kill -0 "$pid" 2>/dev/null; do
      if [ $i -ge 120 ]; then
        echo "docker-daemon.sh: dockerd $pid still alive after 30s, sending SIGKILL" >&2
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.25
      i=$((i + 1))
    done
  fi
  rm -f "$pidfile"
  echo "docker-daemon.sh: stopped dockerd $pid" >&2
}

base_images() {
  # the daemon in DIR, or the one DOCKER_HOST names when it is set
  export DOCKER_HOST="${DOCKER_HOST:-unix://$sock}"
  docker version >/dev/null 2>&1 || die "no Docker engine answers at $DOCKER_HOST; run: $0 start $dir"
  if docker image inspect local/busybox:1 >/dev/null 2>&1; then
    echo "docker-daemon.sh: local/busybox:1 already present" >&2
    return 0
  fi
  local bb
  bb=$(command -v busybox || true)
  if [ -z "$bb" ] || ! "$bb" --list >/dev/null 2>&1 || ldd "$bb" >/dev/null 2>&1; then
    # a dynamically linked busybox would not run alone in a rootfs: use Debian's static one
    if [ ! -x /bin/busybox ] || ldd /bin/busybox >/dev/null 2>&1; then
      [ "$(id -u)" -eq 0 ] || die "need root to install busybox-static"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends busybox-static >&2 \
        || { apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends busybox-static >&2; } \
        || die "apt-get install busybox-static failed"
    fi
    bb=/bin/busybox
  fi
  local root="$dir/rootfs-busybox"
  rm -rf "$root"
  mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/root"
  cp "$bb" "$root/bin/busybox"
  chmod 1777 "$root/tmp"
  # symlinks for every applet (sh, ls, rm, dd, ...), relative to the rootfs
  "$root/bin/busybox" --list | while read -r applet; do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$root/etc/passwd"
  printf 'root:x:0:\n' >"$root/etc/group"
  tar -C "$root" -c . | docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'CMD ["/bin/sh"]' - local/busybox:1 >/dev/null
  rm -rf "$root"
  echo "docker-daemon.sh: built local/busybox:1 ($(docker image inspect -f '{{.Size}}' local/busybox:1) bytes)" >&2
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  env) echo "export DOCKER_HOST=unix://$sock" ;;
  status) ping_ok ;;
  base-images) base_images ;;
  *) usage ;;
esac
