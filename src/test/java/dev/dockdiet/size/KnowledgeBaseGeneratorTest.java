package dev.dockdiet.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed knowledge base is exactly what the generator makes of the shared research file. */
class KnowledgeBaseGeneratorTest {

    @Test
    void committedFileIsWhatTheGeneratorProduces() throws IOException {
        Path source = KnowledgeBaseGenerator.findSharedSource();
        String generated = KnowledgeBaseGenerator.generate(source, KnowledgeBaseGenerator.CURATION);
        if (Boolean.getBoolean("dockdiet.regenerate")) {
            Files.writeString(KnowledgeBaseGenerator.OUTPUT, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.readString(KnowledgeBaseGenerator.OUTPUT, StandardCharsets.UTF_8);
        assertThat(committed)
                .as("rules/base-images.json is stale: rerun with -Ddockdiet.regenerate=true and review the diff")
                .isEqualTo(generated);
    }

    @Test
    void aFigureWhoseQuoteIsNotInTheSourceIsRejected(@TempDir Path tmp) throws IOException {
        Path source = tmp.resolve("source.json");
        Files.writeString(source, """
                {"collected": "2026-09", "images": [
                  {"repository": "node", "example_tag": "22", "platform": "linux/amd64", "compressed_mb": 10.5,
                   "as_of": "2026-01-02", "source": "somewhere", "confidence": "high", "notes": "node 22 is 12.5 MB"}
                ]}""");
        Path curation = tmp.resolve("curation.json");
        String good = curation("{\"index\": 0, \"quote\": \"is 12.5 MB\", \"unit\": \"MB\", \"kind\": \"uncompressed\"}", "2026-01-02");
        Files.writeString(curation, good);
        assertThat(KnowledgeBaseGenerator.generate(source, curation)).contains("\"bytes\" : 12500000");

        Files.writeString(curation, curation("{\"index\": 0, \"quote\": \"is 13.5 MB\", \"unit\": \"MB\", \"kind\": \"uncompressed\"}", "2026-01-02"));
        assertThatThrownBy(() -> KnowledgeBaseGenerator.generate(source, curation))
                .hasMessageContaining("quote not found");

        Files.writeString(curation, curation("{\"index\": 0, \"field\": \"compressed_mb\"}", "2025-01-02"));
        assertThatThrownBy(() -> KnowledgeBaseGenerator.generate(source, curation))
                .hasMessageContaining("year 2025");

        Files.writeString(curation, curation("{\"index\": 3, \"field\": \"compressed_mb\"}", "2026-01-02"));
        assertThatThrownBy(() -> KnowledgeBaseGenerator.generate(source, curation))
                .hasMessageContaining("no source entry #3");
    }

    private static String curation(String from, String asOf) {
        return """
                {"schemaVersion": 1, "traps": {}, "families": [
                  {"family": "node", "images": [{"registries": ["docker.io"], "repository": "library/node"}],
                   "runtime": "node", "toolchain": false,
                   "variants": [{"variant": "full", "tokens": [], "alternatives": [],
                     "figures": [{"image": "node:22", "versionLines": ["22"], "from": %s,
                                  "asOf": "%s", "asOfEvidence": "2026-01-02", "url": "https://example.org/x"}]}]}
                ]}""".formatted(from, asOf);
    }
}
