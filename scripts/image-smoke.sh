#!/usr/bin/env bash
# Builds dockdiet's own image from the root Dockerfile on the engine $DOCKER_HOST names, on local
# stand-in bases (there is no registry here), then checks it: it lints a fixture with the same
# output as the jar, runs without network, and `dockdiet image` reports its size.
#
#   DOCKER_HOST=unix://... scripts/image-smoke.sh
#
# Stand-ins, made with `docker import` of root filesystems from this machine's own files:
#   local/stand-in/temurin25-maven:1   busybox-static, glibc, Temurin 25 at /opt/java/openjdk and
#                                      Maven at /usr/share/maven (as maven:*-eclipse-temurin-25)
#   local/stand-in/distroless-base:1   busybox-static, glibc, /etc/passwd with nonroot (65532):
#                                      what gcr.io/distroless/base-debian12 gives a program (it
#                                      also keeps busybox's shell, which the real one lacks)
# The build downloads Maven dependencies from Maven Central (host network).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${DOCKER_HOST:-}" ] || { echo "image-smoke.sh: set DOCKER_HOST (scripts/docker-daemon.sh env DIR)" >&2; exit 2; }
docker version >/dev/null 2>&1 || { echo "image-smoke.sh: no engine answers at $DOCKER_HOST" >&2; exit 2; }
bash scripts/docker-daemon.sh base-images /tmp >/dev/null 2>&1   # local/busybox:1
tmp=$(mktemp -d /tmp/ddimg.XXXX)
trap 'rm -rf "$tmp"' EXIT

glibc_root() {  # glibc_root DIR: busybox + the C library the JVM links against + users
  local root=$1
  mkdir -p "$root"
  docker create --name "ddimg-bb-$$" local/busybox:1 >/dev/null
  docker export "ddimg-bb-$$" | tar -C "$root" -x
  docker rm "ddimg-bb-$$" >/dev/null
  mkdir -p "$root/lib/x86_64-linux-gnu" "$root/lib64" "$root/home/nonroot" "$root/src"
  for lib in libc.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libm.so.6; do
    cp -L "/lib/x86_64-linux-gnu/$lib" "$root/lib/x86_64-linux-gnu/"
  done
  cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > "$root/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n' > "$root/etc/group"
  chown 65532:65532 "$root/home/nonroot"
}

if ! docker image inspect local/stand-in/distroless-base:1 >/dev/null 2>&1; then
  glibc_root "$tmp/base"
  tar -C "$tmp/base" -c . | docker import -m "dockdiet test stand-in" \
    -c 'ENV PATH=/usr/local/bin:/usr/bin:/bin' -c 'USER 65532' -c 'WORKDIR /home/nonroot' \
    - local/stand-in/distroless-base:1 >/dev/null
fi
if ! docker image inspect local/stand-in/temurin25-maven:1 >/dev/null 2>&1; then
  jdk=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | sed -n 1p)
  [ -n "$jdk" ] || { echo "image-smoke.sh: no Temurin 25 under /usr/lib/jvm for the build stand-in" >&2; exit 2; }
  glibc_root "$tmp/build"
  mkdir -p "$tmp/build/opt/java" "$tmp/build/usr/share" "$tmp/build/root"
  cp -rL "$jdk" "$tmp/build/opt/java/openjdk"        # cacerts is a symlink into /etc
  cp -rL /usr/share/maven "$tmp/build/usr/share/maven"   # Debian's Maven: its jars are symlinks
  tar -C "$tmp/build" -c . | docker import -m "dockdiet test stand-in" \
    -c 'ENV JAVA_HOME=/opt/java/openjdk' -c 'ENV MAVEN_HOME=/usr/share/maven' \
    -c 'ENV PATH=/opt/java/openjdk/bin:/usr/share/maven/bin:/usr/local/bin:/usr/bin:/bin' \
    - local/stand-in/temurin25-maven:1 >/dev/null
fi
rm -rf "$tmp/base" "$tmp/build"

start=$(date +%s)
docker build -q --network host -t dockdiet:smoke \
  --build-arg BUILD_IMAGE=local/stand-in/temurin25-maven:1 \
  --build-arg RUNTIME_IMAGE=local/stand-in/distroless-base:1 . >/dev/null
echo "image-smoke.sh: built dockdiet:smoke in $(( $(date +%s) - start )) s"

fail=0
fixture=test-fixtures/size/express/Dockerfile
set +e
docker run --rm --network none -i dockdiet:smoke --color never - < "$fixture" > "$tmp/got" 2> "$tmp/err"; got=$?
java -jar target/dockdiet.jar --color never - < "$fixture" > "$tmp/want" 2>/dev/null
set -e
if [ "$got" = 1 ] && cmp -s "$tmp/got" "$tmp/want"; then
  echo "ok   lint in the container (stdin, no network)"
else
  echo "FAIL lint in the container: exit $got"; sed -n 1,5p "$tmp/err"; fail=1
fi
docker run --rm --network none dockdiet:smoke --version > "$tmp/version" 2>&1 || true
if grep -q '^dockdiet ' "$tmp/version" && ! grep -q 'error' "$tmp/version"; then
  echo "ok   --version"
else
  echo "FAIL --version:"; cat "$tmp/version"; fail=1
fi
# the image lints itself clean: the Dockerfile that builds it has no finding
if java -jar target/dockdiet.jar --color never Dockerfile > "$tmp/self"; then
  echo "ok   the root Dockerfile has no finding"
else
  echo "FAIL the root Dockerfile has findings:"; cat "$tmp/self"; fail=1
fi
# the start-up cache was trained where it runs, and COPY --from kept the jar's time: it is used
docker run --rm --network none --entrypoint /opt/dockdiet/runtime/bin/java dockdiet:smoke \
    -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:AOTCache=/opt/dockdiet/lib/dockdiet.aot -Xlog:aot=info \
    -jar /opt/dockdiet/lib/dockdiet.jar --version > "$tmp/aot" 2>&1 || true
if grep -q 'Using AOT-linked classes: true' "$tmp/aot"; then
  echo "ok   the AOT cache maps in the image"
else
  echo "FAIL the AOT cache is not used in the image:"; grep -iE 'error|fail|mismatch' "$tmp/aot" | sed -n 1,10p; fail=1
fi
java -jar target/dockdiet.jar image dockdiet:smoke > "$tmp/image" || true
sed -n 1,12p "$tmp/image"
[ "$fail" = 0 ] && docker image rm dockdiet:smoke >/dev/null 2>&1   # kept for a look when it failed
exit $fail
