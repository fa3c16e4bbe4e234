package dev.dockdiet.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * BuildKit's own parser test cases, read in place from ../shared/conformance: every positive case
 * must dump byte-for-byte as BuildKit does, every negative case must fail to parse.
 */
class BuildkitParserConformanceTest {

    static final Path ROOT = SharedFiles.resolve("conformance/buildkit/parser");

    @TestFactory
    Stream<DynamicTest> positiveCasesDumpExactlyAsBuildkit() throws IOException {
        Path dir = ROOT.resolve("testfiles");
        assertThat(dir).isDirectory();
        try (Stream<Path> cases = Files.list(dir)) {
            var list = cases.sorted().toList();
            assertThat(list).hasSize(33);
            return list.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
                String input = Files.readString(c.resolve("Dockerfile"), StandardCharsets.UTF_8);
                String expected = Files.readString(c.resolve("result"), StandardCharsets.UTF_8);
                Dockerfile df = Dockerfile.parse(input);
                assertThat(df.problems().stream().filter(p -> p.layer() == Problem.Layer.PARSE).toList())
                        .as("parse errors").isEmpty();
                assertThat(AstDump.dump(df)).isEqualTo(expected);
            }));
        }
    }

    @TestFactory
    Stream<DynamicTest> negativeCasesFail() throws IOException {
        Path dir = ROOT.resolve("testfiles-negative");
        try (Stream<Path> cases = Files.list(dir)) {
            var list = cases.sorted().toList();
            assertThat(list).hasSize(4);
            return list.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
                String input = Files.readString(c.resolve("Dockerfile"), StandardCharsets.UTF_8);
                Dockerfile df = Dockerfile.parse(input);
                assertThat(df.parses()).as("must not parse: %s", df.problems()).isFalse();
            }));
        }
    }
}
