package dev.dockdiet.size.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.syntax.Dockerfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewriterTest {

    private static RewriteResult rw(String text) {
        return new Rewriter().rewrite(text);
    }

    private static String ok(String text) {
        RewriteResult r = rw(text);
        assertThat(r.rewritten()).as("refused: %s", r.reason()).isTrue();
        assertThat(Dockerfile.parse(r.text()).errors()).isEmpty();
        return r.text();
    }

    /** As {@link #ok}, with a build stage even where one slim stage would be smaller. */
    private static String okMulti(String text) {
        RewriteResult r = new Rewriter(null, Rewriter.Options.defaults().withMultiStage(true)).rewrite(text);
        assertThat(r.rewritten()).as("refused: %s", r.reason()).isTrue();
        assertThat(Dockerfile.parse(r.text()).errors()).isEmpty();
        return r.text();
    }

    private static String refused(String text) {
        RewriteResult r = rw(text);
        assertThat(r.rewritten()).as("rewrote:%n%s", r.text()).isFalse();
        assertThat(r.describeRefusal()).startsWith("cannot rewrite: ");
        return r.reason();
    }

    /** The text from the first FROM on (the comment block is checked elsewhere). */
    private static String body(String text) {
        return text.substring(text.indexOf("\nFROM ") + 1);
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void refusesWhatItCannotBeSureAbout() {
        assertThat(refused("FROM golang:1.22 AS a\nRUN go build -o /x .\nFROM scratch\nCOPY --from=a /x /x\n"))
                .contains("already a multi-stage build");
        assertThat(refused("FROM ubuntu:22.04\nRUN echo hi\nCMD [\"bash\"]\n")).startsWith("unknown ecosystem");
        assertThat(refused("FROM golang:1.22\nCOPY app /app\nCMD [\"/app\"]\n")).startsWith("cannot see the build");
        assertThat(refused("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN yarn install && yarn build\nCMD [\"node\",\"x.js\"]\n"))
                .contains("yarn");
        assertThat(refused("FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build .\nCMD [\"./hello\"]\n"))
                .contains("add -o");
        assertThat(refused("FROM golang:1.22\nENV CGO_ENABLED=1\nRUN go build -o /app .\nCMD [\"/app\"]\n"))
                .contains("CGO is enabled");
        assertThat(refused("FROM golang:1.22\nRUN go build -o /app . \nCMD /app --port $PORT\n"))
                .contains("needs a shell");
        assertThat(refused("FROM rust:1.80\nRUN apt-get update && apt-get install -y libssl-dev pkg-config\n"
                + "RUN cargo build --release\nCMD [\"/target/release/x\"]\n")).contains("libssl-dev").doesNotContain("pkg-config");
        assertThat(refused("FROM maven:3\nRUN mvn package\nCMD [\"java\",\"-jar\",\"/target/app.jar\"]\n"))
                .contains("Java version");
        assertThat(refused("FROM maven:3-eclipse-temurin-21\nRUN mvn package\nCMD [\"mvn\",\"spring-boot:run\"]\n"))
                .contains("does not run a jar");
        assertThat(refused("FROM mcr.microsoft.com/dotnet/sdk:8.0\nRUN dotnet build\nCMD [\"dotnet\",\"run\"]\n"))
                .contains("dotnet publish");
        assertThat(refused("FROM ubuntu:22.04\nRUN apt-get install -y golang && go build -o /app .\nCMD [\"/app\"]\n"))
                .contains("not on the official toolchain image");
        assertThat(refused("FROM python:3.12\nCOPY . .\nRUN pip install --user flask\nCMD [\"python\",\"app.py\"]\n"))
                .contains("outside the environment");
        assertThat(refused("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm install -g pm2\nCMD [\"pm2\",\"start\"]\n"))
                .contains("globally");
        assertThat(refused("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD [\"npm\",\"start\"]\n"))
                .contains("which build output");
        assertThat(refused("FROM golang:1.22\nRUN go build -o /app .\n")).contains("no CMD or ENTRYPOINT");
        assertThat(refused("FROM node:alpine\nRUN git clone https://example.com/app.git /opt/app\nWORKDIR /opt/app\n"
                + "RUN npm install --production\nCMD [\"npm\", \"start\"]\n")).contains("git clone");
        assertThat(refused("FROM python:3.12\nRUN pip install httpie\nCMD [\"http\"]\n")).contains("no COPY or ADD");
        assertThat(refused("FROM golang:1.22\nRUN go build -o /app .\nHEALTHCHECK CMD curl -f http://localhost/\nCMD [\"/app\"]\n"))
                .contains("HEALTHCHECK runs curl");
        assertThat(refused("FROM golang:1.22\nONBUILD RUN go build -o /app .\n")).contains("ONBUILD");
        assertThat(refused("FROM golang:1.22\nFOO bar\nRUN go build -o /app .\nCMD [\"/app\"]\n")).contains("BuildKit rejects");
        assertThat(refused("FROM golang:1.22\nRUN <<EOF\ngo build -o /app .\n")).contains("does not parse");
    }

    // ---------------------------------------------------------------- Go

    @Test
    void goKeepsVersionAndRuntimeSettings() {
        String out = ok("""
                ARG GO_VERSION=1.22
                FROM golang:${GO_VERSION}
                LABEL org.opencontainers.image.source="https://example.com/repo"
                ARG VERSION=dev
                ENV GOPROXY=https://proxy.golang.org APP_MODE=prod
                WORKDIR /src
                COPY . .
                RUN go build -ldflags "-X main.version=${VERSION}" -o bin/server ./cmd/server
                EXPOSE 8080
                VOLUME /data
                STOPSIGNAL SIGINT
                USER 1000:1000
                ENTRYPOINT ["./bin/server"]
                CMD ["--port", "8080"]
                """);
        assertThat(body(out)).isEqualTo("""
                FROM golang:${GO_VERSION} AS build
                ARG VERSION=dev
                ENV GOPROXY=https://proxy.golang.org APP_MODE=prod
                WORKDIR /src
                COPY . .
                ENV CGO_ENABLED=0
                RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -ldflags "-X main.version=${VERSION}" -o bin/server ./cmd/server

                FROM gcr.io/distroless/static-debian12:nonroot
                LABEL org.opencontainers.image.source="https://example.com/repo"
                ENV APP_MODE=prod
                WORKDIR /src
                COPY --from=build /src/bin/server /src/bin/server
                EXPOSE 8080
                VOLUME /data
                STOPSIGNAL SIGINT
                USER 1000:1000
                ENTRYPOINT ["./bin/server"]
                CMD ["--port", "8080"]
                """);
        assertThat(out).startsWith("# syntax=docker/dockerfile:1\n# Rewritten by dockdiet");
        assertThat(out).contains("ARG GO_VERSION=1.22\nFROM golang:${GO_VERSION} AS build");
    }

    @Test
    void goOnScratchCopiesCaCertificatesAndShellFormBecomesExec() {
        String out = new Rewriter(null, Rewriter.Options.defaults().withGoRuntime(Rewriter.GoRuntime.SCRATCH).withBuildKit(false))
                .rewrite("FROM golang:1.22-alpine\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nCMD /out/app -v\n")
                .text();
        assertThat(out).doesNotContain("# syntax").doesNotContain("--mount");
        assertThat(body(out)).isEqualTo("""
                FROM golang:1.22-alpine AS build
                WORKDIR /src
                COPY . .
                RUN CGO_ENABLED=0 go build -o /out/app .

                FROM scratch
                WORKDIR /src
                COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
                COPY --from=build /out/app /out/app
                USER 65532:65532
                CMD ["/out/app", "-v"]
                """);
        assertThat(out).contains("CMD is now in exec form");
    }

    @Test
    void goUserCreatedInTheImageBecomesNonroot() {
        String out = ok("FROM golang:1.22\nRUN useradd app\nRUN go build -o /app .\nUSER app\nCMD [\"/app\"]\n");
        assertThat(out).contains("\nUSER 65532:65532\nCMD [\"/app\"]\n").contains("USER app was created with a RUN");
    }

    @Test
    void workdirFromAnEnvVariableIsResolved() {
        String out = ok("FROM golang:1.22\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOME\nCOPY . .\n"
                + "RUN go build -o bin/app .\nCMD [\"bin/app\"]\n");
        assertThat(out).contains("\nWORKDIR /srv/app\nCOPY --from=build /srv/app/bin/app /srv/app/bin/app\n");
        assertThat(refused("FROM golang:1.22\nWORKDIR $HOME/app\nRUN go build -o app .\nCMD [\"./app\"]\n"))
                .contains("WORKDIR $HOME/app uses a variable");
    }

    // ---------------------------------------------------------------- Node

    @Test
    void nodeWithABuildCopiesOutputAndProductionDependencies() {
        String out = ok("""
                FROM node:18
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN npm ci
                COPY . .
                RUN npm run build
                EXPOSE 3000
                CMD ["node", "dist/server.js"]
                """);
        assertThat(body(out)).isEqualTo("""
                FROM node:18 AS build
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN --mount=type=cache,target=/root/.npm npm ci
                COPY . .
                RUN npm run build

                FROM node:18 AS prod-deps
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

                FROM node:18-slim
                ENV NODE_ENV=production
                WORKDIR /app
                COPY --chown=node:node package*.json ./
                COPY --from=prod-deps --chown=node:node /app/node_modules /app/node_modules
                COPY --from=build --chown=node:node /app/dist /app/dist
                EXPOSE 3000
                USER 1000:1000
                CMD ["node", "dist/server.js"]
                """);
    }

    @Test
    void oldNodeUsesProductionFlagAndNoLockFallsBackToInstall() {
        String out = ok("FROM node:14\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD [\"node\", \"index.js\"]\n");
        assertThat(out).contains("RUN --mount=type=cache,target=/root/.npm npm install --production\n")
                .contains("FROM node:14-slim\n").contains("No package-lock.json was seen");
    }

    @Test
    void nodeLockFileFoundInTheContext(@TempDir Path ctx) throws IOException {
        Files.writeString(ctx.resolve("package-lock.json"), "{}");
        Files.writeString(ctx.resolve("package.json"), "{\"scripts\": {\"prepare\": \"husky install\"}}");
        String out = new Rewriter(null, Rewriter.Options.defaults().withContextDir(ctx))
                .rewrite("FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD [\"node\", \"index.js\"]\n").text();
        assertThat(out).contains("npm ci --omit=dev").contains("prepare script (husky install)");
    }

    // ---------------------------------------------------------------- Java

    @Test
    void javaKeepsTheJavaMajorVersion() {
        assertThat(ok("FROM maven:3-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n"
                + "CMD [\"java\", \"-jar\", \"target/app.jar\"]\n"))
                .contains("\nFROM eclipse-temurin:17-jre\n")
                .contains("COPY --from=build /app/target/app.jar /app/target/app.jar\n");
        assertThat(ok("FROM eclipse-temurin:21-jdk\nWORKDIR /src\nCOPY . .\nRUN ./gradlew bootJar\n"
                + "CMD java -jar build/libs/*.jar\n"))
                .contains("RUN --mount=type=cache,target=/root/.gradle ./gradlew bootJar\n")
                .contains("\nFROM eclipse-temurin:21-jre\n")
                .contains("COPY --from=build /src/build/libs/*.jar /src/build/libs/\n")
                .contains("CMD java -jar build/libs/*.jar\n");
        assertThat(ok("FROM openjdk:17\nWORKDIR /app\nCOPY . .\nRUN ./mvnw package\nCMD [\"java\",\"-jar\",\"target/a.jar\"]\n"))
                .contains("\nFROM eclipse-temurin:17-jre\n").contains("openjdk images are deprecated");
    }

    // ---------------------------------------------------------------- Python

    @Test
    void pythonBuildsAVenvAndKeepsThePythonVersion() {
        String out = okMulti("""
                FROM python:3.11-bookworm
                WORKDIR /srv
                COPY requirements.txt .
                RUN pip install -r requirements.txt
                COPY app ./app
                CMD ["python", "-m", "app"]
                """);
        assertThat(body(out)).isEqualTo("""
                FROM python:3.11-bookworm AS build
                WORKDIR /srv
                COPY requirements.txt .
                RUN python -m venv /opt/venv
                ENV PATH="/opt/venv/bin:$PATH"
                RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
                COPY app ./app

                FROM python:3.11-slim-bookworm
                ENV PATH="/opt/venv/bin:$PATH"
                WORKDIR /srv
                RUN useradd --system --user-group --no-create-home --no-log-init --uid 10001 app
                COPY --from=build /opt/venv /opt/venv
                COPY app ./app
                USER 10001:10001
                CMD ["python", "-m", "app"]
                """);
    }

    @Test
    void pythonExistingVenvIsCopiedAsIs() {
        String out = okMulti("FROM python:3.12\nWORKDIR /app\nRUN python3 -m venv /venv && /venv/bin/python -m pip install flask\n"
                + "COPY . .\nCMD [\"/venv/bin/python\", \"app.py\"]\n");
        assertThat(out).contains("COPY --from=build /venv /venv\n").doesNotContain("/opt/venv");
        assertThat(okMulti("FROM python:3.12\nCOPY . .\nRUN python -m venv /venv\nENV PATH=/venv/bin:$PATH\nRUN pip install flask\n"
                + "CMD [\"python\", \"-m\", \"flask\", \"run\"]\n")).contains("COPY --from=build /venv /venv\n");
        assertThat(refused("FROM python:3.12\nCOPY . .\nRUN python -m venv /venv\nRUN pip install flask\nCMD [\"flask\", \"run\"]\n"))
                .contains("outside the virtual environment /venv");
    }

    /** Nothing compiled: one stage on the slim image (DD101's change) is smaller than a build stage plus a venv. */
    @Test
    void pythonWithoutACompilerPrefersOneSlimStage() {
        String text = "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n"
                + "CMD [\"python\", \"app.py\"]\n";
        RewriteResult r = rw(text);
        assertThat(r.rewritten()).isTrue();
        assertThat(r.buildImage()).isEqualTo("python:3.12-slim");
        assertThat(Dockerfile.parse(r.text()).stages()).hasSize(1);
        assertThat(body(r.text())).isEqualTo("""
                FROM python:3.12-slim
                RUN useradd --system --user-group --no-create-home --no-log-init --uid 10001 app
                WORKDIR /app
                COPY . .
                RUN pip install --no-cache-dir -r requirements.txt
                USER 10001:10001
                CMD ["python", "app.py"]
                """);
        assertThat(r.text()).contains("dockdiet rewrite --multi-stage");
        // the user is created away from the RUNs (no DD407), and before the launch
        assertThat(body(rw("FROM python:3.12\nCOPY . .\nRUN pip install flask\nCMD [\"flask\", \"run\"]\n").text()))
                .isEqualTo("""
                        FROM python:3.12-slim
                        RUN useradd --system --user-group --no-create-home --no-log-init --uid 10001 app
                        COPY . .
                        RUN pip install flask
                        USER 10001:10001
                        CMD ["flask", "run"]
                        """);
        assertThat(body(rw("FROM python:3.12\nRUN pip install flask\nCOPY . .\nRUN python -m compileall .\n"
                + "CMD [\"flask\", \"run\"]\n").text()))
                .isEqualTo("""
                        FROM python:3.12-slim
                        RUN pip install flask
                        COPY . .
                        RUN python -m compileall .
                        RUN useradd --system --user-group --no-create-home --no-log-init --uid 10001 app
                        USER 10001:10001
                        CMD ["flask", "run"]
                        """);
        // a compiler in the Dockerfile means something is built: the multi-stage rewrite
        String gcc = text.replace("WORKDIR /app\n", "WORKDIR /app\nRUN apt-get update && apt-get install -y "
                + "--no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\n");
        assertThat(Dockerfile.parse(ok(gcc)).stages()).hasSize(2);
        assertThat(Dockerfile.parse(okMulti(text)).stages()).hasSize(2);
    }

    // ---------------------------------------------------------------- Rust and .NET

    @Test
    void rustPinsTheDebianReleaseOfItsRuntime() {
        assertThat(ok("FROM rust:1-bullseye\nWORKDIR /w\nCOPY . .\nRUN cargo build --release\nCMD [\"/w/target/release/x\"]\n"))
                .contains("FROM rust:1-bullseye AS build\n").contains("\nFROM gcr.io/distroless/cc-debian11:nonroot\n");
        assertThat(ok("FROM rust:1.80-slim\nWORKDIR /w\nCOPY . .\nRUN cargo install --path .\nCMD [\"x\"]\n"))
                .contains("FROM rust:1.80-slim-bookworm AS build\n")
                .contains("COPY --from=build /usr/local/cargo/bin/x /usr/local/bin/x\n");
        assertThat(ok("FROM rust:1-alpine\nWORKDIR /w\nCOPY . .\nRUN cargo build --release\nCMD [\"/w/target/release/x\"]\n"))
                .contains("\nFROM gcr.io/distroless/static-debian12:nonroot\n");
    }

    @Test
    void dotnetChoosesRuntimeForConsoleProjects(@TempDir Path ctx) throws IOException {
        Files.writeString(ctx.resolve("Tool.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"></Project>");
        String text = "FROM mcr.microsoft.com/dotnet/sdk:9.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o out\n"
                + "ENTRYPOINT [\"dotnet\", \"/src/out/Tool.dll\"]\n";
        assertThat(new Rewriter(null, Rewriter.Options.defaults().withContextDir(ctx)).rewrite(text).text())
                .contains("\nFROM mcr.microsoft.com/dotnet/runtime:9.0\n")
                .contains("COPY --from=build /src/out /src/out\n");
        assertThat(ok(text)).contains("\nFROM mcr.microsoft.com/dotnet/aspnet:9.0\n")
                .contains("The project file was not read");
    }

    // ---------------------------------------------------------------- header

    @Test
    void headerGivesSizesOfOneKindOnly() {
        String out = ok("FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"index.js\"]\n");
        assertThat(out).contains("# - Sizes (dockdiet knowledge base, compressed): node:22 408.5 MB (2026-09-19) -> node:22-slim");
        for (String line : out.split("\n")) {
            if (line.startsWith("#")) {
                assertThat(line.length()).as(line).isLessThanOrEqualTo(96);
            }
        }
    }

    @Test
    void rewriteOfARewriteIsRefused() {
        String out = ok("FROM golang:1.22\nRUN go build -o /app .\nCMD [\"/app\"]\n");
        assertThat(rw(out).reason()).contains("already a multi-stage build");
    }
}
