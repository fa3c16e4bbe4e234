package dev.dockdiet.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * BuildKit's variable-expansion vectors ({@code shared/conformance/buildkit/shell}, drivers in
 * lex_test.go) against {@link ShellLex}, on the unix platform.
 */
class ShellLexConformanceTest {

    static final Path DIR = SharedFiles.resolve("conformance/buildkit/shell");
    static final ShellLex LEX = ShellLex.of('\\');

    /** TestShellParser4EnvVars: ProcessWord with a fixed env. */
    @TestFactory
    Stream<DynamicTest> envVarTest() throws IOException {
        Map<String, String> env = Map.of("PWD", "/home", "SHELL", "bash", "KOREAN", "한국어", "NULL", "");
        List<DynamicTest> tests = new ArrayList<>();
        int vectors = 0;
        int lineNo = 0;
        for (String line : Files.readAllLines(DIR.resolve("envVarTest"), StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", 3);
            assertThat(f).as("line %d", lineNo).hasSize(3);
            vectors++;
            String platform = f[0].strip();
            // W vectors hold for Windows only (case-insensitive env names); we are unix.
            if (platform.equals("W")) {
                continue;
            }
            String input = f[1].strip();
            String expected = f[2].strip();
            tests.add(DynamicTest.dynamicTest(lineNo + ": " + input, () -> {
                if (expected.equals("error")) {
                    assertThatThrownBy(() -> LEX.processWord(input, env)).isInstanceOf(ShellLex.ExpansionException.class);
                } else {
                    assertThat(LEX.processWord(input, env)).isEqualTo(expected);
                }
            }));
        }
        assertThat(vectors).isEqualTo(230);
        return tests.stream();
    }

    /**
     * TestShellParser4Words: ProcessWords, env growing with the ENV lines. Upstream's second mode
     * (RawQuotes + SkipUnsetEnv) re-uses an exhausted scanner and so asserts nothing; only the
     * default mode is a real expectation.
     */
    @TestFactory
    Stream<DynamicTest> wordsTest() throws IOException {
        Map<String, String> env = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(DIR.resolve("wordsTest"), StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("ENV ")) {
                String kv = line.substring(4).stripLeading();
                int eq = kv.indexOf('=');
                env.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
                continue;
            }
            String[] f = line.split("\\|", 2);
            String input = f[0].strip();
            String expected = f[1].stripLeading();
            Map<String, String> snapshot = Map.copyOf(env);
            tests.add(DynamicTest.dynamicTest(lineNo + ": " + input, () -> {
                if (expected.equals("error")) {
                    assertThatThrownBy(() -> LEX.processWords(input, snapshot))
                            .isInstanceOf(ShellLex.ExpansionException.class);
                } else {
                    assertThat(LEX.processWords(input, snapshot)).isEqualTo(Arrays.asList(expected.split(",", -1)));
                }
            }));
        }
        assertThat(tests).hasSize(24);
        return tests.stream();
    }

    /** TestProcessWithMatches: results, errors, and which names were found set or unset. */
    @TestFactory
    Stream<DynamicTest> processWithMatches() throws IOException {
        JsonNode cases = new ObjectMapper().readTree(DIR.resolve("process-word-cases.json").toFile()).get("cases");
        assertThat(cases).hasSize(47);
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        for (JsonNode c : cases) {
            String input = c.get("input").asText();
            Map<String, String> env = new HashMap<>();
            c.get("envs").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            tests.add(DynamicTest.dynamicTest((n++) + ": " + input, () -> {
                if (c.path("expectedErr").asBoolean(false)) {
                    assertThatThrownBy(() -> LEX.process(input, env)).isInstanceOf(ShellLex.ExpansionException.class);
                    return;
                }
                ShellLex.Result r = LEX.process(input, env);
                assertThat(r.result()).isEqualTo(c.get("expected").asText());
                assertThat(r.matched()).isEqualTo(names(c.get("matches")));
                assertThat(r.unmatched()).isEqualTo(names(c.get("unmatched")));
            }));
        }
        return tests.stream();
    }

    private static Set<String> names(JsonNode array) {
        Set<String> out = new HashSet<>();
        if (array != null && !array.isNull()) {
            array.forEach(x -> out.add(x.asText()));
        }
        return out;
    }
}
