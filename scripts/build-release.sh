#!/bin/sh
# Builds the release archive target/dockdiet-<version>-linux-x64.tar.gz, which runs without a JDK:
#
#   dockdiet-<version>/bin/dockdiet     the launcher (resolves symlinks: link it onto PATH)
#   dockdiet-<version>/runtime/         a jlink'd Java runtime with only the modules dockdiet uses
#   dockdiet-<version>/lib/dockdiet.jar the application
#   dockdiet-<version>/lib/dockdiet.aot the start-up cache (AOT cache on JDK 25+, else .jsa AppCDS),
#                                       trained at package time on every report format
#
# Called by `mvn package` (after the shaded jar exists). The runtime comes from
# $DOCKDIET_RELEASE_JDK, else the newest JDK 25+ under /usr/lib/jvm (its AOT cache survives the
# archive being unpacked elsewhere; JDK 17's AppCDS archive does not), else the JDK running Maven.
#
#   scripts/build-release.sh VERSION [JAVA_HOME_OF_MAVEN]
set -eu
cd "$(dirname "$0")/.."
version=${1:?usage: build-release.sh VERSION [JDK]}
maven_jdk=${2:-${JAVA_HOME:-}}

jdk=${DOCKDIET_RELEASE_JDK:-}
if [ -z "$jdk" ]; then
  for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    d=${d%/}
    [ -x "$d/bin/jlink" ] || continue
    v=$("$d/bin/java" -XX:+IgnoreUnrecognizedVMOptions -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | sed -n 1p)
    if [ "${v:-0}" -ge 25 ]; then jdk=$d; break; fi
  done
fi
[ -n "$jdk" ] || jdk=$maven_jdk
if [ -z "$jdk" ] || [ ! -x "$jdk/bin/jlink" ]; then
  # java.home of a Maven run is a JDK's root on 11+; fall back to the jlink on PATH
  jl=$(command -v jlink || true)
  [ -n "$jl" ] || { echo "build-release.sh: no jlink found (set DOCKDIET_RELEASE_JDK)" >&2; exit 2; }
  jdk=$(dirname "$(dirname "$(readlink -f "$jl")")")
fi

jar=target/dockdiet.jar
[ -f "$jar" ] || { echo "build-release.sh: $jar missing (run mvn package)" >&2; exit 2; }
name=dockdiet-$version
stage=target/release/$name
archive=target/$name-linux-x64.tar.gz
rm -rf target/release "$archive"
mkdir -p "$stage/bin" "$stage/lib"

# Modules: what jdeps reports for the jar minus the optional ones (java.desktop and java.sql are
# `requires static` in jackson-databind and snakeyaml; java.security.jgss only serves Kerberos in
# the HTTP client; java.compiler only annotation types). java.net.http and the EC provider serve
# HTTPS to registries; jdk.unsupported is sun.misc.Unsafe for guava and JNA.
modules=java.base,java.logging,java.net.http,jdk.unsupported
if "$jdk/bin/java" --list-modules 2>/dev/null | grep -q '^jdk.crypto.ec@'; then
  modules=$modules,jdk.crypto.ec
fi
major=$("$jdk/bin/java" -XX:+IgnoreUnrecognizedVMOptions -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | sed -n 1p)
if [ "${major:-0}" -ge 21 ]; then compress=--compress=zip-6; else compress=--compress=2; fi
# --strip-java-debug-attributes, not --strip-debug: the latter also strips native symbols with
# objcopy, which build images without binutils (maven:*-eclipse-temurin) do not have
if ! "$jdk/bin/jlink" --add-modules "$modules" --strip-java-debug-attributes --no-header-files \
    --no-man-pages --generate-cds-archive "$compress" --output "$stage/runtime" > target/jlink.log 2>&1; then
  cat target/jlink.log >&2
  echo "build-release.sh: jlink failed" >&2
  exit 2
fi
rm -f "$stage/runtime/lib/server/classes_nocoops.jsa"   # dockdiet runs with compressed oops

cp -p "$jar" "$stage/lib/dockdiet.jar"
cp src/dist/bin/dockdiet "$stage/bin/dockdiet"
chmod 755 "$stage/bin/dockdiet"
[ -f LICENSE ] && cp LICENSE "$stage/"
cp README.md "$stage/"
"$stage/bin/dockdiet" --build-cache 2>/dev/null

# the archive keeps modification times: the start-up cache checks the jar's
tar -C target/release -czf "$archive" "$name"
echo "build-release.sh: $archive ($(du -h "$archive" | cut -f1), Java $major runtime: $modules)" >&2
