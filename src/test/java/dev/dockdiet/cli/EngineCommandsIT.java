package dev.dockdiet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockdiet.size.engine.DockerEngine;
import dev.dockdiet.size.engine.DockerTestEngine;
import dev.dockdiet.size.engine.EngineException;
import dev.dockdiet.size.engine.ImageBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code dockdiet image} and {@code dockdiet measure} run in-process against a real engine. Their
 * outputs are also written to {@code target/engine-samples/} (the README quotes them).
 */
@Tag("docker")
@ExtendWith(DockerTestEngine.class)
class EngineCommandsIT {

    static final Path WASTE = Path.of("test-fixtures/engine/waste");
    static final Path MEASURE = Path.of("test-fixtures/engine/measure");
    static final String TAG = "dockdiet-test/cli-waste:1";
    static DockerEngine engine;

    @BeforeAll
    static void build() throws Exception {
        engine = DockerEngine.connect(DockerTestEngine.host());
        ImageBuilder.Result r = ImageBuilder.build(engine, WASTE, Files.readString(WASTE.resolve("Dockerfile")), TAG);
        assertThat(r.ok()).as("%s", r.logTail()).isTrue();
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.client().removeImageCmd(TAG).withForce(true).exec();
            engine.close();
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .setExecutionExceptionHandler((ex, c, parse) -> {
                    if (ex instanceof EngineException) {
                        c.getErr().println("dockdiet: " + ex.getMessage());
                        return 2;
                    }
                    throw ex;
                });
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static void sample(String name, Run r) throws Exception {
        Path dir = Path.of("target/engine-samples");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), r.out() + r.err());
    }

    @Test
    void imageText() throws Exception {
        Run r = run(new ImageCommand(), TAG, "--dockerfile", WASTE.resolve("Dockerfile").toString(),
                "--docker-host", DockerTestEngine.host());
        sample("image.txt", r);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("wasted 50.0 MB").contains("/big.bin")
                .contains("test-fixtures/engine/waste/Dockerfile:2: warning DD190: this layer adds 50.0 MB");
    }

    @Test
    void thresholdsExitOneWithTheFigureAndTheLimit() throws Exception {
        Run r = run(new ImageCommand(), TAG, "--max-wasted", "20MB", "--min-efficiency", "0.95", "--max-size", "1GB",
                "--docker-host", DockerTestEngine.host());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("wasted bytes 50.0 MB exceed --max-wasted 20.0 MB (50000006 > 20000000 bytes)")
                .contains("is below --min-efficiency 0.95").doesNotContain("--max-size");
    }

    @Test
    void sarifPointsAtTheLine() throws Exception {
        Run r = run(new ImageCommand(), TAG, "--dockerfile", WASTE.resolve("Dockerfile").toString(), "-f", "sarif",
                "--docker-host", DockerTestEngine.host());
        assertThat(r.exit()).isZero();
        JsonNode res = new ObjectMapper().readTree(r.out()).path("runs").get(0).path("results").get(0);
        assertThat(res.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt())
                .isEqualTo(2);
    }

    @Test
    void noEngineExitsTwoWithOneLine() {
        Run r = run(new ImageCommand(), "whatever", "--docker-host", "unix:///tmp/dockdiet-no-such.sock");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("dockdiet: cannot reach the Docker engine at unix:///tmp/dockdiet-no-such.sock: ")
                .doesNotContain("\n");
    }

    @Test
    void measureFatAgainstSlim() throws Exception {
        Run r = run(new MeasureCommand(), MEASURE.resolve("Dockerfile").toString(), "--no-rewrite",
                "--variant", MEASURE.resolve("slim.Dockerfile").toString(), "--smoke", "sh /opt/app/app.sh",
                "--docker-host", DockerTestEngine.host(), "-f", "json");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode v = new ObjectMapper().readTree(r.out()).path("variants");
        long fat = v.get(0).path("sizeBytes").asLong();
        long slim = v.get(1).path("sizeBytes").asLong();
        long base = engine.imageSize("local/busybox:1");
        // the fat image keeps the 20,000,000-byte file that a later layer deletes; both add app.sh and data.txt
        assertThat(fat - slim).isEqualTo(20_000_000L);
        assertThat(slim - base).isEqualTo(Files.size(MEASURE.resolve("app.sh")) + Files.size(MEASURE.resolve("data.txt")));
        assertThat(v.get(1).path("differenceBytes").asLong()).isEqualTo(-20_000_000L);
        assertThat(v.get(0).path("smokeExitCode").asInt()).isZero();
        assertThat(v.get(1).path("smokeExitCode").asInt()).isZero();
        assertThat(v.get(1).path("smokeOutput").get(0).asText()).isEqualTo("app ok: payload");
        // removed afterwards
        assertThat(engine.client().listImagesCmd().exec()).flatExtracting(i -> i.getRepoTags() == null
                ? java.util.List.<String>of() : java.util.List.of(i.getRepoTags()))
                .noneMatch(t -> t.startsWith("dockdiet-measure/"));
        Run text = run(new MeasureCommand(), MEASURE.resolve("Dockerfile").toString(), "--no-rewrite",
                "--variant", MEASURE.resolve("slim.Dockerfile").toString(), "--smoke", "sh /opt/app/app.sh",
                "--docker-host", DockerTestEngine.host());
        sample("measure.txt", text);
        assertThat(text.out()).contains("-20.0 MB");
    }

    @Test
    void measureReportsAFailedBuildWithItsLog() throws Exception {
        Run r = run(new MeasureCommand(), MEASURE.resolve("Dockerfile").toString(), "--no-rewrite",
                "--variant", MEASURE.resolve("broken.Dockerfile").toString(),
                "--docker-host", DockerTestEngine.host());
        sample("measure-failed.txt", r);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED").contains("about to fail").contains("returned a non-zero code: 3");
        assertThat(engine.client().listContainersCmd().withShowAll(true).exec()).isEmpty();
    }
    static boolean noMeasureImagesOrContainersLeft() {
        boolean images = engine.client().listImagesCmd().exec().stream().noneMatch(i -> i.getRepoTags() != null
                && java.util.Arrays.stream(i.getRepoTags()).anyMatch(t -> t.startsWith("dockdiet-measure/")));
        return images && engine.client().listContainersCmd().withShowAll(true).exec().isEmpty();
    }

    @Test
    void measureRunsTheSmokeCommandInExecFormWhenTheImageHasNoShell() throws Exception {
        Run r = run(new MeasureCommand(), MEASURE.resolve("slim.Dockerfile").toString(), "--no-rewrite",
                "--variant", MEASURE.resolve("noshell.Dockerfile").toString(),
                "--smoke", "/bin/busybox cat /opt/app/data.txt", "--docker-host", DockerTestEngine.host(), "-f", "json");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode v = new ObjectMapper().readTree(r.out()).path("variants");
        assertThat(v.get(0).path("smokeForm").asText()).isEqualTo("shell");
        assertThat(v.get(1).path("smokeForm").asText()).isEqualTo("exec");
        assertThat(v.get(1).path("smokeExitCode").asInt(-1)).isZero();
        assertThat(v.get(1).path("smokeOutput").get(0).asText()).isEqualTo("payload");
        assertThat(noMeasureImagesOrContainersLeft()).isTrue();

        // a command that needs a shell cannot run there: that row says so, the other rows stay, exit 1
        Run piped = run(new MeasureCommand(), MEASURE.resolve("slim.Dockerfile").toString(), "--no-rewrite",
                "--variant", MEASURE.resolve("noshell.Dockerfile").toString(),
                "--smoke", "cat /opt/app/data.txt | grep payload", "--docker-host", DockerTestEngine.host());
        sample("measure-noshell.txt", piped);
        assertThat(piped.exit()).isEqualTo(1);
        assertThat(piped.out()).contains("slim.Dockerfile").containsPattern("as written\\s+ok\\s+\\S+ \\S+\\s+\\(baseline\\)\\s+exit 0")
                .contains("failed: the command needs a shell").contains("(exec form: the image has no /bin/sh)");
        assertThat(noMeasureImagesOrContainersLeft()).as("images and containers removed").isTrue();
    }

    @Test
    void imageOfAFinalStageFromAnEarlierStageKeepsTheBaseImagesWasteApart() throws Exception {
        Path dir = Path.of("test-fixtures/engine/stage-waste");
        String base = "dockdiet-test/stage-waste-base:1";
        String tag = "dockdiet-test/stage-waste:1";
        try {
            ImageBuilder.Result b = ImageBuilder.build(engine, dir, Files.readString(dir.resolve("base.Dockerfile")), base);
            assertThat(b.ok()).as("%s", b.logTail()).isTrue();
            ImageBuilder.Result r = ImageBuilder.build(engine, dir, Files.readString(dir.resolve("Dockerfile")), tag);
            assertThat(r.ok()).as("%s", r.logTail()).isTrue();
            Run json = run(new ImageCommand(), tag, "--dockerfile", dir.resolve("Dockerfile").toString(), "-f", "json",
                    "--max-wasted", "2MB", "--docker-host", DockerTestEngine.host());
            assertThat(json.exit()).as("3 MB of the 5 MB are the base image's own: not counted" + json.err()).isZero();
            JsonNode rep = new ObjectMapper().readTree(json.out());
            assertThat(rep.path("wastedBytes").asLong()).isEqualTo(5_000_000L);
            assertThat(rep.path("baseWastedBytes").asLong()).isEqualTo(3_000_000L);
            Run text = run(new ImageCommand(), tag, "--dockerfile", dir.resolve("Dockerfile").toString(),
                    "--max-wasted", "1MB", "--docker-host", DockerTestEngine.host());
            sample("image-stage-waste.txt", text);
            assertThat(text.exit()).isEqualTo(1);
            assertThat(text.out()).contains("wasted 5.00 MB (3.00 MB of it inside the base image)")
                    .contains("stage-waste/Dockerfile:2: warning DD190: this layer adds 2.00 MB")
                    .contains("that line 6 deletes").contains("note DD190: inside the base image");
            assertThat(text.err()).contains("(2000000 > 1000000 bytes; not counting 3.00 MB wasted inside the base image)");
        } finally {
            for (String t : java.util.List.of(tag, base)) {
                try {
                    engine.client().removeImageCmd(t).withForce(true).exec();
                } catch (RuntimeException gone) {
                    // not built
                }
            }
        }
    }
}
