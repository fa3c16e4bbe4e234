package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.lint.DefaultServices;
import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Savings;
import dev.dockdiet.rules.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolchainInFinalStageTest {

    private static RuleTester tester() {
        return RuleTester.of(new ToolchainInFinalStage()).services(DefaultServices::get);
    }

    @Test
    void validCases() {
        tester().valid(
                // a correct multi-stage build: the toolchain stays in the builder
                """
                FROM golang:1.22 AS build
                WORKDIR /src
                COPY . .
                RUN CGO_ENABLED=0 go build -o /app .

                FROM gcr.io/distroless/static-debian12:nonroot
                COPY --from=build /app /app
                CMD ["/app"]
                """,
                // Maven builds in a builder stage, the final stage is a JRE
                """
                FROM maven:3.9-eclipse-temurin-21 AS build
                WORKDIR /app
                COPY . .
                RUN mvn -B package

                FROM eclipse-temurin:21-jre
                COPY --from=build /app/target/app.jar /app.jar
                CMD ["java", "-jar", "/app.jar"]
                """,
                // compilers installed in a builder stage only
                """
                FROM python:3.12 AS build
                RUN apt-get update && apt-get install -y build-essential gcc
                RUN pip wheel -w /wheels -r requirements.txt

                FROM python:3.12-slim
                COPY --from=build /wheels /wheels
                CMD ["python", "app.py"]
                """,
                // a full node image that only installs production dependencies and runs
                """
                FROM node:22
                WORKDIR /app
                COPY . .
                RUN npm ci --omit=dev
                CMD ["node", "index.js"]
                """,
                // the build runs on a slim node: not a full toolchain image (compile-in-final-stage's business)
                """
                FROM node:22-slim
                WORKDIR /app
                COPY . .
                RUN npm ci && npm run build
                CMD ["node", "dist/index.js"]
                """,
                // compiler removed in the same RUN
                """
                FROM python:3.12-slim
                RUN apt-get update && apt-get install -y --no-install-recommends gcc \\
                 && pip install --no-cache-dir -r requirements.txt \\
                 && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*
                CMD ["python", "app.py"]
                """,
                // apk virtual package deleted in the same RUN
                """
                FROM python:3.12-alpine
                RUN apk add --no-cache --virtual .build-deps gcc musl-dev \\
                 && pip install --no-cache-dir cffi \\
                 && apk del .build-deps
                CMD ["python", "app.py"]
                """,
                // a cache mount and packages that are not compilers
                """
                FROM debian:bookworm-slim
                RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl ca-certificates
                CMD ["/app"]
                """,
                // a JRE final stage, a runtime image
                """
                FROM eclipse-temurin:21-jre
                COPY app.jar /app.jar
                CMD ["java", "-jar", "/app.jar"]
                """,
                // an image the knowledge base does not know is not guessed at
                """
                FROM registry.example.com/team/builder:3
                RUN make
                CMD ["/app"]
                """,
                "FROM scratch\nCOPY app /app\n",
                // images that are toolchains on purpose: no CMD (base or dev image), a bare interpreter,
                // the build tool as entrypoint (a CI builder)
                "FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n",
                "FROM buildpack-deps:bookworm\nRUN ./configure && make install\nCMD [\"python3\"]\n",
                "FROM rust:1.80\nRUN rustup component add clippy\nENTRYPOINT [\"cargo\"]\n",
                "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y build-essential\nENTRYPOINT [\"make\"]\n",
                // a language base image: the entrypoint script runs CMD, a bare interpreter
                "FROM buildpack-deps:bookworm\nRUN ./configure && make\nENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"node\"]\n",
                // docker-library's idiom: every package marked automatic, then purged with --auto-remove
                """
                FROM debian:bookworm-slim
                RUN set -eux; savedAptMark="$(apt-mark showmanual)"; \\
                    apt-get update; apt-get install -y --no-install-recommends gcc make libc6-dev; \\
                    ./configure && make && make install; \\
                    apt-mark auto '.*' > /dev/null; apt-mark manual $savedAptMark; \\
                    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false
                CMD ["/usr/local/bin/tool", "--serve"]
                """).test();
    }

    @Test
    void invalidCases() {
        tester()
                .invalid("""
                        FROM rust:1.80
                        WORKDIR /src
                        COPY . .
                        RUN cargo build --release
                        CMD ["./target/release/app"]
                        """, at(1, 6, "The final stage runs on rust:1.80, a build image (rust)"))
                // through FROM <stage>: the final stage is built on the toolchain
                .invalid("""
                        FROM golang:1.22 AS base
                        WORKDIR /src

                        FROM base
                        COPY . .
                        RUN go build -o /app .
                        CMD ["/app"]
                        """, at(4, 6, "golang:1.22 (through FROM base)"))
                // a full node image that builds the app
                .invalid("""
                        FROM node:22
                        WORKDIR /app
                        COPY . .
                        RUN npm ci && npm run build
                        CMD ["node", "dist/index.js"]
                        """, at(1, 6, "a full node image that builds the app"))
                // a JDK as the final base (no build visible: no fix)
                .invalid("""
                        FROM eclipse-temurin:21-jdk
                        COPY target/app.jar /app.jar
                        CMD ["java", "-jar", "/app.jar"]
                        """, at(1, 6, "eclipse-temurin:21-jdk is 230 MB (compressed, linux/amd64, measured on eclipse-temurin:21-jdk, docker-library/repo-info 2026-09-09), eclipse-temurin:21-jre 121 MB (compressed, linux/amd64, measured on eclipse-temurin:21-jre, docker-library/repo-info 2026-09-09): saves ~109 MB excluding your application"))
                .invalid("""
                        FROM mcr.microsoft.com/dotnet/sdk:8.0
                        COPY . .
                        RUN dotnet build
                        ENTRYPOINT ["dotnet", "run", "--no-build"]
                        """, at(1, 6, "a build image (dotnet/sdk)"))
                .invalid("FROM gcc:13\nCOPY . /src\nRUN make -C /src\nCMD [\"/src/app\"]\n", at(1, 6, "(gcc)"))
                // compilers installed and left behind, at the first compiler word
                .invalid("""
                        FROM python:3.12-slim
                        RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev g++ \\
                         && rm -rf /var/lib/apt/lists/*
                        CMD ["python", "app.py"]
                        """, at(2, 66, "`build-essential`, `g++` are installed in the final image"))
                // removed, but in a later layer: the compiler is still in the image
                .invalid("""
                        FROM alpine:3.20
                        RUN apk add --no-cache build-base
                        RUN make
                        RUN apk del build-base
                        CMD ["/usr/local/bin/app"]
                        """, at(2, 24, "`build-base` is installed"))
                .invalid("FROM fedora:40\nRUN dnf install -y gcc-c++ make && dnf clean all\nCMD [\"/app\"]\n",
                        at(2, 20, "`gcc-c++`, `make` are installed"))
                // the final stage of a multi-stage build that still compiles in its last stage
                .invalid("""
                        FROM node:22 AS web
                        RUN npm ci && npm run build

                        FROM debian:bookworm-slim
                        RUN apt-get update && apt-get install -y gcc-12
                        CMD ["/app", "--serve"]
                        """, at(5, 42, "`gcc-12` is installed"))
                .test();
    }

    @Test
    void devContainersAreDevelopmentEnvironments() {
        String text = "FROM golang:1.22\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\nCMD [\"sleep\", \"infinity\"]\n";
        assertThat(tester().findings(text)).hasSize(1);
        var ctx = new dev.dockdiet.rule.RuleContext(dev.dockdiet.syntax.Dockerfile.parse(text),
                java.nio.file.Path.of("project/.devcontainer/Dockerfile"), dev.dockdiet.rule.RuleSettings.defaults(),
                new java.util.IdentityHashMap<>(), DefaultServices::get);
        new ToolchainInFinalStage().check(ctx);
        assertThat(ctx.findings()).isEmpty();
    }

    @Test
    void savingsOnlyWhenBothFiguresAreKnownOfOneKind() {
        List<Finding> f = tester().findings("FROM eclipse-temurin:21-jdk\nCOPY app.jar /app.jar\nCMD [\"java\", \"-jar\", \"/app.jar\"]\n");
        assertThat(f).hasSize(1);
        Savings s = f.get(0).savings();
        assertThat(s).isNotNull();
        assertThat(s.bytes()).isEqualTo(230_080_573L - 121_136_054L);
        assertThat(s.kind()).isEqualTo(Savings.SizeKind.COMPRESSED);
        assertThat(s.source()).contains("eclipse-temurin");
        assertThat(f.get(0).fix()).as("no build is visible: no rewrite").isNull();

        List<Finding> unknown = tester().findings("FROM golang:1.22\nRUN go build -o /app .\nCMD [\"/app\"]\n");
        assertThat(unknown).hasSize(1);
        assertThat(unknown.get(0).savings().isRange()).as("golang:1.22 has no figure: the range of the golang lines").isTrue();
        assertThat(unknown.get(0).message()).contains("not measured itself (golang full images: 290–361 MB compressed");
    }

    @Test
    void fixIsTheWholeFileRewrite() {
        tester().fix("""
                FROM golang:1.22
                WORKDIR /src
                COPY . .
                RUN go build -o /app .
                CMD ["/app"]
                """, Applicability.SUGGESTED, """
                # syntax=docker/dockerfile:1
                # Rewritten by dockdiet into a multi-stage build (Go).
                #
                # What changed and why:
                # - The build runs in the "build" stage on golang:1.22 as before; only the binary /app is copied
                #   into the final image, so the Go toolchain, the module cache and the source no longer ship.
                # - CGO_ENABLED=0 makes go build produce a static binary, which needs no C library in the final
                #   image.
                # - Final stage: gcr.io/distroless/static-debian12:nonroot, which has CA certificates, time zone
                #   data and /etc/passwd but no shell and no C library; it runs as the non-root user nonroot
                #   (65532).
                # - Sizes (dockdiet knowledge base): golang:1.22 size unknown;
                #   gcr.io/distroless/static-debian12:nonroot size unknown.
                # - Package caches live in BuildKit cache mounts (RUN --mount=type=cache): faster rebuilds, no
                #   cache in any layer.
                #
                # Check before you ship:
                # - If the code needs cgo (import "C", mattn/go-sqlite3), CGO_ENABLED=0 breaks the build: build
                #   with cgo and run on gcr.io/distroless/base-debian12:nonroot instead.
                # - Only the build output reaches the final stage: if the program reads other files at run time
                #   (templates, static assets, configuration), copy them from the build stage too.

                FROM golang:1.22 AS build
                WORKDIR /src
                COPY . .
                ENV CGO_ENABLED=0
                RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .

                FROM gcr.io/distroless/static-debian12:nonroot
                WORKDIR /src
                COPY --from=build /app /app
                CMD ["/app"]
                """, at(1, 6, "golang:1.22")).test();
    }

    @Test
    void onlyTheFirstFindingCarriesTheWholeFileFix() {
        List<Finding> f = tester().findings("""
                FROM python:3.12-slim
                WORKDIR /app
                RUN apt-get update && apt-get install -y gcc
                RUN apt-get install -y make
                COPY . .
                RUN pip install --no-cache-dir -r requirements.txt
                CMD ["python", "app.py"]
                """);
        assertThat(f).hasSize(2);
        assertThat(f.get(0).fix()).isNotNull();
        assertThat(f.get(1).fix()).isNull();
    }
}
