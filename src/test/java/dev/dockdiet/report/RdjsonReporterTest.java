package dev.dockdiet.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
                case "DD402" -> label = d;
                case "DD102" -> insert = d;
                default -> { }
            }
        }
        assertThat(label).isNotNull();
        JsonNode range = label.path("location").path("range");
        // 27 UTF-16 units before `version`, but é takes 2 bytes and the whale 4: 30 bytes
        assertThat(range.path("start").path("column").asInt()).isEqualTo(31);
        assertThat(range.path("end").path("column").asInt()).isEqualTo(44);
        assertThat(label.path("suggestions").get(0).path("range").path("end").path("column").asInt()).isEqualTo(38);
        assertThat(label.path("severity").asText()).isEqualTo("INFO");
        assertThat(label.path("code").path("url").asText()).endsWith("/rules/DD402-label-key-format.md");
        JsonNode s = insert.path("suggestions").get(0);
        assertThat(s.path("range").path("start")).isEqualTo(s.path("range").path("end"));
        assertThat(s.path("text").asText()).isEqualTo(" --no-install-recommends");
    }
}
