package dev.dockdiet.size.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.dockdiet.cli.Main;
import dev.dockdiet.cli.RewriteCommand;
import dev.dockdiet.size.rewrite.RewriteResult;
import dev.dockdiet.size.rewrite.Rewriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The size fixture {@code test-fixtures/size/go-http} built as written and as dockdiet rewrites it
 * ({@code dockdiet measure}, in-process), on local stand-ins for its two base images.
 */
@Tag("docker")
@ExtendWith(DockerTestEngine.class)
class RewriteMeasureIT {

    static final Path FIXTURE = Path.of("test-fixtures/size/go-http");
    static final Path GO_STAND_IN = Path.of("test-fixtures/engine/stand-ins/go");
    static final String GOLANG = "golang:1.22";
    static final String DISTROLESS = "gcr.io/distroless/static-debian12:nonroot";
    /** The weight of the golang stand-in's fake toolchain: the rewrite must save at least this much. */
    static final long PADDING = 60_000_000L;

    static DockerEngine engine;
    static String original;

    @BeforeAll
    static void standIns() throws Exception {
        engine = DockerEngine.connect(DockerTestEngine.host());
        original = Files.readString(FIXTURE.resolve("Dockerfile"));
        String real = realImage(GOLANG, DISTROLESS);
        Assumptions.assumeTrue(real == null, () -> "the engine has a real " + real
                + ": this test needs its stand-in there and never replaces a real image");
        // golang:1.22 stand-in. The real image is Debian plus the Go toolchain in /usr/local/go (about
        // 800 MB); this one is busybox plus a fake `go` (test-fixtures/engine/stand-ins/go: `go mod download`
        // and `go build -o OUT .` only; OUT is a shell script, not a Go binary) and 60 MB of zeros under
        // /usr/local/go, so the toolchain that the rewrite leaves behind has a known weight. ENV and
        // WORKDIR are the real image's.
        StandInImages.ensure(engine, GOLANG, StandInImages.COMMENT_PREFIX + " for " + GOLANG
                        + " (fake go, " + PADDING + " bytes of padding) v1",
                StandInImages.changes("ENV PATH=/go/bin:/usr/local/go/bin:" + StandInImages.PATH_ENV,
                        "ENV GOPATH=/go", "ENV GOTOOLCHAIN=local", "WORKDIR /go", "CMD [\"/bin/sh\"]"),
                fs -> fs.dir("go", 0777, 0).dir("go/bin", 0777, 0).dir("go/src", 0777, 0)
                        .dir("usr/local/go", 0755, 0).dir("usr/local/go/bin", 0755, 0)
                        .dir("usr/local/go/pkg", 0755, 0)
                        .file("usr/local/go/bin/go", 0755, Files.readAllBytes(GO_STAND_IN))
                        .padding("usr/local/go/pkg/stand-in-padding.bin", PADDING));
        // distroless static-debian12:nonroot stand-in. The real image has no shell at all (CA certificates,
        // tzdata, /etc/passwd and little else); the stand-in keeps busybox's /bin/sh because dockdiet
        // measure runs the smoke command as `/bin/sh -c CMD`, and the fake Go "binary" is a shell script.
        // The user database, USER, WORKDIR and ENV are the real image's (nonroot = 65532).
        StandInImages.ensure(engine, DISTROLESS, StandInImages.COMMENT_PREFIX + " for " + DISTROLESS
                        + " (busybox, user nonroot 65532) v1",
                StandInImages.changes("ENV PATH=" + StandInImages.PATH_ENV,
                        "ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt", "USER 65532", "WORKDIR /home/nonroot"),
                fs -> fs.text("etc/passwd", """
                                root:x:0:0:root:/root:/sbin/nologin
                                nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
                                nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
                                """)
                        .text("etc/group", """
                                root:x:0:
                                nobody:x:65534:
                                tty:x:5:
                                staff:x:50:
                                nonroot:x:65532:
                                """)
                        .dir("home", 0755, 0).dir("home/nonroot", 0700, 65532));
    }

    /** The first of {@code names} that the engine has as a real image (not a stand-in), or null. */
    private static String realImage(String... names) {
        for (String n : names) {
            String c = StandInImages.comment(engine, n);
            if (c != null && !c.startsWith(StandInImages.COMMENT_PREFIX)) {
                return n;
            }
        }
        return null;
    }

    @AfterAll
    static void removeStandIns() {
        if (engine != null) {
            StandInImages.removeIfStandIn(engine, GOLANG);
            StandInImages.removeIfStandIn(engine, DISTROLESS);
            engine.close();
        }
    }

    /** The classic-builder rewrite that {@code dockdiet measure} builds as "rewritten". */
    static String classicRewrite() {
        RewriteResult r = new Rewriter(null, Rewriter.Options.defaults().withBuildKit(false)).rewrite(original);
        assertThat(r.rewritten()).as("refused: %s", r.rewritten() ? "" : r.describeRefusal()).isTrue();
        return r.text();
    }

    @Test
    void theMeasuredRewriteIsTheGoldenOneWithoutBuildKitSyntax() throws Exception {
        String classic = classicRewrite();
        assertThat(RewriteCommand.asRewriter().apply(original)).isEqualTo(classic);
        // the golden rewrite (BuildKit) minus its BuildKit syntax: the # syntax line, the bullet about
        // cache mounts and the RUN --mount flags
        String golden = Files.readString(FIXTURE.resolve("Dockerfile.rewritten"))
                .replaceFirst("^# syntax=\\S+\n", "")
                .replaceFirst("# - Package caches live in BuildKit cache mounts[^\n]*\n(#   [^\n]*\n)*", "")
                .replaceAll("--mount=\\S+ ", "");
        assertThat(classic).isEqualTo(golden).doesNotContain("--mount").doesNotContain("# syntax=");
    }

    record Run(int code, String out, String err) {
    }

    static Run measure(String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("measure", "--context", FIXTURE.toString(),
                FIXTURE.resolve("Dockerfile").toString(), "--smoke", "hello", "--docker-host", DockerTestEngine.host()));
        args.addAll(List.of(extra));
        int code = Main.mainWithoutExit(args.toArray(String[]::new), out, err, null);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every image id in the engine, dangling and intermediate ones included. */
    static Set<String> allImageIds() {
        return engine.client().listImagesCmd().withShowAll(true).exec().stream().map(Image::getId)
                .collect(Collectors.toSet());
    }

    static List<String> measureTags() {
        return engine.client().listImagesCmd().exec().stream()
                .flatMap(i -> i.getRepoTags() == null ? Stream.<String>empty() : Stream.of(i.getRepoTags()))
                .filter(t -> t.startsWith(Measurer.REPOSITORY)).toList();
    }

    /** What the fake {@code go build} writes (test-fixtures/engine/stand-ins/go), for a CGO_ENABLED value. */
    static long helloBytes(String cgoEnabled) {
        return ("#!/bin/sh\n# built by the dockdiet go stand-in from example.com/hello (CGO_ENABLED=" + cgoEnabled
                + ")\necho \"hello from stand-in\"\n").getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void theRewriteIsSmallerAndItsSmokeCommandStillSucceeds() throws Exception {
        Set<String> imagesBefore = allImageIds();
        long golang = engine.imageSize(GOLANG);
        long distroless = engine.imageSize(DISTROLESS);
        long context = contextBytes() + ("\n" + BuildContext.DOCKERFILE_NAME + "\n").length();
        long expectedWritten = golang + context + helloBytes("unset");
        long expectedRewritten = distroless + helloBytes("0");

        // 1. as people run it: text, images removed afterwards. Its output is the README's sample.
        long t0 = System.nanoTime();
        Run text = measure();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Path samples = Path.of("target/engine-samples");
        Files.createDirectories(samples);
        Files.writeString(samples.resolve("measure-go-http.txt"), text.out() + text.err());
        System.out.printf("RewriteMeasureIT: measure (two builds, two smoke runs) took %d ms%n", ms);
        assertThat(text.code()).as("%s%s", text.out(), text.err()).isZero();
        assertThat(text.out()).contains("Measured " + FIXTURE.resolve("Dockerfile") + " with the classic builder")
                .containsPattern("(?m)^as written  ok +" + Pattern.quote(Sizes.human(expectedWritten))
                        + " +\\(baseline\\) +exit 0$")
                .containsPattern("(?m)^rewritten   ok +" + Pattern.quote(Sizes.human(expectedRewritten)) + " +-"
                        + Pattern.quote(Sizes.human(expectedWritten - expectedRewritten)) + " \\(-\\d+\\.\\d%\\) +exit 0$")
                .doesNotContain("kept ");
        // nothing left behind: no dockdiet-measure/ tag, no container, and no image that was not there
        // before, not even the untagged step images of the rewrite's build stage
        assertThat(measureTags()).isEmpty();
        assertThat(engine.client().listContainersCmd().withShowAll(true).exec()).isEmpty();
        assertThat(allImageIds()).isEqualTo(imagesBefore);

        // 2. JSON, keeping the images so that they can be checked
        Run json = measure("-f", "json", "--keep");
        try {
            assertThat(json.code()).as("%s%s", json.out(), json.err()).isZero();
            JsonNode report = new ObjectMapper().readTree(json.out());
            JsonNode v = report.path("variants");
            assertThat(v).hasSize(2);
            JsonNode asWritten = v.get(0);
            JsonNode rewritten = v.get(1);
            assertThat(asWritten.path("name").asText()).isEqualTo("as written");
            assertThat(rewritten.path("name").asText()).isEqualTo("rewritten");
            for (JsonNode x : v) {
                assertThat(x.path("built").asBoolean()).as("%s", x).isTrue();
                assertThat(x.path("builder").asText()).startsWith("classic builder (engine API, Docker ");
                assertThat(x.path("smokeExitCode").asInt(-1)).as("%s", x).isZero();
                assertThat(x.path("smokeOutput")).containsExactly(TextNode.valueOf("hello from stand-in"));
                assertThat(x.path("kept").asBoolean()).isTrue();
            }
            // the sizes, to the byte. As written: the whole golang stand-in, the context copied by
            // `COPY go.mod ./` and `COPY . .` (the second copy of the unchanged go.mod is no change, so
            // its layer does not hold it again) and the program. The context is everything the
            // .dockerignore lets through, but not the Dockerfile text that measure sends along: measure
            // lists it in the .dockerignore it sends (as the docker CLI does with a Dockerfile it adds),
            // so the engine drops it, and that .dockerignore, which the fixture's own rules let through,
            // is one line longer. Rewritten: the distroless stand-in and the program only (built with
            // CGO_ENABLED=0, which the fake go writes into it).
            long written = asWritten.path("sizeBytes").asLong();
            long slim = rewritten.path("sizeBytes").asLong();
            assertThat(written).isEqualTo(expectedWritten);
            assertThat(slim).isEqualTo(expectedRewritten);
            assertThat(rewritten.path("differenceBytes").asLong()).isEqualTo(slim - written).isLessThan(-PADDING);
            assertThat(rewritten.path("differencePercent").asDouble()).isEqualTo(100.0 * (slim - written) / written);

            // the images measure built are the Dockerfile as written and Rewriter's classic rewrite:
            // building those texts again hits the build cache at every step and gives the same image ids
            String writtenId = asWritten.path("imageId").asText();
            String rewrittenId = rewritten.path("imageId").asText();
            assertThat(rebuild(original, "dockdiet-test/go-http-check:written")).isEqualTo(writtenId);
            assertThat(rebuild(classicRewrite(), "dockdiet-test/go-http-check:rewritten")).isEqualTo(rewrittenId);
            // the rewritten image runs as distroless's nonroot user, with the runtime ENV but not the build's
            var config = engine.client().inspectImageCmd(rewrittenId).exec().getConfig();
            assertThat(config.getUser()).isEqualTo("65532");
            assertThat(config.getEnv()).contains("PORT=8080").noneMatch(e -> e.startsWith("CGO_ENABLED="));
            assertThat(config.getCmd()).containsExactly("hello");
            // --keep keeps each smoke container (exited 0) and the tags
            for (String id : List.of(writtenId, rewrittenId)) {
                assertThat(engine.client().listContainersCmd().withShowAll(true).withAncestorFilter(List.of(id)).exec())
                        .singleElement().satisfies(c -> {
                            assertThat(c.getCommand()).isEqualTo("/bin/sh -c hello");
                            assertThat(c.getStatus()).startsWith("Exited (0)");
                        });
            }
            assertThat(measureTags()).containsExactlyInAnyOrder(asWritten.path("tag").asText(),
                    rewritten.path("tag").asText());
        } finally {
            removeWhatKeepKept(imagesBefore);
        }
        assertThat(allImageIds()).isEqualTo(imagesBefore);
    }

    /** The smoke containers, tags and images of a --keep run: everything that was not there before. */
    private static void removeWhatKeepKept(Set<String> imagesBefore) {
        for (var c : engine.client().listContainersCmd().withShowAll(true).exec()) {
            if (!imagesBefore.contains(c.getImageId())) {
                engine.client().removeContainerCmd(c.getId()).withForce(true).exec();
            }
        }
        measureTags().forEach(t -> engine.client().removeImageCmd(t).exec());
        // the untagged images left, children before parents: newest first, and again for those whose
        // child had the same creation second
        for (int pass = 0; pass < 5; pass++) {
            List<Image> left = engine.client().listImagesCmd().withShowAll(true).exec().stream()
                    .filter(i -> !imagesBefore.contains(i.getId()))
                    .sorted(Comparator.comparing(Image::getCreated).reversed()).toList();
            if (left.isEmpty()) {
                return;
            }
            for (Image i : left) {
                try {
                    engine.client().removeImageCmd(i.getId()).exec();
                } catch (NotFoundException | ConflictException later) {
                    // went with its child, or its child goes first
                }
            }
        }
    }

    /** Builds text in the fixture's context, returns the image's short id, and untags it. */
    private static String rebuild(String text, String tag) {
        ImageBuilder.Result r = ImageBuilder.build(engine, FIXTURE, text, tag);
        assertThat(r.ok()).as("%s", r.logTail()).isTrue();
        assertThat(r.logTail()).noneMatch(l -> l.contains("Running in") && !l.contains("Using cache"));
        engine.client().removeImageCmd(tag).exec();
        return r.imageId();
    }

    /** The bytes of the files {@code COPY . .} copies from the fixture: all but what .dockerignore excludes. */
    private static long contextBytes() throws Exception {
        var rules = BuildContext.ignoreRules(FIXTURE);
        try (Stream<Path> s = Files.walk(FIXTURE)) {
            long sum = 0;
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                if (!rules.excludes(FIXTURE.relativize(p).toString())) {
                    sum += Files.size(p);
                }
            }
            return sum;
        }
    }
}
