package dev.dockdiet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    @TempDir
    Path dir;

    private static final String ORIGINAL = """
            FROM node:20
            RUN apt-get install -y curl
            RUN apt-get install -y curl
            CMD node server.js
            """;

    /** A toy linter: DD101 on every FROM line, DD204 on every apt-get install, DD214 on CMD. */
    private static List<Finding> lint(String text) {
        MiniDockerfile d = new MiniDockerfile(text);
        List<Finding> out = new ArrayList<>();
        for (var r : d.instructions) {
            String s = text.substring(r.start(), r.end());
            RuleMeta rule = s.startsWith("FROM") ? TestRules.OVERSIZED_BASE
                    : s.contains("apt-get install") ? TestRules.APT_PIN : s.startsWith("CMD") ? TestRules.JSON_ARGS : null;
            if (rule != null) {
                out.add(new Finding(rule, rule.name() + " at line " + r.startLine(), r));
            }
        }
        return out;
    }

    private Baseline roundTrip(String path, String text) throws IOException {
        Path file = dir.resolve("dockdiet-baseline.json");
        Baseline.builder().add(path, text, lint(text)).build().write(file);
        return Baseline.load(file);
    }

    @Test
    void knownFindingsAreFilteredOut() throws IOException {
        Baseline b = roundTrip("Dockerfile", ORIGINAL);
        assertThat(b.entries()).hasSize(4);
        assertThat(b.newFindings("Dockerfile", ORIGINAL, lint(ORIGINAL))).isEmpty();
        // another path is another file
        assertThat(b.newFindings("other/Dockerfile", ORIGINAL, lint(ORIGINAL))).hasSize(4);
    }

    @Test
    void fingerprintsSurviveLinesInsertedAboveAndReindenting() throws IOException {
        Baseline b = roundTrip("Dockerfile", ORIGINAL);
        String edited = "# syntax=docker/dockerfile:1\n\n" + ORIGINAL.replace("CMD node", "ENV A=1\n  CMD   node");
        List<Finding> findings = lint(edited);
        assertThat(findings).extracting(f -> f.range().startLine()).containsExactly(3, 4, 5, 7);
        assertThat(b.newFindings("Dockerfile", edited, findings)).isEmpty();
    }

    @Test
    void changedLinesAndExtraCopiesAreNew() throws IOException {
        Baseline b = roundTrip("Dockerfile", ORIGINAL);
        String edited = ORIGINAL.replace("FROM node:20", "FROM node:22")
                + "RUN apt-get install -y curl\n";
        List<Finding> fresh = b.newFindings("Dockerfile", edited, lint(edited));
        assertThat(fresh).extracting(f -> f.rule().id() + "@" + f.range().startLine())
                .containsExactly("DD101@1", "DD204@5");
    }

    @Test
    void messagesDoNotMatter() throws IOException {
        Baseline b = roundTrip("Dockerfile", ORIGINAL);
        List<Finding> reworded = lint(ORIGINAL).stream()
                .map(f -> new Finding(f.rule(), f.severity(), "new wording", f.range(), null, null)).toList();
        assertThat(b.newFindings("Dockerfile", ORIGINAL, reworded)).isEmpty();
    }

    @Test
    void jsonIsSortedStableAndVersioned() {
        String a = Baseline.builder().add("b/Dockerfile", ORIGINAL, lint(ORIGINAL))
                .add("a/Dockerfile", "FROM node:20\n", lint("FROM node:20\n")).build().toJson();
        String again = Baseline.builder().add("a/Dockerfile", "FROM node:20\n", lint("FROM node:20\n"))
                .add("b/Dockerfile", ORIGINAL, lint(ORIGINAL)).build().toJson();
        assertThat(a).isEqualTo(again);
        assertThat(a).startsWith("{\n  \"version\": 1,\n  \"tool\": \"dockdiet\",\n  \"findings\": [\n"
                + "    {\"path\": \"a/Dockerfile\", \"rule\": \"DD101\", \"fingerprint\": \"");
        assertThat(a).endsWith("\"}\n  ]\n}\n");
        List<Baseline.Entry> parsed = Baseline.parse("x", a).entries();
        assertThat(parsed).extracting(e -> e.path() + " " + e.rule()).containsExactly("a/Dockerfile DD101",
                "b/Dockerfile DD101", "b/Dockerfile DD204", "b/Dockerfile DD204", "b/Dockerfile DD214");
        assertThat(parsed.get(0).fingerprint()).matches("[0-9a-f]{64}");
        assertThat(parsed.get(0).line()).isEqualTo(1);
        assertThat(parsed.get(0).message()).isEqualTo("oversized-base at line 1");
        assertThat(Baseline.builder().build().toJson())
                .isEqualTo("{\n  \"version\": 1,\n  \"tool\": \"dockdiet\",\n  \"findings\": []\n}\n");
    }

    @Test
    void rewritingAnUnchangedBaselineDoesNotTouchTheFile() throws IOException {
        Path file = dir.resolve("b.json");
        Baseline b = Baseline.builder().add("Dockerfile", ORIGINAL, lint(ORIGINAL)).build();
        assertThat(b.write(file)).isTrue();
        assertThat(b.write(file)).isFalse();
    }

    @Test
    void aLegacyKeyAlsoMatchesButOnlyForItsOwnFile() {
        Baseline old = Baseline.builder().add("Dockerfile", ORIGINAL, lint(ORIGINAL)).build();
        assertThat(old.newFindings("debian/Dockerfile", ORIGINAL, lint(ORIGINAL))).isNotEmpty();
        assertThat(old.withLegacyKey("Dockerfile").newFindings("debian/Dockerfile", ORIGINAL, lint(ORIGINAL))).isEmpty();
        assertThat(old.withLegacyKey("other/Dockerfile").newFindings("debian/Dockerfile", ORIGINAL, lint(ORIGINAL)))
                .isNotEmpty();
    }

    @Test
    void badBaselinesAreClearErrors() throws IOException {
        assertThatThrownBy(() -> Baseline.parse("b.json", "{\n  \"version\": 1,\n  \"findings\": [\n    {\"path\": }\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("b.json:4:14: not a dockdiet baseline (invalid JSON: ");
        assertThatThrownBy(() -> Baseline.parse("b.json", "[]"))
                .hasMessage("b.json: not a dockdiet baseline (expected a JSON object with version and findings)");
        assertThatThrownBy(() -> Baseline.parse("b.json", "{\"findings\": []}"))
                .hasMessage("b.json: not a dockdiet baseline (no \"version\")");
        assertThatThrownBy(() -> Baseline.parse("b.json", "{\"version\": 7, \"findings\": []}"))
                .hasMessage("b.json: baseline version 7 is not supported (this dockdiet reads version 1); "
                        + "write it again with --write-baseline");
        assertThatThrownBy(() -> Baseline.parse("b.json", "{\"version\": 1}"))
                .hasMessage("b.json: not a dockdiet baseline (no \"findings\" list)");
        assertThatThrownBy(() -> Baseline.parse("b.json", "{\"version\": 1, \"findings\": [{\"path\": \"x\"}]}"))
                .hasMessage("b.json: entry 1 of \"findings\" lacks \"path\", \"rule\" or \"fingerprint\"");
        assertThatThrownBy(() -> Baseline.parse("b.json", ""))
                .hasMessageStartingWith("b.json: not a dockdiet baseline");
        Path missing = dir.resolve("none.json");
        assertThatThrownBy(() -> Baseline.load(missing)).hasMessage(missing + ": baseline file not found");
        Path binary = dir.resolve("bin.json");
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> Baseline.load(binary)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(binary + ": cannot read baseline file");
    }
}
