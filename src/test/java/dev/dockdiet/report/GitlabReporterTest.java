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
        assertThat(a).hasSize(7); // 6 findings, and broken/Dockerfile could not be read
        for (JsonNode i : a) {
            assertThat(i.path("description").asText()).isNotBlank();
            assertThat(i.path("check_name").asText()).matches("DD\\d{3}|dockdiet\\.unreadable");
            assertThat(i.path("severity").asText()).isIn("info", "minor", "major", "critical", "blocker");
            assertThat(i.path("location").path("path").asText()).isNotBlank();
            assertThat(i.path("location").path("lines").path("begin").asInt()).isPositive();
        }
        assertThat(a.findValuesAsText("fingerprint")).doesNotHaveDuplicates();
        assertThat(a.findValuesAsText("severity")).contains("blocker", "minor", "info");
        assertThat(Samples.render("gitlab", Samples.empty())).isEqualTo("[]\n");
    }

    private static LintReport unreadableAndClean() {
        return new LintReport("1.0.0", List.of(FileReport.unreadable("svc/Dockerfile", "no such file or directory"),
                new FileReport("ok/Dockerfile", "FROM alpine:3.20\n", List.of(), null)), List.of(), null);
    }

    @Test
    void anUnreadableFileIsABlockerIssueWithAStableFingerprint() throws Exception {
        JsonNode a = Schemas.MAPPER.readTree(Samples.render("gitlab", unreadableAndClean()));
        assertThat(a.size()).isEqualTo(1);
        JsonNode issue = a.get(0);
        assertThat(issue.get("check_name").asText()).isEqualTo("dockdiet.unreadable");
        assertThat(issue.get("severity").asText()).isEqualTo("blocker");
        assertThat(issue.get("description").asText()).isEqualTo("svc/Dockerfile could not be read: no such file or directory");
        assertThat(issue.at("/location/path").asText()).isEqualTo("svc/Dockerfile");
        assertThat(issue.at("/location/lines/begin").asInt()).isEqualTo(1);
        // the reason may change between runs (missing, then binary): the fingerprint stays
        LintReport binary = new LintReport("1.0.0", List.of(FileReport.unreadable("svc/Dockerfile", "not a text file")),
                List.of(), null);
        assertThat(fingerprints(binary)).containsExactly(issue.get("fingerprint").asText());
        LintReport other = new LintReport("1.0.0", List.of(FileReport.unreadable("api/Dockerfile", "not a text file")),
                List.of(), null);
        assertThat(fingerprints(other)).doesNotContain(issue.get("fingerprint").asText());
    }
}
