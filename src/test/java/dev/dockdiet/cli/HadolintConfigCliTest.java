package dev.dockdiet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * hadolint's configuration keys end to end, from a {@code .hadolint.yaml} and, with the same
 * text, from a {@code .dockdiet.yaml}: what the rules see, which rules run, the exit code.
 */
class HadolintConfigCliTest {

    @TempDir
    Path dir;

    private Path repo(String configName, String config, String dockerfile) throws IOException {
        Path root = dir.resolve("repo");
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(configName), config, StandardCharsets.UTF_8);
        Path f = root.resolve("Dockerfile");
        Files.writeString(f, dockerfile, StandardCharsets.UTF_8);
        return f;
    }

    private static List<String> rules(CliRunner.Run r) throws IOException {
        JsonNode n = new ObjectMapper().readTree(r.out());
        List<String> out = new ArrayList<>();
        n.at("/files/0/findings").forEach(f -> out.add(f.get("rule").asText() + "@" + f.get("line").asInt()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {".hadolint.yaml", ".dockdiet.yaml"})
    void labelSchemaAndStrictLabels(String name) throws IOException {
        Path f = repo(name, """
                label-schema:
                  org.opencontainers.image.source: url
                  org.opencontainers.image.version: semver
                strict-labels: true
                """, "FROM alpine:3.20\nLABEL org.opencontainers.image.source=not-a-url build=1\n");
        CliRunner.Run r = CliRunner.run("-f", "json", f.toString());
        assertThat(rules(r)).contains("DD420@1", "DD423@2", "DD421@2");
        // without the key, the label rules stay silent
        Files.writeString(f.resolveSibling(name), "failure-threshold: error\n");
        assertThat(rules(CliRunner.run("-f", "json", f.toString()))).noneMatch(s -> s.startsWith("DD42"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".hadolint.yaml", ".dockdiet.yaml"})
    void disableIgnorePragma(String name) throws IOException {
        String df = "FROM alpine:3.20\n# hadolint ignore=DL3020\nADD app.py /app/\n";
        Path f = repo(name, "disable-ignore-pragma: false\n", df);
        assertThat(rules(CliRunner.run("-f", "json", f.toString()))).doesNotContain("DD240@3");
        Files.writeString(f.resolveSibling(name), "disable-ignore-pragma: true\n");
        assertThat(rules(CliRunner.run("-f", "json", f.toString()))).contains("DD240@3");
    }

    @ParameterizedTest
    @ValueSource(strings = {".hadolint.yaml", ".dockdiet.yaml"})
    void noFailAndFailureThreshold(String name) throws IOException {
        Path f = repo(name, "no-fail: true\n", "FROM alpine:3.20\nADD app.py /app/\n");
        assertThat(CliRunner.run(f.toString()).code()).isZero();
        Files.writeString(f.resolveSibling(name), "failure-threshold: error\n");
        assertThat(CliRunner.run(f.toString()).code()).as("DD240 is an error").isEqualTo(1);
        Files.writeString(f.resolveSibling(name), "failure-threshold: error\noverride:\n  warning: [DL3020]\n");
        assertThat(CliRunner.run(f.toString()).code()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {".hadolint.yaml", ".dockdiet.yaml"})
    void overrideTurnsOnRulesThatAreOffByDefault(String name) throws IOException {
        String df = "FROM alpine:3.20\n# hadolint ignore=DL3020\nADD app.py /app/\n";
        Path f = repo(name, "failure-threshold: error\n", df);
        assertThat(rules(CliRunner.run("-f", "json", f.toString()))).noneMatch(s -> s.startsWith("DD244")
                || s.startsWith("DD006"));
        Files.writeString(f.resolveSibling(name), "override:\n  info: [DL3057]\n  style: [DL1001]\n");
        CliRunner.Run r = CliRunner.run("-f", "json", f.toString());
        assertThat(rules(r)).contains("DD244@1", "DD006@2");
        assertThat(new ObjectMapper().readTree(r.out()).at("/files/0/findings").toString()).contains("\"severity\":\"info\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {".hadolint.yaml", ".dockdiet.yaml"})
    void ignoredAndTrustedRegistries(String name) throws IOException {
        Path f = repo(name, "ignored: [DL3020]\ntrustedRegistries: [gcr.io]\n", "FROM alpine:3.20\nADD app.py /app/\n");
        List<String> found = rules(CliRunner.run("-f", "json", f.toString()));
        assertThat(found).doesNotContain("DD240@2").contains("DD303@1");
    }

    @ParameterizedTest
    @ValueSource(strings = {".hadolint.yaml", ".dockdiet.yaml"})
    void badKeysNameFileLineAndColumn(String name) throws IOException {
        Path f = repo(name, "label-schema:\n  version: semvar\n", "FROM alpine:3.20\n");
        CliRunner.Run r = CliRunner.run(f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(name + ":2:12").contains("semvar");
    }
}
