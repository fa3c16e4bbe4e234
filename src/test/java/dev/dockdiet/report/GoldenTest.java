package dev.dockdiet.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format's exact output on the sample report and on an empty one, against the files under
 * {@code src/test/resources/report/}. Run with {@code -Ddockdiet.updateGolden=true} to rewrite them,
 * then read the diff.
 */
class GoldenTest {

    static final Path DIR = Path.of("src/test/resources/report");
    static final boolean UPDATE = Boolean.getBoolean("dockdiet.updateGolden");

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String format : Reporters.NAMES) {
            String ext = switch (format) {
                case "text", "github" -> "txt";
                case "checkstyle" -> "xml";
                default -> "json";
            };
            b.add(Arguments.of(format, "sample", format + "-sample." + ext, false));
            b.add(Arguments.of(format, "empty", format + "-empty." + ext, false));
        }
        b.add(Arguments.of("text", "sample", "text-sample-colour.txt", true));
        return b.build();
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("cases")
    void matchesGoldenFile(String format, String which, String file, boolean colour) throws IOException {
        LintReport report = which.equals("sample") ? Samples.sample() : Samples.empty();
        String actual = Samples.render(format, report, Samples.OPTIONS.withColour(colour));
        Path golden = DIR.resolve(file);
        if (UPDATE) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file %s (create it with -Ddockdiet.updateGolden=true)", golden).exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
