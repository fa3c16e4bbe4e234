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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, "what a real build showed": an {@code images:} entry in .dockdiet.yaml for a build image
 * (golang, maven, node) must not make DD102 and its rewrite disappear, and the keys the knowledge-base
 * page documents ({@code tag}, {@code runtime}, {@code toolchain}, {@code bytes} optional) are accepted.
 */
class PrivateBuildImagesTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private JsonNode lint(String config, String dockerfile) throws IOException {
        write("repo/.dockdiet.yaml", config);
        Files.createDirectories(dir.resolve("repo/.git"));
        Path f = write("repo/Dockerfile", dockerfile);
        CliRunner.Run run = CliRunner.run("-f", "json", f.toString());
        assertThat(run.err()).doesNotContain("error");
        return new ObjectMapper().readTree(run.out()).at("/files/0");
    }

    private static List<JsonNode> findings(JsonNode file, String rule) {
        List<JsonNode> out = new ArrayList<>();
        file.path("findings").forEach(f -> {
            if (f.path("rule").asText().equals(rule)) {
                out.add(f);
            }
        });
        return out;
    }

    @Test
    void anEntryForAnOfficialBuildImageKeepsDd102AndItsRewrite() throws IOException {
        String go = "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n";
        JsonNode without = lint("ignore: [DD201]\n", go);
        assertThat(findings(without, "DD102")).hasSize(1);
        JsonNode with = lint("""
                images:
                  - name: golang
                    tag: "1.22*"
                    bytes: 300MB
                    kind: compressed
                    source: "measured: crane manifest golang:1.22"
                    asOf: 2026-11-01
                """, go);
        List<JsonNode> dd102 = findings(with, "DD102");
        assertThat(dd102).as("DD102 with an images: entry for golang").hasSize(1);
        assertThat(dd102.get(0).toString()).as("the rewrite is still offered").contains("multi-stage");
        assertThat(with.at("/size/baseBytes").asLong()).isEqualTo(300_000_000L);
    }

    @Test
    void mavenAndNodeEntriesWithoutBytesKeepTheAdvice() throws IOException {
        String config = """
                images:
                  - name: maven
                    tag: "3.8-openjdk-17"
                    source: internal mirror
                  - name: node
                    tag: "18"
                """;
        JsonNode maven = lint(config, "FROM maven:3.8-openjdk-17\nWORKDIR /src\nCOPY . .\nRUN mvn -B package\n"
                + "CMD [\"java\", \"-jar\", \"target/app.jar\"]\n");
        assertThat(findings(maven, "DD102")).hasSize(1);
        JsonNode node = lint(config, "FROM node:18\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n"
                + "CMD [\"node\", \"dist/index.js\"]\n");
        assertThat(findings(node, "DD102")).hasSize(1);
    }

    @Test
    void aPrivateBuildImageSaysWhatItIs() throws IOException {
        JsonNode r = lint("""
                images:
                  - name: registry.corp.example.com/build/jdk
                    tag: "21*"
                    runtime: jvm
                    toolchain: true
                    alternatives: [registry.corp.example.com/run/jre:21]
                  - name: registry.corp.example.com/run/jre
                    bytes: 90MB
                    kind: compressed
                    source: "measured: crane manifest"
                    asOf: 2026-11-01
                    runtime: jvm
                """, "FROM registry.corp.example.com/build/jdk:21\nCOPY app.jar /app.jar\n"
                + "CMD [\"java\", \"-jar\", \"/app.jar\"]\n");
        List<JsonNode> dd102 = findings(r, "DD102");
        assertThat(dd102).as("a private image declared toolchain: true is a build image").hasSize(1);
        assertThat(dd102.get(0).path("message").asText()).contains("registry.corp.example.com/run/jre:21");
    }
}
