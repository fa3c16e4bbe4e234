package dev.dockdiet.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

    private static List<String> keys(JsonNode n) {
        return StreamSupport.stream(((Iterable<String>) n::fieldNames).spliterator(), false).toList();
    }

    @Test
    void everyKeyIsPresentInTheContractOrder() throws Exception {
        JsonNode root = Schemas.MAPPER.readTree(Samples.render("json", Samples.sample()));
        assertThat(keys(root)).containsExactly("tool", "files", "summary");
        JsonNode fileA = root.path("files").get(0);
        assertThat(keys(fileA)).containsExactly("path", "readable", "findings", "size");
        for (JsonNode f : fileA.path("findings")) {
            assertThat(keys(f)).containsExactly("rule", "name", "aliases", "severity", "message", "line", "column",
                    "endLine", "endColumn", "fix", "savings");
            assertThat(f.path("aliases").isArray()).isTrue();
        }
        assertThat(keys(fileA.path("size"))).containsExactly("finalBase", "baseBytes", "baseBytesMax", "kind", "basis",
                "source", "asOf", "platformNote", "suggestions", "afterImage", "estimatedAfter", "estimatedAfterMax",
                "layerSavings", "layerSavingsMax");
        assertThat(keys(fileA.path("size").path("suggestions").get(0))).containsExactly("rule", "description",
                "savedBytes", "savedBytesMax", "kind", "sharedWith", "count");
        assertThat(keys(root.path("summary"))).containsExactly("files", "unreadable", "findings", "bySeverity", "fixable",
                "refused");
        assertThat(keys(root.path("summary").path("bySeverity"))).containsExactly("error", "warning", "info", "style");
    }

    @Test
    void nullsAreWrittenAndEmptyListsAreArrays() throws Exception {
        JsonNode root = Schemas.MAPPER.readTree(Samples.render("json", Samples.sample()));
        JsonNode fileB = root.path("files").get(1);
        assertThat(fileB.path("findings").isArray()).isTrue();
        assertThat(fileB.path("findings")).isEmpty();
        assertThat(fileB.path("size").get("baseBytes").isNull()).isTrue();
        assertThat(fileB.path("size").path("suggestions").isArray()).isTrue();
        JsonNode fileC = root.path("files").get(2);
        assertThat(fileC.get("size").isNull()).isTrue();
        JsonNode unreadable = fileC.path("findings").get(0);
        assertThat(unreadable.get("fix").isNull()).isTrue();
        assertThat(unreadable.get("savings").isNull()).isTrue();
        JsonNode summary = root.path("summary");
        assertThat(summary.path("files").asInt()).isEqualTo(3);
        assertThat(summary.path("unreadable").asInt()).isEqualTo(1);
        assertThat(fileC.path("readable").asBoolean()).isFalse();
        assertThat(summary.path("findings").asInt()).isEqualTo(6);
        assertThat(summary.path("fixable").asInt()).isEqualTo(3);
        assertThat(summary.path("bySeverity").path("warning").asInt()).isEqualTo(3);
    }

    @Test
    void aRefusedFixSaysWhyAndIsNotCountedAsFixable() throws Exception {
        JsonNode root = Schemas.MAPPER.readTree(Samples.render("json", Samples.sampleWithARefusal()));
        assertThat(root.path("summary").path("fixable").asInt()).isEqualTo(2);
        assertThat(root.path("summary").path("refused").asInt()).isEqualTo(1);
        JsonNode fixes = root.path("files").get(0).path("findings");
        assertThat(fixes.findValues("refused")).extracting(JsonNode::asText)
                .contains("it adds DD999 x at line 1: y", "null");
        JsonNode plain = Schemas.MAPPER.readTree(Samples.render("json", Samples.sample()));
        assertThat(plain.path("summary").path("refused").asInt()).isZero();
    }

    @Test
    void emptyReportIsStillComplete() throws Exception {
        JsonNode root = Schemas.MAPPER.readTree(Samples.render("json", Samples.empty()));
        assertThat(root.path("files").isArray()).isTrue();
        assertThat(root.path("files")).isEmpty();
        assertThat(root.path("summary").path("bySeverity").path("style").asInt()).isZero();
    }
}
