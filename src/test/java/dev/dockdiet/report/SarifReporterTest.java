package dev.dockdiet.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockdiet.rule.Finding;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReporterTest {

    private static JsonNode run(String sarif) throws Exception {
        return Schemas.MAPPER.readTree(sarif).path("runs").get(0);
    }

    @Test
    void sampleAndEmptyReportsValidateAgainstTheOasisSchema() {
        assertThat(Schemas.errors(Schemas.sarif(), Samples.render("sarif", Samples.sample()))).isEmpty();
        assertThat(Schemas.errors(Schemas.sarif(), Samples.render("sarif", Samples.empty()))).isEmpty();
    }

    @Test
    void theValidatorCatchesABrokenLog() {
        String broken = Samples.render("sarif", Samples.sample())
                .replaceFirst("\"level\": \"warning\",\n          \"message\"", "\"level\": \"info\",\n          \"message\"");
        assertThat(Schemas.errors(Schemas.sarif(), broken))
                .anySatisfy(e -> assertThat(e).contains("/runs/0/results/0/level"));
    }

    @Test
    void resultsReferenceTheirRuleAndAlwaysCarryALevel() throws Exception {
        JsonNode run = run(Samples.render("sarif", Samples.sample()));
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules).hasSize(Samples.RULES.size());
        for (JsonNode r : run.path("results")) {
            int i = r.path("ruleIndex").asInt();
            assertThat(rules.get(i).path("id").asText()).isEqualTo(r.path("ruleId").asText());
            assertThat(r.path("rule").path("index").asInt()).isEqualTo(i);
            assertThat(r.path("rule").path("id").asText()).isEqualTo(r.path("ruleId").asText());
            assertThat(r.path("level").asText()).isIn("error", "warning", "note");
            assertThat(r.path("locations").get(0).path("physicalLocation").path("region").path("startLine").isInt()).isTrue();
        }
        // style and info map to note, never dropped as a default
        assertThat(run.path("results").findValuesAsText("level")).contains("note", "warning", "error");
    }

    @Test
    void columnsAreUtf16UnitsAndFingerprintsMatchGitHub() throws Exception {
        JsonNode run = run(Samples.render("sarif", Samples.sample()));
        assertThat(run.path("columnKind").asText()).isEqualTo("utf16CodeUnits");
        JsonNode label = null;
        JsonNode insert = null;
        for (JsonNode r : run.path("results")) {
            if (r.path("ruleId").asText().equals("DD409")) {
                label = r;
            }
            if (r.path("ruleId").asText().equals("DD112")) {
                insert = r;
            }
        }
        assertThat(label).isNotNull();
        JsonNode region = label.path("locations").get(0).path("physicalLocation").path("region");
        // "LABEL maintainer=\"José 🐳\" " is 27 UTF-16 units (é is one, the whale two)
        assertThat(region.path("startColumn").asInt()).isEqualTo(28);
        assertThat(region.path("endColumn").asInt()).isEqualTo(41);
        String[] hashes = LineHash.hashLines(Samples.SOURCE_A);
        assertThat(label.path("partialFingerprints").path("primaryLocationLineHash").asText()).isEqualTo(hashes[2]);
        assertThat(label.path("fixes").isMissingNode() || label.path("fixes").isEmpty()).isTrue();
        // an insertion: an empty deleted region after "    apt-get install" (20 units)
        JsonNode edit = insert.path("fixes").get(0).path("artifactChanges").get(0).path("replacements").get(0);
        assertThat(edit.path("deletedRegion").path("startLine").asInt()).isEqualTo(5);
        assertThat(edit.path("deletedRegion").path("startColumn").asInt()).isEqualTo(20);
        assertThat(edit.path("deletedRegion").path("endColumn").asInt()).isEqualTo(20);
        assertThat(edit.path("insertedContent").path("text").asText()).isEqualTo(" --no-install-recommends");
    }

    @Test
    void aBomIsHashedAsGitHubReadsIt() throws Exception {
        FileReport a = Samples.fileA();
        FileReport withBom = new FileReport(a.path(), a.source(), a.findings(), a.size(), true);
        LintReport report = new LintReport("0.1.0", List.of(withBom), Samples.RULES, id -> null);
        JsonNode first = run(Samples.render("sarif", report)).path("results").get(0);
        assertThat(first.path("partialFingerprints").path("primaryLocationLineHash").asText())
                .isEqualTo(LineHash.hashLines("\uFEFF" + Samples.SOURCE_A)[1]);
    }

    @Test
    void unreadableFilesGetNoFingerprintButStillARegion() throws Exception {
        JsonNode run = run(Samples.render("sarif", Samples.sample()));
        JsonNode unreadable = null;
        for (JsonNode r : run.path("results")) {
            if (r.path("ruleId").asText().equals("DD001")) {
                unreadable = r;
            }
        }
        assertThat(unreadable).isNotNull();
        assertThat(unreadable.has("partialFingerprints")).isFalse();
        assertThat(unreadable.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt()).isEqualTo(1);
    }

    @Test
    void securityRulesGetASecuritySeverityAndOthersAProblemSeverity() throws Exception {
        JsonNode rules = run(Samples.render("sarif", Samples.sample())).path("tool").path("driver").path("rules");
        for (JsonNode r : rules) {
            JsonNode p = r.path("properties");
            if (r.path("id").asText().startsWith("DD3")) {
                assertThat(p.path("security-severity").asText()).isEqualTo("5.5");
                assertThat(p.path("tags").toString()).contains("\"security\"");
                assertThat(p.has("problem.severity")).isFalse();
            } else {
                assertThat(p.has("security-severity")).isFalse();
                assertThat(p.path("problem.severity").asText()).isIn("error", "warning", "recommendation");
            }
            assertThat(r.path("help").path("text").asText()).isNotBlank();
            assertThat(r.path("help").path("markdown").asText()).isNotBlank();
            assertThat(r.path("fullDescription").path("text").asText().length()).isLessThanOrEqualTo(1024);
        }
    }

    @Test
    void pathsBecomeUrisAgainstTheSourceRoot() throws Exception {
        ReportOptions o = ReportOptions.defaults().withSrcRoot(URI.create("file:///home/me/my%20repo"));
        Finding f = new Finding(Samples.DD101, "big", Samples.find(Samples.SOURCE_B, "FROM"));
        List<FileReport> files = new ArrayList<>();
        files.add(new FileReport("build tools/Dockerfile.dev", Samples.SOURCE_B, List.of(f), null));
        files.add(new FileReport("/abs/path/Dockerfile", Samples.SOURCE_B, List.of(f), null));
        files.add(new FileReport(".\\win\\Dockerfile", Samples.SOURCE_B, List.of(f), null));
        files.add(new FileReport("ünïcode/Dockerfile", Samples.SOURCE_B, List.of(f), null));
        LintReport report = new LintReport("dev-build", files, List.of(), null);
        String sarif = Samples.render("sarif", report, o);
        assertThat(Schemas.errors(Schemas.sarif(), sarif)).isEmpty();
        JsonNode run = run(sarif);
        assertThat(run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText()).isEqualTo("file:///home/me/my%20repo/");
        List<String> uris = run.path("artifacts").findValuesAsText("uri");
        assertThat(uris).containsExactly("build%20tools/Dockerfile.dev", "file:///abs/path/Dockerfile", "win/Dockerfile",
                "%C3%BCn%C3%AFcode/Dockerfile");
        JsonNode abs = run.path("results").get(1).path("locations").get(0).path("physicalLocation").path("artifactLocation");
        assertThat(abs.has("uriBaseId")).isFalse();
        // a rule missing from the catalogue is still described, and a non-semver version is not claimed as one
        assertThat(run.path("tool").path("driver").path("rules").get(0).path("id").asText()).isEqualTo("DD101");
        assertThat(run.path("tool").path("driver").has("semanticVersion")).isFalse();
    }

    @Test
    void automationIdIsWrittenOnlyWhenAsked() throws Exception {
        assertThat(run(Samples.render("sarif", Samples.empty())).has("automationDetails")).isFalse();
        JsonNode run = run(Samples.render("sarif", Samples.empty(), Samples.OPTIONS.withAutomationId("dockdiet/lint/")));
        assertThat(run.path("automationDetails").path("id").asText()).isEqualTo("dockdiet/lint/");
    }

    @Test
    void filesOfAnotherRootGetTheirOwnBaseIdAndTheUriIsAlwaysTheRootRelativePath() throws Exception {
        FileReport here = Samples.fileA().located(URI.create("file:///work/project"), "../project/app/Dockerfile");
        FileReport other = new FileReport("Dockerfile", Samples.SOURCE_B, Samples.fileA().findings(), null)
                .located(URI.create("file:///work/other/"), "../other/Dockerfile");
        FileReport absolute = new FileReport("/opt/x/Dockerfile", Samples.SOURCE_B, List.of(), null);
        String sarif = Samples.render("sarif", new LintReport(Samples.VERSION, List.of(here, other, absolute),
                Samples.RULES, id -> null));
        assertThat(Schemas.errors(Schemas.sarif(), sarif)).isEmpty();
        JsonNode run = run(sarif);
        assertThat(run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText()).isEqualTo("file:///work/project/");
        assertThat(run.path("originalUriBaseIds").path("%SRCROOT2%").path("uri").asText()).isEqualTo("file:///work/other/");
        assertThat(run.path("originalUriBaseIds").size()).isEqualTo(2);
        JsonNode artifacts = run.path("artifacts");
        assertThat(artifacts.get(0).path("location").path("uri").asText()).isEqualTo(here.path());
        assertThat(artifacts.get(0).path("location").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(artifacts.get(1).path("location").path("uri").asText()).isEqualTo("Dockerfile");
        assertThat(artifacts.get(1).path("location").path("uriBaseId").asText()).isEqualTo("%SRCROOT2%");
        assertThat(artifacts.get(2).path("location").path("uri").asText()).isEqualTo("file:///opt/x/Dockerfile");
        assertThat(artifacts.get(2).path("location").has("uriBaseId")).isFalse();
        for (JsonNode r : run.path("results")) {
            JsonNode loc = r.path("locations").get(0).path("physicalLocation").path("artifactLocation");
            int i = loc.path("index").asInt();
            assertThat(loc.path("uri").asText()).isEqualTo(artifacts.get(i).path("location").path("uri").asText());
            assertThat(loc.path("uriBaseId").asText()).isEqualTo(artifacts.get(i).path("location").path("uriBaseId").asText());
        }
    }
}
