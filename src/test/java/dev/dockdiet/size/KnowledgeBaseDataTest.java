package dev.dockdiet.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockdiet.rule.Savings.SizeKind;
import dev.dockdiet.syntax.ImageRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded data file: present on the classpath, every figure sourced, dated and traceable. */
class KnowledgeBaseDataTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode embedded() throws IOException {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(KnowledgeBase.RESOURCE)) {
            assertThat(in).as("classpath resource " + KnowledgeBase.RESOURCE).isNotNull();
            return MAPPER.readTree(in);
        }
    }

    private static List<JsonNode> figures(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        root.get("families").forEach(f -> f.get("variants").forEach(v -> v.get("figures").forEach(out::add)));
        return out;
    }

    @Test
    void theEmbeddedFileLoadsFromTheClasspath() {
        KnowledgeBase kb = KnowledgeBase.get();
        assertThat(kb).isSameAs(KnowledgeBase.get());
        assertThat(kb.families()).contains("node", "python", "golang", "rust", "eclipse-temurin", "openjdk",
                "amazoncorretto", "maven", "gradle", "dotnet/sdk", "dotnet/aspnet", "dotnet/runtime", "dotnet/runtime-deps",
                "debian", "ubuntu", "alpine", "buildpack-deps", "gcc", "scratch", "nginx", "ruby", "php",
                "distroless/static", "distroless/base", "distroless/cc", "distroless/java", "distroless/nodejs",
                "distroless/python3");
        assertThat(kb.variants("node")).containsExactly("full", "slim", "alpine");
        assertThat(kb.variants("nope")).isEmpty();
    }

    @Test
    void everyFigureHasKindBytesPlatformDateAndSource() throws IOException {
        List<JsonNode> figures = figures(embedded());
        assertThat(figures).hasSizeGreaterThan(40);
        for (JsonNode f : figures) {
            String at = f.get("image").asText();
            assertThat(f.get("kind").asText()).as(at).isIn("compressed", "uncompressed");
            assertThat(f.get("bytes").canConvertToLong()).as(at).isTrue();
            assertThat(f.get("bytes").asLong()).as(at).isNotNegative();
            assertThat(f.get("platform").asText()).as(at).isEqualTo("linux/amd64");
            assertThat(f.get("asOf").asText()).as(at)
                    .matches("\\d{4}(-\\d{2}(-\\d{2})?)?(/\\d{4}(-\\d{2}(-\\d{2})?)?)?");
            assertThat(f.get("asOfEvidence").asText()).as(at).isNotBlank();
            assertThat(f.get("source").asText()).as(at).startsWith("https://");
            assertThat(f.get("sourceNote").asText()).as(at).isNotBlank();
            assertThat(f.get("confidence").asText()).as(at).isIn("high", "medium", "low");
            assertThat(f.get("exactVersions").size() + f.get("versionLines").size()).as(at + " covers a version").isPositive();
        }
    }

    @Test
    void everyFigureIsFoundAgainWhenItsOwnImageIsMatched() throws IOException {
        KnowledgeBase kb = KnowledgeBase.get();
        for (JsonNode f : figures(embedded())) {
            String image = f.get("image").asText();
            SizeKind kind = f.get("kind").asText().equals("compressed") ? SizeKind.COMPRESSED : SizeKind.UNCOMPRESSED;
            ImageMatch m = kb.match(ImageRef.parse(image)).orElseThrow(() -> new AssertionError(image));
            SizeFigure got = m.figure(kind).orElseThrow(() -> new AssertionError(image + " " + kind));
            assertThat(got.bytes()).as(image).isEqualTo(f.get("bytes").asLong());
            assertThat(got.fit()).as(image).isEqualTo(SizeFigure.Fit.EXACT);
        }
    }

    @Test
    void everyFigureTracesToTheSharedResearchFile() throws IOException {
        Path sharedPath = KnowledgeBaseGenerator.findSharedSource();
        JsonNode shared = MAPPER.readTree(sharedPath.toFile()).get("images");
        for (JsonNode f : figures(embedded())) {
            JsonNode origin = f.get("origin");
            JsonNode entry = shared.get(origin.get("entry").asInt());
            String at = f.get("image").asText();
            assertThat(entry.get("repository").asText()).as(at).isEqualTo(origin.get("repository").asText());
            assertThat(entry.get("platform").asText()).as(at).isEqualTo(f.get("platform").asText());
            assertThat(entry.get("source").asText()).as(at).isEqualTo(f.get("sourceNote").asText());
            if (origin.has("field")) {
                BigDecimal mb = entry.get(origin.get("field").asText()).decimalValue();
                assertThat(mb.movePointRight(6).longValueExact()).as(at).isEqualTo(f.get("bytes").asLong());
                assertThat(origin.get("field").asText()).as(at).startsWith(f.get("kind").asText());
            } else {
                assertThat(KnowledgeBaseGenerator.allText(entry)).as(at).contains(origin.get("quote").asText());
            }
            assertThat(KnowledgeBaseGenerator.allText(entry) + "\n" + MAPPER.readTree(sharedPath.toFile()).get("collected").asText())
                    .as(at).contains(f.get("asOfEvidence").asText());
        }
    }

    @Test
    void everyTrapReferencedExists() throws IOException {
        JsonNode root = embedded();
        JsonNode traps = root.get("traps");
        for (JsonNode family : root.get("families")) {
            for (JsonNode v : family.get("variants")) {
                v.path("traps").forEach(t -> assertThat(traps.has(t.asText())).as(t.asText()).isTrue());
                v.path("alternatives").forEach(a -> a.path("traps")
                        .forEach(t -> assertThat(traps.has(t.asText())).as(t.asText()).isTrue()));
            }
        }
    }

    @Test
    void aBrokenFileIsReportedWithItsName() {
        assertThatThrownBy(() -> KnowledgeBase.load(stream("{\"traps\": {}, \"families\": ["), "broken.json"))
                .isInstanceOf(IOException.class);
        String figureOfAnotherFamily = """
                {"traps": {}, "families": [{"family": "node", "runtime": "node",
                  "images": [{"registries": ["docker.io"], "repository": "library/node"}],
                  "variants": [{"variant": "full", "tokens": [], "figures": [{"image": "python:3", "exactVersions": ["3"],
                    "kind": "compressed", "bytes": 1, "platform": "linux/amd64", "asOf": "2026-01", "source": "https://x",
                    "sourceNote": "x", "confidence": "high"}]}]}]}""";
        assertThatThrownBy(() -> KnowledgeBase.load(stream(figureOfAnotherFamily), "bad.json"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("python:3");
        String undated = figureOfAnotherFamily.replace("python:3", "node:3").replace("2026-01", "recently");
        assertThatThrownBy(() -> KnowledgeBase.load(stream(undated), "undated.json"))
                .hasMessageContaining("asOf is not ISO-8601");
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
