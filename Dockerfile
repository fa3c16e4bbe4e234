# syntax=docker/dockerfile:1
# dockdiet's own image: the builder pattern it recommends. The build stage compiles the jar and
# links a Java runtime with only the modules dockdiet uses (scripts/build-release.sh); the final
# stage is that runtime, the jar and its start-up cache on distroless (glibc, no shell, non-root).
#
#   docker build -t dockdiet .
#   docker run --rm -v "$PWD:/src" -w /src dockdiet Dockerfile
#
# Both bases are build arguments so that CI can build on local stand-ins (it has no registry).
ARG BUILD_IMAGE=maven:3-eclipse-temurin-25
ARG RUNTIME_IMAGE=gcr.io/distroless/base-debian12:nonroot

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# dependencies first: a source change does not download them again
COPY pom.xml ./
RUN mvn -B -ntp -q dependency:go-offline
# then the sources (.dockerignore keeps target/ and .git out)
COPY . .
# the runtime and the jar in the release layout, and a Dockerfile with findings to train the
# start-up cache on
RUN mvn -B -ntp -q package -Dmaven.test.skip=true -Drelease.skip=true \
    && DOCKDIET_RELEASE_JDK="$JAVA_HOME" sh scripts/build-release.sh 0 \
    && mv target/release/dockdiet-0 /opt/dockdiet \
    && rm -f /opt/dockdiet/lib/dockdiet.aot /opt/dockdiet/lib/dockdiet.jsa \
    && printf 'FROM node:18\nRUN apt-get update && apt-get install -y curl\nRUN npm install\nCOPY . .\nCMD node index.js\n' \
       > /opt/dockdiet/lib/train.Dockerfile

FROM ${RUNTIME_IMAGE}
COPY --from=build /opt/dockdiet/runtime/ /opt/dockdiet/runtime/
COPY --from=build /opt/dockdiet/lib/ /opt/dockdiet/lib/
# the start-up cache, trained where it runs with the flags it runs with, on every report format
# (exec form: the final image has no shell; as root: the base's user may not write /opt)
USER 0:0
RUN ["/opt/dockdiet/runtime/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", \
    "-XX:AOTCacheOutput=/opt/dockdiet/lib/dockdiet.aot", "-Xlog:disable", "-Xlog:all=error:stderr", \
    "-jar", "/opt/dockdiet/lib/dockdiet.jar", "--fail-on", "none", "--color", "never", \
    "--format", "text=/dev/null", "--format", "json=/dev/null", "--format", "sarif=/dev/null", \
    "--format", "checkstyle=/dev/null", "--format", "github=/dev/null", "--format", "gitlab=/dev/null", \
    "--format", "rdjson=/dev/null", "/opt/dockdiet/lib/train.Dockerfile"]
USER 65532:65532
WORKDIR /src
# no shell in the final image: the launcher's flags, in exec form
ENTRYPOINT ["/opt/dockdiet/runtime/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", \
    "-XX:AOTCache=/opt/dockdiet/lib/dockdiet.aot", "-Xlog:disable", "-Xlog:all=error:stderr", \
    "-jar", "/opt/dockdiet/lib/dockdiet.jar"]
CMD ["--help"]
