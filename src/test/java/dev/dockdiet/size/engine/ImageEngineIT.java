package dev.dockdiet.size.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockdiet.size.engine.ImageReport.ImageFinding;
import dev.dockdiet.size.engine.ImageReport.Layer;
import dev.dockdiet.size.engine.ImageReport.Removal;
import dev.dockdiet.size.engine.ImageReport.Waste;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Builds images with known content in a real engine and checks every figure the analyzer reports. */
@Tag("docker")
@ExtendWith(DockerTestEngine.class)
class ImageEngineIT {

    static final Path WASTE = Path.of("test-fixtures/engine/waste");
    static final String TAG = "dockdiet-test/waste:1";
    static DockerEngine engine;
    static long base;

    @BeforeAll
    static void build() throws Exception {
        engine = DockerEngine.connect(DockerTestEngine.host());
        base = engine.imageSize("local/busybox:1");
        String text = Files.readString(WASTE.resolve("Dockerfile"));
        ImageBuilder.Result r = ImageBuilder.build(engine, WASTE, text, TAG);
        assertThat(r.ok()).as("build log: %s", r.logTail()).isTrue();
        assertThat(r.builder()).startsWith("classic builder (engine API, Docker ");
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.client().removeImageCmd(TAG).withForce(true).exec();
            engine.close();
        }
    }

    @Test
    void negotiatesTheApiVersionDownToTheServer() {
        String server = engine.call("version", () -> engine.client().versionCmd().exec().getApiVersion());
        assertThat(engine.apiVersion()).isEqualTo(DockerEngine.min(server, DockerEngine.MAX_API_VERSION));
    }

    @Test
    void fromTheEngine() {
        check(ImageAnalyzer.analyze(engine, TAG), true);
    }

    @Test
    void fromASavedTar(@TempDir Path tmp) throws Exception {
        Path tar = tmp.resolve("waste.tar");
        try (InputStream in = engine.client().saveImageCmd(TAG).exec()) {
            Files.copy(in, tar);
        }
        check(ImageAnalyzer.analyze(tar), false);
    }

    private void check(ImageReport r, boolean fromEngine) {
        // base + 50,000,000 (dd) + 6 (COPY hello.txt) + 24 (echo > hello.txt) + 0 (rm: a whiteout);
        // the RUN that creates and removes its 3 MB file in one go leaves an empty diff, which the
        // engine records as an empty_layer history entry: no layer at all
        assertThat(r.layers()).extracting(Layer::contentBytes)
                .containsExactly(base, 50_000_000L, 6L, 24L, 0L);
        assertThat(r.history()).filteredOn(h -> h.instruction().startsWith("RUN dd if=/dev/zero of=/tmp/scratch"))
                .singleElement().satisfies(h -> assertThat(h.emptyLayer()).isTrue());
        assertThat(r.totalBytes()).isEqualTo(base + 50_000_030L);
        if (fromEngine) {
            assertThat(r.engineSizeBytes()).isEqualTo(r.totalBytes());
        } else {
            assertThat(r.engineSizeBytes()).isNull();
        }
        assertThat(r.wastedBytes()).isEqualTo(50_000_006L);
        assertThat(r.finalBytes()).isEqualTo(base + 24L);
        assertThat(r.efficiency()).isEqualTo(1.0 - 50_000_006.0 / (base + 50_000_030L));
        assertThat(r.wastes()).containsExactly(
                new Waste(1, 4, 50_000_000L, 1, 50_000_000L, 0, "/big.bin"),
                new Waste(2, 3, 6L, 1, 0, 6L, "/etc/hello.txt"));
        assertThat(r.wastedPaths()).extracting(w -> w.path() + " " + w.how())
                .containsExactly("/big.bin " + Removal.DELETED, "/etc/hello.txt " + Removal.OVERWRITTEN);
        assertThat(r.layers().get(1).largestFiles()).extracting(ImageReport.PathSize::path).containsExactly("/big.bin");
        assertThat(r.layers().get(4).pathsDeleted()).isEqualTo(1);
        assertThat(r.layers().get(1).instruction())
                .isEqualTo("RUN dd if=/dev/zero of=/big.bin bs=1000000 count=50");
        assertThat(r.history()).filteredOn(ImageReport.HistoryEntry::emptyLayer)
                .extracting(ImageReport.HistoryEntry::instruction)
                .contains("ENV GREETING=hello", "CMD [\"cat\" \"/etc/hello.txt\"]");

        ImageReport m = DockerfileMatcher.match(r, DockerfileSteps.PARSED.read(WASTE.resolve("Dockerfile")),
                "Dockerfile");
        assertThat(m.layers()).extracting(l -> l.step() == null ? null : l.step().line())
                .containsExactly(null, 2, 3, 4, 5);
        assertThat(m.history()).extracting(h -> h.step() == null ? null : h.step().line())
                .endsWith(2, 3, 4, 5, 6, 8, 9);
        assertThat(m.findings()).hasSize(1);
        ImageFinding f = m.findings().get(0);
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.bytes()).isEqualTo(50_000_000L);
        assertThat(f.message()).startsWith("this layer adds 50.0 MB (1 file: /big.bin) that line 5 deletes;")
                .contains("clean up in the same RUN");
    }

    @Test
    void aMissingImageIsAOneLineError() {
        assertThatThrownBy(() -> ImageAnalyzer.analyze(engine, "dockdiet-test/no-such-image:1"))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("cannot inspect image dockdiet-test/no-such-image:1: not found");
    }

    @Test
    void noEngineIsAOneLineError(@TempDir Path tmp) {
        String nowhere = "unix://" + tmp.resolve("nothing.sock");
        assertThatThrownBy(() -> DockerEngine.connect(nowhere, null))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("cannot reach the Docker engine at " + nowhere + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    static List<String> lines(String s) {
        return s.lines().toList();
    }
}
