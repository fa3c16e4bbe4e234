package dev.dockdiet.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.cli.Main;
import dev.dockdiet.report.Schemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: real-world Dockerfiles under {@code test-fixtures/golden/<case>/} with the exact
 * report expected in every format. {@code -Ddockdiet.updateGolden=true} rewrites them; a reviewer
 * reads the diff. Every SARIF golden is validated against the SARIF 2.1.0 schema.
 */
class GoldenTest {

    static final Path ROOT = Path.of("test-fixtures", "golden");
    static final Map<String, String> FORMATS = Map.of("text", "txt", "json", "json", "sarif", "sarif",
            "checkstyle", "checkstyle.xml", "github", "github.txt", "gitlab", "gitlab.json", "rdjson", "rdjson.json");
    static final boolean UPDATE = Boolean.getBoolean("dockdiet.updateGolden");

    @TestFactory
    Stream<DynamicTest> everyFormatOnEveryCase() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(ROOT)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(5);
        return cases.stream().flatMap(c -> FORMATS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(f -> DynamicTest.dynamicTest(c.getFileName() + " " + f.getKey(), () -> check(c, f.getKey(), f.getValue()))));
    }

    private static void check(Path dir, String format, String ext) throws IOException {
        String dockerfile = dir.resolve("Dockerfile").toString().replace('\\', '/');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.mainWithoutExit(new String[] {"--color", "never", "--fail-on", "none", "-f", format, dockerfile},
                out, err, null);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(code).isZero();
        String actual = normalise(out.toString(StandardCharsets.UTF_8));
        Path golden = dir.resolve("expected." + ext);
        if (UPDATE) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file (run with -Ddockdiet.updateGolden=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        if (format.equals("sarif")) {
            assertThat(Schemas.errors(Schemas.sarif(), actual)).isEmpty();
        }
        if (format.equals("rdjson")) {
            assertThat(Schemas.errors(Schemas.rdjson(), actual)).isEmpty();
        }
    }

    /** The checkout's absolute location is the only thing that differs between machines. */
    static String normalise(String s) {
        String root = Path.of("").toAbsolutePath().toUri().toString();
        return s.replace(root, "file:///REPO/");
    }
}
