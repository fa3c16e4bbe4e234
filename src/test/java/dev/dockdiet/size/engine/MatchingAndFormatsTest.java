package dev.dockdiet.size.engine;

import static dev.dockdiet.size.engine.TestImages.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingAndFormatsTest {

    @Test
    void createdByForms() {
        assertThat(CreatedBy.parse("/bin/sh -c #(nop)  CMD [\"/bin/sh\" \"-c\" \"cat /hello.txt\"]"))
                .isEqualTo(new CreatedBy("CMD", "[\"/bin/sh\" \"-c\" \"cat /hello.txt\"]"));
        assertThat(CreatedBy.parse("/bin/sh -c #(nop) COPY file:c50ecf0f in /hello.txt"))
                .isEqualTo(new CreatedBy("COPY", "file:c50ecf0f in /hello.txt"));
        assertThat(CreatedBy.parse("/bin/sh -c apt-get update && apt-get install -y curl"))
                .isEqualTo(new CreatedBy("RUN", "apt-get update && apt-get install -y curl"));
        assertThat(CreatedBy.parse("|2 A=1 B=x /bin/sh -c make all")).isEqualTo(new CreatedBy("RUN", "make all"));
        assertThat(CreatedBy.parse("RUN /bin/sh -c npm ci # buildkit")).isEqualTo(new CreatedBy("RUN", "npm ci"));
        assertThat(CreatedBy.parse("RUN |1 V=2 /bin/sh -c make # buildkit")).isEqualTo(new CreatedBy("RUN", "make"));
        assertThat(CreatedBy.parse("COPY . /app # buildkit")).isEqualTo(new CreatedBy("COPY", ". /app"));
        assertThat(CreatedBy.parse("WORKDIR /app")).isEqualTo(new CreatedBy("WORKDIR", "/app"));
        assertThat(CreatedBy.parse("")).isEqualTo(new CreatedBy(null, ""));
        assertThat(CreatedBy.parse("make install")).isEqualTo(new CreatedBy("RUN", "make install"));
    }

    static final String DOCKERFILE = """
            FROM golang:1.22 AS build
            RUN go build -o /app .

            FROM local/busybox:1
            ARG VERSION=1
            RUN apt-get update && \\
                apt-get install -y big
            # a comment
            COPY --from=build /app /app
            RUN --mount=type=cache,target=/root/.cache rm -rf /var/lib/apt/lists/*
            CMD ["/app"]
            """;

    /** A BuildKit image of DOCKERFILE: ARG leaves no history; base history first. */
    static ImageReport buildkitImage() {
        List<byte[]> ls = List.of(layer().file("bin/busybox", 1000).bytes(),
                layer().dir("var/lib/apt/lists").file("var/lib/apt/lists/index", 2_000_000).file("usr/bin/big", 5).bytes(),
                layer().file("app", 10).bytes(),
                layer().dir("var/lib/apt").opaque("var/lib/apt/lists").bytes());
        byte[] config = TestImages.config(ls, List.of(
                "", "/bin/sh -c #(nop)  CMD [\"/bin/sh\"]",
                "RUN |1 VERSION=1 /bin/sh -c apt-get update &&     apt-get install -y big # buildkit",
                "COPY /app /app # buildkit",
                "RUN |1 VERSION=1 /bin/sh -c rm -rf /var/lib/apt/lists/* # buildkit",
                "CMD [\"/app\"]"), List.of(false, true, false, false, false, true));
        return ImageAnalyzer.analyze(ImageArchive.read(new ByteArrayInputStream(
                TestImages.dockerArchive(ls, config, false)), "t"), "t", "tar", null);
    }

    @Test
    void matchesLayersToTheFinalStageAndPointsFindingsAtTheCreatingLine() {
        List<DockerfileStep> steps = DockerfileSteps.PARSED.read(DOCKERFILE);
        assertThat(steps).extracting(DockerfileStep::line).containsExactly(1, 2, 4, 5, 6, 9, 10, 11);
        assertThat(steps.get(4)).isEqualTo(new DockerfileStep(6, 7, "RUN", "apt-get update &&     apt-get install -y big"));
        ImageReport r = DockerfileMatcher.match(buildkitImage(), steps, "Dockerfile");
        assertThat(r.layers()).extracting(l -> l.step() == null ? null : l.step().line())
                .containsExactly(null, 6, 9, 10);
        assertThat(r.history().get(1).step()).as("the base image's CMD is not ours").isNull();
        assertThat(r.history().get(5).step().line()).isEqualTo(11);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(6);
            assertThat(f.endLine()).isEqualTo(7);
            assertThat(f.message()).isEqualTo("this layer adds 2.00 MB (1 file: /var/lib/apt/lists/index) that line 10"
                    + " deletes; deleting in a later layer does not make the image smaller: clean up in the same RUN"
                    + " that creates them");
        });
    }

    static final String FROM_STAGE = """
            FROM local/busybox:1 AS deps
            RUN apt-get update && apt-get install -y big

            FROM golang:1.22 AS unrelated
            RUN go build -o /app .

            FROM DEPS
            COPY app /app
            RUN rm -rf /var/lib/apt/lists/*
            """;

    /**
     * An image of FROM_STAGE: a base whose own second layer deletes what its first added (waste inside
     * the base image), then the layers of stage deps (line 2) and of the final stage (lines 8, 9).
     */
    static ImageReport fromStageImage() {
        List<byte[]> ls = List.of(layer().file("bin/busybox", 1000).file("tmp/base-junk", 3_000_000).bytes(),
                layer().whiteout("tmp/base-junk").bytes(),
                layer().dir("var/lib/apt/lists").file("var/lib/apt/lists/index", 2_000_000).file("usr/bin/big", 5).bytes(),
                layer().file("app", 10).bytes(),
                layer().dir("var/lib/apt").opaque("var/lib/apt/lists").bytes());
        byte[] config = TestImages.config(ls, List.of(
                "/bin/sh -c #(nop) ADD file:abc in / ", "/bin/sh -c rm -f /tmp/base-junk", "/bin/sh -c #(nop)  CMD [\"/bin/sh\"]",
                "RUN /bin/sh -c apt-get update && apt-get install -y big # buildkit",
                "COPY app /app # buildkit",
                "RUN /bin/sh -c rm -rf /var/lib/apt/lists/* # buildkit"), List.of(false, false, true, false, false, false));
        return ImageAnalyzer.analyze(ImageArchive.read(new ByteArrayInputStream(
                TestImages.dockerArchive(ls, config, false)), "t"), "t", "tar", null);
    }

    @Test
    void aFinalStageFromAnEarlierStageMapsThatStagesLayersToItsLines() {
        List<DockerfileStep> steps = DockerfileSteps.PARSED.read(FROM_STAGE);
        assertThat(DockerfileMatcher.imageSteps(steps)).extracting(DockerfileStep::line).containsExactly(2, 8, 9);
        ImageReport r = DockerfileMatcher.match(fromStageImage(), steps, "Dockerfile");
        assertThat(r.layers()).extracting(l -> l.step() == null ? null : l.step().line())
                .containsExactly(null, null, 2, 8, 9);
        assertThat(r.findings()).filteredOn(f -> f.level().equals("warning")).singleElement().satisfies(f -> {
            assertThat(f.line()).as("the line that added the lists, in stage deps").isEqualTo(2);
            assertThat(f.message()).startsWith("this layer adds 2.00 MB (1 file: /var/lib/apt/lists/index) that line 9"
                    + " deletes").doesNotContain("base image");
        });
        // by index too, and a FROM naming an image ends the chain
        assertThat(DockerfileMatcher.imageSteps(DockerfileSteps.PARSED.read("FROM a\nRUN x\nFROM 0\nRUN y\n")))
                .extracting(DockerfileStep::line).containsExactly(2, 4);
        assertThat(DockerfileMatcher.imageSteps(DockerfileSteps.PARSED.read("FROM a AS b\nRUN x\nFROM c\nRUN y\n")))
                .extracting(DockerfileStep::line).containsExactly(4);
    }

    @Test
    void wasteInsideTheBaseImageIsAnoteAndNotCountedTowardMaxWasted() {
        ImageReport bare = fromStageImage();
        assertThat(bare.wastedBytes()).isEqualTo(5_000_000);
        assertThat(bare.baseWastedBytes()).as("no Dockerfile: the base's layers are unknown").isNull();
        assertThat(new Thresholds(null, 4_000_000L, null).violations(bare)).hasSize(1);

        ImageReport r = DockerfileMatcher.match(bare, DockerfileSteps.PARSED.read(FROM_STAGE), "Dockerfile");
        assertThat(r.baseWastedBytes()).isEqualTo(3_000_000);
        assertThat(r.ownWastedBytes()).isEqualTo(2_000_000);
        assertThat(new Thresholds(null, 2_000_000L, null).violations(r)).isEmpty();
        assertThat(new Thresholds(null, 1_999_999L, null).violations(r)).containsExactly(
                "wasted bytes 2.00 MB exceed --max-wasted 2.00 MB (2000000 > 1999999 bytes; not counting 3.00 MB wasted"
                        + " inside the base image)");
        assertThat(r.findings()).filteredOn(f -> f.level().equals("note")).singleElement().satisfies(f -> {
            assertThat(f.line()).isNull();
            assertThat(f.message()).startsWith("inside the base image, layer 0").contains("no change to this Dockerfile");
        });
        assertThat(ImageReportWriter.text(r)).contains("wasted 5.00 MB (3.00 MB of it inside the base image)");
    }

    @Test
    void withoutADockerfileFindingsNameLayers() {
        ImageReport r = buildkitImage();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.line()).isNull();
            assertThat(f.message()).startsWith("layer 1 (RUN apt-get update && apt-get install -y big) adds 2.00 MB");
        });
    }

    @Test
    void sarifIsValidAndPointsAtTheLine() throws Exception {
        ImageReport r = DockerfileMatcher.match(buildkitImage(), DockerfileSteps.PARSED.read(DOCKERFILE), "app/Dockerfile");
        String sarif = ImageReportWriter.sarif(r);
        // the OASIS schema, kept in src/test/resources/report (the same one the report tests use)
        assertThat(dev.dockdiet.report.Schemas.errors(dev.dockdiet.report.Schemas.sarif(), sarif)).isEmpty();
        var result = new ObjectMapper().readTree(sarif).path("runs").get(0).path("results").get(0);
        assertThat(result.path("ruleId").asText()).isEqualTo("DD190");
        assertThat(result.path("level").asText()).isEqualTo("warning");
        var loc = result.path("locations").get(0).path("physicalLocation");
        assertThat(loc.path("artifactLocation").path("uri").asText()).isEqualTo("app/Dockerfile");
        assertThat(loc.path("region").path("startLine").asInt()).isEqualTo(6);
        assertThat(loc.path("region").path("endLine").asInt()).isEqualTo(7);
        // and without a Dockerfile: still valid, no location
        String bare = ImageReportWriter.sarif(buildkitImage());
        assertThat(dev.dockdiet.report.Schemas.errors(dev.dockdiet.report.Schemas.sarif(), bare)).isEmpty();
    }

    @Test
    void jsonRoundTripsTheFigures() throws Exception {
        var json = new ObjectMapper().readTree(ImageReportWriter.json(buildkitImage()));
        assertThat(json.path("totalBytes").asLong()).isEqualTo(2_001_015);
        assertThat(json.path("wastedBytes").asLong()).isEqualTo(2_000_000);
        assertThat(json.path("layers").get(1).path("largestFiles").get(0).path("path").asText())
                .isEqualTo("/var/lib/apt/lists/index");
        assertThat(json.has("engineSizeBytes")).isFalse();
    }

    @Test
    void textShowsABarPerLayer() {
        String text = ImageReportWriter.text(buildkitImage());
        assertThat(text).contains("Size 2.00 MB in 4 layers   wasted 2.00 MB   efficiency 0.1%");
        assertThat(text.lines().filter(l -> l.matches("\\s+\\d+\\s+.*")).count()).isEqualTo(4);
        assertThat(text).contains("████████████████████████");
    }

    @Test
    void sizes() {
        assertThat(Sizes.parse("200MB")).isEqualTo(200_000_000L);
        assertThat(Sizes.parse("1.5 GB")).isEqualTo(1_500_000_000L);
        assertThat(Sizes.parse("512MiB")).isEqualTo(512L << 20);
        assertThat(Sizes.parse("20mb")).isEqualTo(20_000_000L);
        assertThat(Sizes.parse("1234")).isEqualTo(1234L);
        assertThat(Sizes.parse("10kB")).isEqualTo(10_000L);
        assertThatThrownBy(() -> Sizes.parse("lots")).hasMessageContaining("'lots' is not a size");
        assertThat(Sizes.human(999)).isEqualTo("999 B");
        assertThat(Sizes.human(52_400_000)).isEqualTo("52.4 MB");
        assertThat(Sizes.human(1_982_296)).isEqualTo("1.98 MB");
        assertThat(Sizes.human(254_000_000)).isEqualTo("254 MB");
    }

    @Test
    void thresholds() {
        ImageReport r = buildkitImage();
        assertThat(new Thresholds(3_000_000L, 2_000_000L, 0.0).violations(r)).isEmpty();
        assertThat(new Thresholds(2_000_000L, 1_999_999L, 0.5).violations(r)).containsExactly(
                "image size 2.00 MB exceeds --max-size 2.00 MB (2001015 > 2000000 bytes)",
                "wasted bytes 2.00 MB exceed --max-wasted 2.00 MB (2000000 > 1999999 bytes)",
                "efficiency 0.0005 is below --min-efficiency 0.5");
        assertThatThrownBy(() -> new Thresholds(null, null, 1.5)).hasMessageContaining("between 0 and 1");
    }

    @Test
    void smokeCommandsInExecFormAreOnePlainCommand() {
        assertThat(Measurer.execForm("/bin/busybox cat /opt/app/data.txt"))
                .containsExactly("/bin/busybox", "cat", "/opt/app/data.txt");
        assertThat(Measurer.execForm("app --greeting 'hello world' \"x y\"")).containsExactly("app", "--greeting",
                "hello world", "x y");
        assertThat(Measurer.execForm("app | grep ok")).as("pipe").isNull();
        assertThat(Measurer.execForm("app && app2")).as("list").isNull();
        assertThat(Measurer.execForm("app > /tmp/out")).as("redirection").isNull();
        assertThat(Measurer.execForm("app $HOME")).as("expansion").isNull();
        assertThat(Measurer.execForm("ls /app/*.jar")).as("glob").isNull();
        assertThat(Measurer.execForm("X=1 app")).as("assignment").isNull();
        assertThat(Measurer.execForm("")).isNull();
    }

    @Test
    void dockerignore() {
        var rules = dev.dockdiet.size.DockerIgnore.parse("""
                # comment
                node_modules
                *.log
                **/*.tmp
                !keep.log
                docs/
                """);
        assertThat(rules.excludes("node_modules/x/y.js")).isTrue();
        assertThat(rules.excludes("a.log")).isTrue();
        assertThat(rules.excludes("keep.log")).isFalse();
        assertThat(rules.excludes("sub/a.log")).isFalse();
        assertThat(rules.excludes("x/y/z.tmp")).isTrue();
        assertThat(rules.excludes("docs/readme.md")).isTrue();
        assertThat(rules.excludes("src/main.go")).isFalse();
    }

    @Test
    void escapeDirectiveAndApiVersions() {
        List<DockerfileStep> steps = DockerfileSteps.PARSED.read("# escape=`\nFROM x\nRUN a `\n  b\n");
        assertThat(steps).containsExactly(new DockerfileStep(2, 2, "FROM", "x"), new DockerfileStep(3, 4, "RUN", "a   b"));
        assertThat(DockerEngine.min("1.41", "1.44")).isEqualTo("1.41");
        assertThat(DockerEngine.min("1.51", "1.44")).isEqualTo("1.44");
        assertThat(DockerEngine.min("1.9", "1.44")).isEqualTo("1.9");
        assertThat(Measurer.sanitize("My App/Dockerfile.prod")).isEqualTo("my-app-dockerfile.prod");
    }
}
