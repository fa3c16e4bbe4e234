package dev.dockdiet.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockdiet.rule.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitlabReporterTest {

    private static List<String> fingerprints(LintReport r) throws Exception {
        JsonNode a = Schemas.MAPPER.readTree(Samples.render("gitlab", r));
        return a.findValuesAsText("fingerprint");
    }

    private static LintReport oneFile(String path, String text, List<Finding> fs) {
        return new LintReport("1.0.0", List.of(new FileReport(path, text, fs, null)), List.of(), null);
    }

    @Test
    void identicalFindingsInOneFileGetDistinctFingerprints() throws Exception {
        String t = "RUN apt-get install -y curl\nRUN apt-get install -y curl\n";
        Finding first = new Finding(Samples.DD112, "no recommends", Samples.find(t, "apt-get install", 0));
        Finding second = new Finding(Samples.DD112, "no recommends", Samples.find(t, "apt-get install", 1));
        Finding sameAsFirst = new Finding(Samples.DD112, "no recommends", Samples.find(t, "apt-get install", 0));
        List<String> fps = fingerprints(oneFile("Dockerfile", t, List.of(first, second, sameAsFirst)));
        assertThat(fps).hasSize(3).doesNotHaveDuplicates();
        assertThat(fps).allMatch(s -> s.matches("[0-9a-f]{32}"));
    }

    @Test
    void fingerprintsSurviveLinesAddedAboveButDependOnPathAndRule() throws Exception {
        String t = "FROM node:18\n";
        String moved = "# a comment\n\nFROM node:18\n";
        String before = fingerprints(oneFile("Dockerfile", t,
                List.of(new Finding(Samples.DD101, "big", Samples.find(t, "node:18"))))).get(0);
        String after = fingerprints(oneFile("Dockerfile", moved,
                List.of(new Finding(Samples.DD101, "big", Samples.find(moved, "node:18"))))).get(0);
        String otherPath = fingerprints(oneFile("other/Dockerfile", t,
                List.of(new Finding(Samples.DD101, "big", Samples.find(t, "node:18"))))).get(0);
        String otherRule = fingerprints(oneFile("Dockerfile", t,
                List.of(new Finding(Samples.DD301, "root", Samples.find(t, "node:18"))))).get(0);
        assertThat(after).isEqualTo(before);
        assertThat(otherPath).isNotEqualTo(before);
        assertThat(otherRule).isNotEqualTo(before);
    }

    @Test
    void everyIssueHasTheFieldsGitLabRequires() throws Exception {
        JsonNode a = Schemas.MAPPER.readTree(Samples.render("gitlab", Samples.sample()));
        assertThat(a.isArray()).isTrue();
        assertThat(a).hasSize(6);
        for (JsonNode i : a) {
            assertThat(i.path("description").asText()).isNotBlank();
            assertThat(i.path("check_name").asText()).matches("DD\\d{3}");
            assertThat(i.path("severity").asText()).isIn("info", "minor", "major", "critical", "blocker");
            assertThat(i.path("location").path("path").asText()).isNotBlank();
            assertThat(i.path("location").path("lines").path("begin").asInt()).isPositive();
        }
        assertThat(a.findValuesAsText("fingerprint")).doesNotHaveDuplicates();
        assertThat(a.findValuesAsText("severity")).contains("blocker", "minor", "info");
        assertThat(Samples.render("gitlab", Samples.empty())).isEqualTo("[]\n");
    }
}
