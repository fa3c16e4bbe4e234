package dev.dockdiet.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdjsonReporterTest {

    @Test
    void validatesAgainstTheStrictReviewdogSchema() {
        assertThat(Schemas.errors(Schemas.rdjson(), Samples.render("rdjson", Samples.sample()))).isEmpty();
        assertThat(Schemas.errors(Schemas.rdjson(), Samples.render("rdjson", Samples.empty()))).isEmpty();
    }

    @Test
    void theSchemaRejectsAWrongSeverityAndAMisspeltKey() {
        String ok = Samples.render("rdjson", Samples.sample());
        assertThat(Schemas.errors(Schemas.rdjson(), ok.replaceFirst("\"WARNING\"", "\"warning\""))).isNotEmpty();
        assertThat(Schemas.errors(Schemas.rdjson(), ok.replaceFirst("\"suggestions\"", "\"suggestion\""))).isNotEmpty();
    }

    @Test
    void columnsAreUtf8BytesAndFixesAreSuggestions() throws Exception {
        JsonNode diags = Schemas.MAPPER.readTree(Samples.render("rdjson", Samples.sample())).path("diagnostics");
        JsonNode label = null;
        JsonNode insert = null;
        for (JsonNode d : diags) {
            switch (d.path("code").path("value").asText()) {
                case "DD409" -> label = d;
                case "DD112" -> insert = d;
                default -> { }
            }
        }
        assertThat(label).isNotNull();
        JsonNode range = label.path("location").path("range");
        // 27 UTF-16 units before `Version`, but é takes 2 bytes and the whale 4: 30 bytes
        assertThat(range.path("start").path("column").asInt()).isEqualTo(31);
        assertThat(range.path("end").path("column").asInt()).isEqualTo(44);
        assertThat(label.path("severity").asText()).isEqualTo("INFO");
        assertThat(label.path("code").path("url").asText()).endsWith("/rules/DD409-invalid-label-key.md");
        // no fix, no suggestion
        assertThat(label.path("suggestions").isMissingNode() || label.path("suggestions").isEmpty()).isTrue();
        // suggestions are whole lines, as reviewdog's GitHub reporter posts them
        JsonNode i = insert.path("suggestions").get(0);
        assertThat(i.path("range").toString()).isEqualTo("{\"start\":{\"line\":5},\"end\":{\"line\":5}}");
        assertThat(i.path("text").asText()).isEqualTo("    apt-get install --no-install-recommends -y curl");
    }

    @Test
    void aFixWithSeveralEditsOverSeveralLinesIsOneSuggestion() throws Exception {
        String t = "FROM a\nRUN x \\\n  && y\nCMD z\n";
        var f = new Finding(Samples.DD111, "x and y", Samples.find(t, "x"))
                .withFix(Fix.safe("two edits",
                        new Edit(Samples.find(t, "y"), "yy"),
                        new Edit(Samples.find(t, "x"), "xx")));
        LintReport r = new LintReport("1", List.of(new FileReport("Dockerfile", t, List.of(f), null)),
                List.of(), null);
        JsonNode d = Schemas.MAPPER.readTree(Samples.render("rdjson", r)).path("diagnostics").get(0);
        assertThat(d.path("suggestions")).hasSize(1);
        JsonNode s = d.path("suggestions").get(0);
        assertThat(s.path("range").toString()).isEqualTo("{\"start\":{\"line\":2},\"end\":{\"line\":3}}");
        assertThat(s.path("text").asText()).isEqualTo("RUN xx \\\n  && yy");
    }

    private static LintReport unreadableAndClean() {
        return new LintReport("1.0.0", List.of(FileReport.unreadable("svc/Dockerfile", "no such file or directory"),
                new FileReport("ok/Dockerfile", "FROM alpine:3.20\n", List.of(), null)), List.of(), null);
    }

    @Test
    void anUnreadableFileIsAnErrorDiagnosticOnLineOne() throws Exception {
        String out = Samples.render("rdjson", unreadableAndClean());
        assertThat(Schemas.errors(Schemas.rdjson(), out)).isEmpty();
        JsonNode diags = Schemas.MAPPER.readTree(out).path("diagnostics");
        assertThat(diags.size()).isEqualTo(1);
        JsonNode d = diags.get(0);
        assertThat(d.get("severity").asText()).isEqualTo("ERROR");
        assertThat(d.at("/code/value").asText()).isEqualTo("unreadable");
        assertThat(d.at("/location/path").asText()).isEqualTo("svc/Dockerfile");
        assertThat(d.at("/location/range/start/line").asInt()).isEqualTo(1);
        assertThat(d.at("/location/range/start/column").isMissingNode()).isTrue();
        assertThat(d.at("/location/range/end").isMissingNode()).isTrue();
        assertThat(d.get("message").asText()).isEqualTo("svc/Dockerfile could not be read: no such file or directory");
    }
}
