package dev.dockdiet.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The questions rules ask the model: bases, stages, dependencies, image references. */
class ModelApiTest {

    @Test
    void aTypoSuggestionIsTheSameInEveryRun() {
        // rm is two edits from ARG and from FROM: the first in alphabetical order, whatever the JVM run
        // (the instructions were a Set.of, whose iteration order is drawn at each JVM start)
        assertThat(Dockerfile.parse("FROM alpine\nrm -rf /tmp\napp x\n").problems())
                .extracting(Problem::message)
                .contains("unknown instruction: rm (did you mean arg?)", "unknown instruction: app (did you mean add?)");
    }

    @Test
    void baseNameExpandsMetaArgsWithDefaults() {
        Dockerfile df = Dockerfile.parse("""
                ARG REGISTRY
                ARG NODE_VERSION=20
                ARG VARIANT=${DISTRO:-bookworm}-slim
                FROM ${REGISTRY:-docker.io}/library/node:${NODE_VERSION}-${VARIANT} AS build
                FROM ${UNSET_IMAGE}
                FROM scratch
                FROM ${REGISTRY}alpine:${TARGETARCH}
                """);
        assertThat(df.errors()).isEmpty();
        assertThat(df.metaArgs()).hasSize(3);
        Stage build = df.stages().get(0);
        assertThat(build.name()).isEqualTo("build");
        assertThat(build.baseName()).isEqualTo("docker.io/library/node:20-bookworm-slim");
        assertThat(build.base()).isEqualTo(new ImageRef("docker.io/library/node:20-bookworm-slim", "docker.io",
                "library/node", "20-bookworm-slim", null));
        // an unset variable: the base cannot be resolved
        assertThat(df.stages().get(1).baseName()).isNull();
        assertThat(df.stages().get(1).baseImage()).isEmpty();
        assertThat(df.stages().get(2).isScratch()).isTrue();
        assertThat(df.stages().get(2).base()).isNull();
        // depends on the build platform: not known before the build
        assertThat(df.stages().get(3).baseName()).isNull();
    }

    @Test
    void laterMetaArgsSeeEarlierOnesAndStagesChain() {
        Dockerfile df = Dockerfile.parse("""
                ARG BASE=alpine
                ARG TAG=3.20
                ARG IMAGE=${BASE}:${TAG}
                FROM $IMAGE AS Base
                RUN apk add curl
                FROM base AS app
                COPY --from=0 /etc/os-release /
                FROM app
                """);
        assertThat(df.errors()).isEmpty();
        Stage base = df.stages().get(0);
        assertThat(base.name()).isEqualTo("base");
        assertThat(base.baseName()).isEqualTo("alpine:3.20");
        assertThat(base.base().repository()).isEqualTo("library/alpine");
        Stage app = df.stages().get(1);
        assertThat(app.baseStage()).isEqualTo(0);
        assertThat(app.base()).isNull();
        Stage last = df.stages().get(2);
        assertThat(last.baseStage()).isEqualTo(1);
        assertThat(df.finalStage()).contains(last);
        assertThat(df.isFinal(last)).isTrue();
        assertThat(df.isFinal(app)).isFalse();
        assertThat(df.transitiveDependencies(last)).containsExactly(app, base);
    }

    /** BuildKit lowercases the AS name and the FROM reference alike: stage names are case-insensitive. */
    @Test
    void fromRefersToAnEarlierStageWhateverItsCase() {
        Dockerfile df = Dockerfile.parse("""
                FROM alpine:3.20 AS Base
                FROM Base AS App
                FROM BASE
                FROM APP
                FROM Alpine:3.20
                """);
        assertThat(df.stages().get(0).name()).isEqualTo("base");
        Stage app = df.stages().get(1);
        assertThat(app.baseStage()).isEqualTo(0);
        assertThat(app.base()).isNull();
        assertThat(app.baseName()).isEqualTo("Base");
        assertThat(df.stages().get(2).baseStage()).isEqualTo(0);
        assertThat(df.stages().get(3).baseStage()).isEqualTo(1);
        assertThat(df.transitiveDependencies(df.stages().get(3))).extracting(Stage::index).containsExactly(1, 0);
        // not a stage name: an image, as written
        assertThat(df.stages().get(4).baseStage()).isEqualTo(-1);
        assertThat(df.stages().get(4).base()).isNotNull();
    }

    @Test
    void dependenciesThroughCopyFromAndRunMount() {
        Dockerfile df = Dockerfile.parse("""
                FROM golang:1.22 AS Builder
                RUN go build -o /out/app .
                FROM node:20 AS assets
                RUN npm ci
                FROM alpine:3.20 AS tools
                FROM gcr.io/distroless/static-debian12:nonroot
                COPY --from=builder /out/app /app
                COPY --from=1 /dist /www
                COPY --from=nginx:latest /etc/nginx /etc/nginx
                RUN --mount=type=bind,from=tools,source=/bin,target=/tools true
                RUN --mount=type=cache,target=/root/.cache true
                """);
        assertThat(df.errors()).isEmpty();
        Stage fin = df.finalStage().orElseThrow();
        assertThat(fin.index()).isEqualTo(3);
        assertThat(fin.name()).isNull();
        assertThat(fin.label()).isEqualTo("3");
        assertThat(df.dependencies(fin)).extracting(Stage::label).containsExactly("builder", "assets", "tools");
        assertThat(df.stage("BUILDER")).map(Stage::index).contains(0);
        assertThat(df.stage("1")).map(Stage::name).contains("assets");
        assertThat(df.stage("nginx:latest")).isEmpty();
        assertThat(df.dependencies(df.stages().get(0))).isEmpty();
        Instruction.Copy copy = fin.all(Instruction.Copy.class).get(0);
        assertThat(copy.from()).contains("builder");
        assertThat(df.stageOf(copy)).contains(fin);
        List<Instruction.Run> runs = fin.all(Instruction.Run.class);
        assertThat(runs.get(0).mounts()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo("bind");
            assertThat(m.from()).isEqualTo("tools");
            assertThat(m.target()).isEqualTo("/tools");
        });
        assertThat(runs.get(1).mounts().get(0).isCache()).isTrue();
        assertThat(fin.base().registry()).isEqualTo("gcr.io");
    }

    @Test
    void imageReferences() {
        ImageRef node = ImageRef.parse("docker.io/library/node:20@sha256:" + "a".repeat(64));
        assertThat(node.registry()).isEqualTo("docker.io");
        assertThat(node.repository()).isEqualTo("library/node");
        assertThat(node.tag()).isEqualTo("20");
        assertThat(node.digest()).isEqualTo("sha256:" + "a".repeat(64));
        assertThat(node.isOfficial()).isTrue();
        assertThat(node.familiarName()).isEqualTo("node");

        ImageRef local = ImageRef.parse("localhost:5000/x");
        assertThat(local.registry()).isEqualTo("localhost:5000");
        assertThat(local.repository()).isEqualTo("x");
        assertThat(local.tag()).isNull();
        assertThat(local.effectiveTag()).isEqualTo("latest");
        assertThat(local.isDockerHub()).isFalse();

        ImageRef distroless = ImageRef.parse("gcr.io/distroless/static-debian12:nonroot");
        assertThat(distroless.registry()).isEqualTo("gcr.io");
        assertThat(distroless.repository()).isEqualTo("distroless/static-debian12");
        assertThat(distroless.tag()).isEqualTo("nonroot");
        assertThat(distroless.baseName()).isEqualTo("static-debian12");

        ImageRef sdk = ImageRef.parse("mcr.microsoft.com/dotnet/sdk:8.0");
        assertThat(sdk.registry()).isEqualTo("mcr.microsoft.com");
        assertThat(sdk.repository()).isEqualTo("dotnet/sdk");
        assertThat(sdk.tag()).isEqualTo("8.0");
        assertThat(sdk.familiar()).isEqualTo("mcr.microsoft.com/dotnet/sdk:8.0");

        ImageRef hub = ImageRef.parse("bitnami/redis");
        assertThat(hub.registry()).isEqualTo("docker.io");
        assertThat(hub.repository()).isEqualTo("bitnami/redis");
        assertThat(hub.isOfficial()).isFalse();

        assertThat(ImageRef.parse("$IMAGE")).isNull();
        assertThat(ImageRef.parse("")).isNull();
        assertThat(ImageRef.parse("a b")).isNull();
    }

    @Test
    void runScriptsAndPositions() {
        String text = "FROM alpine\nRUN apk add \\\n    curl && \\\n    rm -rf /var/cache/apk/*\n"
                + "RUN <<EOF\nset -e\necho hi\nEOF\nRUN [\"/bin/sh\", \"-c\", \"echo exec\"]\n";
        Dockerfile df = Dockerfile.parse(text);
        assertThat(df.errors()).isEmpty();
        Instruction.Run shell = (Instruction.Run) df.instructions().get(1);
        assertThat(shell.script()).isEqualTo("apk add     curl &&     rm -rf /var/cache/apk/*");
        int curl = shell.script().indexOf("curl");
        SourceRange r = shell.shellScript().range(curl, curl + 4);
        assertThat(text.substring(r.start(), r.end())).isEqualTo("curl");
        assertThat(r.startLine()).isEqualTo(3);
        assertThat(r.startColumn()).isEqualTo(5);
        Instruction.Run heredoc = (Instruction.Run) df.instructions().get(2);
        assertThat(heredoc.script()).isEqualTo("set -e\necho hi\n");
        assertThat(heredoc.range().endLine()).isEqualTo(8);
        Instruction.Run exec = (Instruction.Run) df.instructions().get(3);
        assertThat(exec.command().exec()).isTrue();
        assertThat(exec.command().args()).extracting(Word::text).containsExactly("/bin/sh", "-c", "echo exec");
        Word arg = exec.command().args().get(2);
        assertThat(text.substring(arg.range().start(), arg.range().end())).isEqualTo("\"echo exec\"");
    }
}
