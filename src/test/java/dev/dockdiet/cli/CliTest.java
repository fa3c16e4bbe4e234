package dev.dockdiet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in-process: inputs, formats, exit codes, config, suppressions, baselines, fixes. */
class CliTest {

    @TempDir
    Path dir;

    // USER: an official base with no USER is DD314's finding
    static final String CLEAN = "FROM alpine:3.20\nRUN echo hello\nUSER 65534\n";
    static final String BROKEN = "FROM alpine:3.20\nENV PATH\nRUN echo hello\nUSER 65534\n";

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static JsonNode json(String s) throws IOException {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void fastPathKnowsEverySubcommandPicocliHas() {
        // FastLint must hand every subcommand to picocli, and typo hints must offer all of them
        var expected = new java.util.ArrayList<>(Main.Subcommands.ALL.keySet());
        expected.add("help");
        assertThat(FastLint.SUBCOMMANDS).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void cleanFileExitsZeroAndBrokenFileExitsOne() throws IOException {
        Path ok = write("ok/Dockerfile", CLEAN);
        Path bad = write("bad/Dockerfile", BROKEN);
        assertThat(CliRunner.run("--color", "never", ok.toString()).code()).isZero();
        CliRunner.Run r = CliRunner.run("--color", "never", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("Dockerfile:2:5 DD001 syntax-error ENV must have two arguments");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void failOnThresholdDecidesTheExitCode() throws IOException {
        Path bad = write("Dockerfile", BROKEN);
        assertThat(CliRunner.run("--fail-on", "none", bad.toString()).code()).isZero();
        assertThat(CliRunner.run("--fail-on", "error", bad.toString()).code()).isEqualTo(1);
        CliRunner.Run r = CliRunner.run("--fail-on", "bogus", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--fail-on takes error, warning, info, style or none");
    }

    @Test
    void severalFilesAndADirectoryAreReportedInAStableOrder() throws IOException {
        write("proj/b/Dockerfile", BROKEN);
        write("proj/a/Dockerfile.prod", BROKEN);
        write("proj/c/api.dockerfile", CLEAN);
        write("proj/node_modules/x/Dockerfile", BROKEN);
        write("proj/ignored/Dockerfile", BROKEN);
        write("proj/.gitignore", "ignored/\n");
        write("proj/README.md", "not a dockerfile");
        CliRunner.Run r = CliRunner.run("-f", "json", dir.resolve("proj").toString());
        assertThat(r.code()).isEqualTo(1);
        JsonNode files = json(r.out()).get("files");
        assertThat(files).hasSize(3);
        assertThat(files.get(0).get("path").asText()).endsWith("proj/a/Dockerfile.prod");
        assertThat(files.get(1).get("path").asText()).endsWith("proj/b/Dockerfile");
        assertThat(files.get(2).get("path").asText()).endsWith("proj/c/api.dockerfile");
        assertThat(files.get(2).get("findings")).isEmpty();
    }

    @Test
    void stdinIsLintedUnderTheGivenName() throws IOException {
        CliRunner.Run r = CliRunner.runWithStdin(BROKEN, "-f", "json", "--stdin-filename", "svc/Dockerfile", "-");
        assertThat(r.code()).isEqualTo(1);
        assertThat(json(r.out()).at("/files/0/path").asText()).isEqualTo("svc/Dockerfile");
        assertThat(json(r.out()).at("/files/0/findings/0/rule").asText()).isEqualTo("DD001");
    }

    @Test
    void everyFormatRuns() throws IOException {
        Path bad = write("Dockerfile", BROKEN);
        for (String f : new String[] {"text", "json", "sarif", "checkstyle", "github", "gitlab", "rdjson"}) {
            CliRunner.Run r = CliRunner.run("-f", f, "--color", "never", bad.toString());
            assertThat(r.code()).as(f).isEqualTo(1);
            assertThat(r.out()).as(f).contains("ENV must have two arguments");
            assertThat(r.err()).as(f).isEmpty();
        }
    }

    @Test
    void severalFormatsGoToTheirFilesInOneRun() throws IOException {
        Path bad = write("Dockerfile", BROKEN);
        Path sarif = dir.resolve("out/report.sarif");
        Path cs = dir.resolve("out/checkstyle.xml");
        CliRunner.Run r = CliRunner.run("-f", "text", "-f", "sarif=" + sarif, "-f", "checkstyle=" + cs,
                "--color", "never", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("DD001");
        assertThat(json(Files.readString(sarif)).get("version").asText()).isEqualTo("2.1.0");
        assertThat(Files.readString(cs)).contains("<checkstyle");
        CliRunner.Run two = CliRunner.run("-f", "text", "-f", "json", bad.toString());
        assertThat(two.code()).isEqualTo(2);
        assertThat(two.err()).contains("only one format can go to stdout");
    }

    @Test
    void runFailuresExitTwoWithOneLine() throws IOException {
        CliRunner.Run missing = CliRunner.run(dir.resolve("nope/Dockerfile").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).endsWith("no such file or directory").doesNotContain("\tat ");

        Path bin = dir.resolve("Dockerfile.bin");
        Files.write(bin, new byte[] {0x46, 0x52, 0x00, (byte) 0xff, (byte) 0xfe, 0x01});
        CliRunner.Run binary = CliRunner.run(bin.toString());
        assertThat(binary.code()).isEqualTo(2);
        assertThat(binary.err()).contains("not a text file").doesNotContain("Exception");

        CliRunner.Run badFormat = CliRunner.run("-f", "yaml", bin.toString());
        assertThat(badFormat.code()).isEqualTo(2);
        assertThat(badFormat.err()).contains("unknown format 'yaml'");

        CliRunner.Run badOption = CliRunner.run("--no-such-option");
        assertThat(badOption.code()).isEqualTo(2);
    }

    @Test
    void aBinaryFileDoesNotStopTheOtherFiles() throws IOException {
        Path bin = dir.resolve("Dockerfile.bin");
        Files.write(bin, new byte[] {0x00, 0x01, 0x02});
        Path bad = write("Dockerfile", BROKEN);
        CliRunner.Run r = CliRunner.run("--color", "never", bin.toString(), bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("ENV must have two arguments");
    }

    @Test
    void aDirectoryWithoutDockerfilesSaysSo() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        CliRunner.Run r = CliRunner.run(dir.resolve("empty").toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("no Dockerfiles found");
    }

    @Test
    void configIsDiscoveredUpwards() throws IOException {
        write("repo/.dockdiet.yaml", "ignore:\n  - DD001\n");
        Files.createDirectories(dir.resolve("repo/.git"));
        Path bad = write("repo/svc/Dockerfile", BROKEN);
        assertThat(CliRunner.run(bad.toString()).code()).isZero();
    }

    @Test
    void hadolintConfigIsReadWhenNoDockdietConfigExists() throws IOException {
        write("repo/.hadolint.yaml", "failure-threshold: error\noverride:\n  warning:\n    - DD001\n");
        Files.createDirectories(dir.resolve("repo/.git"));
        Path bad = write("repo/Dockerfile", BROKEN);
        CliRunner.Run r = CliRunner.run("-f", "json", bad.toString());
        assertThat(r.code()).isZero();
        assertThat(json(r.out()).at("/files/0/findings/0/severity").asText()).isEqualTo("warning");
    }

    @Test
    void aBrokenConfigNamesFileLineAndKey() throws IOException {
        write("repo/.dockdiet.yaml", "ignore:\n  - DD001\nfail_on: error\n");
        Files.createDirectories(dir.resolve("repo/.git"));
        Path bad = write("repo/Dockerfile", BROKEN);
        CliRunner.Run r = CliRunner.run(bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(".dockdiet.yaml:3:1").contains("fail_on");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void suppressionsInBothSyntaxesAndUnusedOnes() throws IOException {
        Path a = write("a/Dockerfile", "FROM alpine:3.20\n# dockdiet ignore=DD001\nENV PATH\n");
        assertThat(CliRunner.run(a.toString()).code()).isZero();
        Path b = write("b/Dockerfile", "FROM alpine:3.20\n# dockdiet global ignore=syntax-error\nENV PATH\n");
        assertThat(CliRunner.run(b.toString()).code()).isZero();
        Path c = write("c/Dockerfile", "FROM alpine:3.20\n# dockdiet ignore=DD001\nRUN echo hi\n");
        CliRunner.Run r = CliRunner.run("--color", "never", c.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("DD002 unused-suppression");
        Path d = write("d/Dockerfile", "FROM alpine:3.20\n# dockdiet ignore=DD9999\nRUN echo hi\n");
        assertThat(CliRunner.run("--color", "never", d.toString()).out()).contains("DD003");
    }

    @Test
    void hadolintPragmasWorkThroughAliases() throws IOException {
        Path a = write("Dockerfile", "FROM alpine:3.20\nRUN apt-get update && \\\n\n    apt-get install -y curl\n");
        CliRunner.Run before = CliRunner.run("--color", "never", a.toString());
        assertThat(before.out()).contains("DD004");
        Path b = write("b/Dockerfile",
                "FROM alpine:3.20\n# hadolint ignore=NoEmptyContinuation\nRUN apt-get update && \\\n\n    apt-get install -y curl\n");
        CliRunner.Run after = CliRunner.run("--color", "never", b.toString());
        assertThat(after.out()).doesNotContain("DD004");
    }

    @Test
    void baselineHidesKnownFindingsAfterLinesMove() throws IOException {
        Path f = write("Dockerfile", BROKEN);
        Path baseline = dir.resolve("baseline.json");
        CliRunner.Run w = CliRunner.run("--write-baseline", baseline.toString(), f.toString());
        assertThat(w.code()).isZero();
        assertThat(baseline).exists();
        Files.writeString(f, "# a comment\n\nFROM alpine:3.20\nENV PATH\nRUN echo hello\nUSER 65534\n");
        assertThat(CliRunner.run("--baseline", baseline.toString(), f.toString()).code()).isZero();
        Files.writeString(f, "# a comment\n\nFROM alpine:3.20\nENV PATH\nENV HOME\nRUN echo hello\nUSER 65534\n");
        CliRunner.Run r = CliRunner.run("-f", "json", "--baseline", baseline.toString(), f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(json(r.out()).at("/files/0/findings")).hasSize(1);
        assertThat(json(r.out()).at("/files/0/findings/0/line").asInt()).isEqualTo(5);
    }

    @Test
    void fixAndDiffOnACrlfFileKeepLineEndsModeAndBom() throws IOException {
        String crlf = "\uFEFFFROM alpine:3.20\r\n# dockdiet ignore=DD001\r\nRUN echo hi\r\n";
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, crlf, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-x---"));

        CliRunner.Run diff = CliRunner.run("--fix", "--diff", f.toString());
        assertThat(diff.out()).contains("-# dockdiet ignore=DD001").contains("@@");
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo(crlf);

        CliRunner.Run fix = CliRunner.run("--fix", f.toString());
        assertThat(fix.code()).isZero();
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo("\uFEFFFROM alpine:3.20\r\nRUN echo hi\r\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rwxr-x---");

        byte[] before = Files.readAllBytes(f);
        CliRunner.run("--fix", f.toString());
        assertThat(Files.readAllBytes(f)).as("fixing a fixed file changes nothing").isEqualTo(before);
    }

    @Test
    void parseDumpsBuildkitsAstAndFailsOnWhatBuildkitRejects() throws IOException {
        Path ok = write("ok/Dockerfile", "FROM busybox\nCMD [\"echo\", \"hi\"]\n");
        CliRunner.Run r = CliRunner.run("parse", "--dump", ok.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("(from \"busybox\")\n(cmd \"echo\" \"hi\")\n");
        Path bad = write("bad/Dockerfile", "FROM busybox\nENV PATH\n");
        CliRunner.Run b = CliRunner.run("parse", "--dump", bad.toString());
        assertThat(b.code()).isEqualTo(1);
        assertThat(b.err()).contains(":2:5: DD001 syntax-error ENV must have two arguments");
        assertThat(CliRunner.run("parse", dir.resolve("none").toString()).code()).isEqualTo(2);
    }

    @Test
    void rulesExplainVersionAndCompletion() throws IOException {
        CliRunner.Run table = CliRunner.run("rules");
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("DD001").contains("syntax-error");
        JsonNode rules = json(CliRunner.run("rules", "--format", "json").out());
        assertThat(rules.isArray()).isTrue();
        assertThat(CliRunner.run("rules", "--format", "markdown").out()).startsWith("| id | name |");
        CliRunner.Run explain = CliRunner.run("explain", "DD001");
        assertThat(explain.out()).startsWith("# DD001 syntax-error");
        assertThat(CliRunner.run("explain", "NoEmptyContinuation").out()).startsWith("# DD004");
        assertThat(CliRunner.run("explain", "DD999").code()).isEqualTo(2);
        assertThat(CliRunner.run("--version").out()).startsWith("dockdiet " + Version.VERSION);
        assertThat(CliRunner.run("completion").out()).contains("complete -F");
        CliRunner.Run help = CliRunner.run("--help");
        assertThat(help.out()).contains("Exit codes:").contains("2");
    }

    @Test
    void privateBaseImagesFromTheConfigFeedTheSizeAdvice() throws IOException {
        write("repo/.dockdiet.yaml", """
                images:
                  - name: registry.corp.example.com/base/node
                    tags: ["18"]
                    bytes: 900MB
                    kind: compressed
                    source: "docker manifest inspect"
                    asOf: 2026-11-01
                    alternatives: [registry.corp.example.com/base/node-slim]
                  - name: registry.corp.example.com/base/node-slim
                    bytes: 100MB
                    kind: compressed
                    source: "docker manifest inspect"
                    asOf: 2026-11-01
                """);
        Files.createDirectories(dir.resolve("repo/.git"));
        Path f = write("repo/Dockerfile", "FROM registry.corp.example.com/base/node:18\nCMD [\"node\", \"index.js\"]\n");
        JsonNode r = json(CliRunner.run("-f", "json", f.toString()).out());
        assertThat(r.at("/files/0/findings/0/rule").asText()).isEqualTo("DD101");
        assertThat(r.at("/files/0/findings/0/savings/bytes").asLong()).isEqualTo(800_000_000L);
        assertThat(r.at("/files/0/findings/0/savings/kind").asText()).isEqualTo("compressed");
        assertThat(r.at("/files/0/size/baseBytes").asLong()).isEqualTo(900_000_000L);
        assertThat(r.at("/files/0/size/estimatedAfter").asLong()).isEqualTo(100_000_000L);
    }
}
