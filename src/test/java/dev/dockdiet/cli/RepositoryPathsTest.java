package dev.dockdiet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockdiet.report.ReportOptions;
import dev.dockdiet.report.Reporters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths for consumers (issue 11): every machine format reports a file relative to its repository
 * root, wherever dockdiet runs from, so that code scanning and review bots annotate the right file.
 * The working directory cannot be changed inside a JVM, so the runs from the root and from a
 * subfolder start dockdiet as a process (the test classpath, {@code Main}); the rest runs in-process
 * with absolute paths.
 */
class RepositoryPathsTest {

    @TempDir
    Path dir;

    Path repo;

    static final String BROKEN = "FROM alpine:3.20\nENV PATH\nRUN echo hello\nUSER 65534\n";
    static final List<String> EXPECTED = List.of("debian/Dockerfile", "svc/api/Dockerfile", "svc/worker/Dockerfile.prod");
    static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeEach
    void repository() throws IOException {
        repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        for (String p : EXPECTED) {
            write(repo.resolve(p), BROKEN);
        }
    }

    private static Path write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    record Proc(int code, String out, String err) {
    }

    /** dockdiet as a process in {@code cwd}: the only way to give it another working directory. */
    private static Proc dockdiet(Path cwd, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        var out = p.getInputStream();
        var err = p.getErrorStream();
        var errText = new java.util.concurrent.CompletableFuture<String>();
        Thread t = new Thread(() -> {
            try {
                errText.complete(new String(err.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                errText.completeExceptionally(e);
            }
        });
        t.start();
        String o = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("dockdiet finished").isTrue();
        return new Proc(p.exitValue(), o, errText.get(1, TimeUnit.MINUTES));
    }

    /** Every format at once, each to its own file under {@code out}: "-f NAME=FILE". */
    private static String[] allFormats(Path out, String... inputs) {
        List<String> a = new ArrayList<>(List.of("--color", "never"));
        for (String f : Reporters.NAMES) {
            a.add("-f");
            a.add(f + "=" + out.resolve(f + ".out"));
        }
        a.addAll(List.of(inputs));
        return a.toArray(String[]::new);
    }

    /** The set of file paths each format reports (text: the paths people see). */
    static Map<String, TreeSet<String>> pathsByFormat(Path out) throws IOException {
        Map<String, TreeSet<String>> m = new TreeMap<>();
        for (String f : Reporters.NAMES) {
            m.put(f, paths(f, Files.readString(out.resolve(f + ".out"))));
        }
        return m;
    }

    static TreeSet<String> paths(String format, String s) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        switch (format) {
            case "json" -> MAPPER.readTree(s).get("files").forEach(f -> out.add(f.get("path").asText()));
            case "sarif" -> {
                JsonNode run = MAPPER.readTree(s).get("runs").get(0);
                run.get("artifacts").forEach(a -> out.add(a.at("/location/uri").asText()));
                run.get("results").forEach(r -> out.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
            }
            case "gitlab" -> MAPPER.readTree(s).forEach(i -> out.add(i.at("/location/path").asText()));
            case "rdjson" -> MAPPER.readTree(s).get("diagnostics").forEach(d -> out.add(d.at("/location/path").asText()));
            case "checkstyle" -> matches(out, Pattern.compile("<file name=\"([^\"]+)\""), s);
            case "github" -> matches(out, Pattern.compile("^::\\w+ file=([^,]+),", Pattern.MULTILINE), s);
            case "text" -> matches(out, Pattern.compile("^(\\S+):\\d+:\\d+ DD\\d{3} ", Pattern.MULTILINE), s);
            default -> throw new IllegalArgumentException(format);
        }
        return out;
    }

    private static void matches(TreeSet<String> out, Pattern p, String s) {
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
    }

    @Test
    void fromTheRootAndFromASubfolderEveryMachineFormatReportsTheSameRepositoryRelativePaths() throws Exception {
        Path fromRoot = Files.createDirectories(dir.resolve("out-root"));
        Proc a = dockdiet(repo, null, allFormats(fromRoot, "."));
        assertThat(a.err()).isEmpty();
        assertThat(a.code()).isEqualTo(1);
        Path fromSub = Files.createDirectories(dir.resolve("out-sub"));
        Proc b = dockdiet(repo.resolve("debian"), null, allFormats(fromSub, "Dockerfile", "../svc"));
        assertThat(b.err()).isEmpty();
        assertThat(b.code()).isEqualTo(1);

        Map<String, TreeSet<String>> root = pathsByFormat(fromRoot);
        Map<String, TreeSet<String>> sub = pathsByFormat(fromSub);
        for (String f : Reporters.NAMES) {
            if (!f.equals("text")) {
                assertThat(root.get(f)).as("%s from the root", f).containsExactlyElementsOf(EXPECTED);
                assertThat(sub.get(f)).as("%s from debian/", f).containsExactlyElementsOf(EXPECTED);
            }
        }
        // text is for people: paths as typed from where they stand
        assertThat(root.get("text")).containsExactlyElementsOf(EXPECTED);
        assertThat(sub.get("text")).containsExactly("../svc/api/Dockerfile", "../svc/worker/Dockerfile.prod", "Dockerfile");

        // SARIF keeps %SRCROOT% (the repository root) but its URIs do not depend on it
        for (Path out : List.of(fromRoot, fromSub)) {
            JsonNode run = MAPPER.readTree(Files.readString(out.resolve("sarif.out"))).get("runs").get(0);
            assertThat(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText())
                    .isEqualTo(ReportOptions.directoryUri(repo).toString());
            assertThat(run.get("originalUriBaseIds").size()).isEqualTo(1);
            assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uriBaseId").asText())
                    .isEqualTo("%SRCROOT%");
        }
        // the seven outputs are byte-identical apart from text (which names files as seen from debian/)
        for (String f : Reporters.NAMES) {
            if (!f.equals("text")) {
                assertThat(Files.readString(fromSub.resolve(f + ".out"))).as(f)
                        .isEqualTo(Files.readString(fromRoot.resolve(f + ".out")));
            }
        }
    }

    @Test
    void stdinIsReportedAtItsRepositoryPathAndOutsideARepositoryPathsStayRelativeToTheWorkingDirectory() throws Exception {
        Proc s = dockdiet(repo.resolve("debian"), BROKEN, "-f", "json", "--stdin-filename", "Dockerfile", "-");
        assertThat(s.err()).isEmpty();
        assertThat(MAPPER.readTree(s.out()).at("/files/0/path").asText()).isEqualTo("debian/Dockerfile");

        Path plain = dir.resolve("plain");
        write(plain.resolve("app/Dockerfile"), BROKEN);
        Path out = Files.createDirectories(dir.resolve("out-plain"));
        Proc p = dockdiet(plain.resolve("app"), null, allFormats(out, "Dockerfile"));
        assertThat(p.err()).isEmpty();
        for (Map.Entry<String, TreeSet<String>> e : pathsByFormat(out).entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).containsExactly("Dockerfile");
        }
        JsonNode run = MAPPER.readTree(Files.readString(out.resolve("sarif.out"))).get("runs").get(0);
        assertThat(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText())
                .isEqualTo(ReportOptions.directoryUri(plain.resolve("app")).toString());
    }

    @Test
    void rootOverridesTheGitTopLevelInBothCommandLineParsers() throws IOException {
        Path svc = repo.resolve("svc");
        String file = svc.resolve("api/Dockerfile").toString();
        // FastLint's spelling and picocli's (a short-option cluster makes FastLint hand over)
        for (List<String> args : List.of(List.of("-f", "json", "--root", svc.toString(), file),
                List.of("-fjson", "--root=" + svc, file), List.of("lint", "--format=json", "--root", svc.toString(), file))) {
            String[] argv = args.toArray(String[]::new);
            assertThat(FastLint.parse(argv) == null).as("picocli parses %s", args).isEqualTo(args.get(0).equals("-fjson"));
            CliRunner.Run r = CliRunner.run(argv);
            assertThat(r.err()).as(args.toString()).isEmpty();
            assertThat(json(r.out()).at("/files/0/path").asText()).as(args.toString()).isEqualTo("api/Dockerfile");
        }
        // a file outside --root keeps the fallback path (here: absolute, as given)
        String outside = repo.resolve("debian/Dockerfile").toString();
        CliRunner.Run r = CliRunner.run("-f", "json", "--root", svc.toString(), outside);
        assertThat(json(r.out()).at("/files/0/path").asText()).isEqualTo(outside.replace('\\', '/'));
    }

    @Test
    void aBadRootIsOneErrorLineAndExitTwo() throws IOException {
        String file = repo.resolve("debian/Dockerfile").toString();
        String missing = dir.resolve("no-such-dir").toString();
        for (List<String> args : List.of(List.of("--root", missing, file), List.of("-fjson", "--root", missing, file))) {
            String[] argv = args.toArray(String[]::new);
            assertThat(FastLint.parse(argv) == null).as("picocli parses %s", args).isEqualTo(args.get(0).equals("-fjson"));
            CliRunner.Run r = CliRunner.run(argv);
            assertThat(r.code()).as(args.toString()).isEqualTo(2);
            assertThat(r.out()).as(args.toString()).isEmpty();
            assertThat(r.err()).as(args.toString()).isEqualTo("dockdiet: --root " + missing + ": no such directory\n");
        }
        CliRunner.Run notDir = CliRunner.run("--root", file, file);
        assertThat(notDir.code()).isEqualTo(2);
        assertThat(notDir.err()).isEqualTo("dockdiet: --root " + file + ": not a directory\n");
    }

    @Test
    void aWorktreeOrSubmoduleIsFoundByItsGitFile() throws IOException {
        Path worktree = dir.resolve("wt");
        Files.createDirectories(worktree);
        Files.writeString(worktree.resolve(".git"), "gitdir: " + repo.resolve(".git/worktrees/wt") + "\n");
        Path f = write(worktree.resolve("deploy/Dockerfile"), BROKEN);
        // a submodule inside the repository: its own root, as `git rev-parse --show-toplevel` says
        Path sub = repo.resolve("vendor/lib");
        Files.createDirectories(sub);
        Files.writeString(sub.resolve(".git"), "gitdir: ../../.git/modules/lib\n");
        Path g = write(sub.resolve("Dockerfile"), BROKEN);
        // a stray file named .git is not a repository
        Path stray = dir.resolve("stray");
        Files.createDirectories(stray);
        Files.writeString(stray.resolve(".git"), "not a gitlink\n");
        Path h = write(stray.resolve("Dockerfile"), BROKEN);

        CliRunner.Run r = CliRunner.run("-f", "json", f.toString(), g.toString(), h.toString());
        JsonNode files = json(r.out()).get("files");
        assertThat(files.get(0).get("path").asText()).isEqualTo("deploy/Dockerfile");
        assertThat(files.get(1).get("path").asText()).isEqualTo("Dockerfile");
        assertThat(files.get(2).get("path").asText()).isEqualTo(h.toString().replace('\\', '/'));
    }

    @Test
    void stdinWithAnAbsoluteNameAndFilesOfTwoRepositoriesInOneSarifLog() throws IOException {
        CliRunner.Run s = CliRunner.runWithStdin(BROKEN, "-f", "json", "--stdin-filename",
                repo.resolve("svc/new/Dockerfile").toString(), "-");
        assertThat(json(s.out()).at("/files/0/path").asText()).isEqualTo("svc/new/Dockerfile");

        Path other = dir.resolve("other");
        Files.createDirectories(other.resolve(".git"));
        Path o = write(other.resolve("Dockerfile"), BROKEN);
        CliRunner.Run r = CliRunner.run("-f", "sarif", repo.resolve("debian/Dockerfile").toString(), o.toString());
        JsonNode run = json(r.out()).get("runs").get(0);
        // each repository's files are relative to their own root, with a base id per root
        assertThat(run.at("/artifacts/0/location/uri").asText()).isEqualTo("debian/Dockerfile");
        assertThat(run.at("/artifacts/1/location/uri").asText()).isEqualTo("Dockerfile");
        String base0 = run.at("/artifacts/0/location/uriBaseId").asText();
        String base1 = run.at("/artifacts/1/location/uriBaseId").asText();
        assertThat(base0).isNotEqualTo(base1);
        assertThat(run.get("originalUriBaseIds").get(base0).get("uri").asText())
                .isEqualTo(ReportOptions.directoryUri(repo).toString());
        assertThat(run.get("originalUriBaseIds").get(base1).get("uri").asText())
                .isEqualTo(ReportOptions.directoryUri(other).toString());
    }

    @Test
    void aBaselineWrittenFromTheRootMatchesFromASubfolderAndOldWorkingDirectoryKeysStillMatch() throws Exception {
        Proc w = dockdiet(repo, null, "--write-baseline", "baseline.json", ".");
        assertThat(w.code()).isEqualTo(0);
        JsonNode written = MAPPER.readTree(Files.readString(repo.resolve("baseline.json")));
        TreeSet<String> keys = new TreeSet<>();
        written.get("findings").forEach(f -> keys.add(f.get("path").asText()));
        assertThat(keys).containsExactlyElementsOf(EXPECTED);

        Proc r = dockdiet(repo.resolve("debian"), null, "-f", "json", "--baseline", "../baseline.json", "Dockerfile", "../svc");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isEqualTo(0);
        assertThat(MAPPER.readTree(r.out()).at("/files").findValues("findings"))
                .hasSize(3).allSatisfy(f -> assertThat(f).isEmpty());

        // a baseline keyed relative to the working directory (as before; --root makes one here) still matches there
        Proc old = dockdiet(repo.resolve("debian"), null, "--root", ".", "--write-baseline", "old.json", "Dockerfile");
        assertThat(old.code()).isEqualTo(0);
        assertThat(Files.readString(repo.resolve("debian/old.json"))).contains("\"path\": \"Dockerfile\"")
                .doesNotContain("debian/");
        Proc legacy = dockdiet(repo.resolve("debian"), null, "-f", "json", "--baseline", "old.json", "Dockerfile");
        assertThat(legacy.err()).isEmpty();
        assertThat(legacy.code()).isEqualTo(0);
        assertThat(MAPPER.readTree(legacy.out()).at("/files/0/path").asText()).isEqualTo("debian/Dockerfile");
        assertThat(MAPPER.readTree(legacy.out()).at("/files/0/findings")).isEmpty();
        // and the other way round a root baseline does not hide another file's findings
        Proc other = dockdiet(repo.resolve("svc"), null, "-f", "json", "--baseline", "../debian/old.json", "api/Dockerfile");
        assertThat(other.code()).isEqualTo(1);
    }

    @Test
    void theTextSummaryCountsOnlyTheFilesThatWereRead() throws IOException {
        Path ok = repo.resolve("debian/Dockerfile");
        Path bin = repo.resolve("bin.Dockerfile");
        Files.write(bin, new byte[] {0, 1, 2});
        Path missing = repo.resolve("missing/Dockerfile");
        CliRunner.Run r = CliRunner.run("--color", "never", ok.toString(), bin.toString(), missing.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().count()).isEqualTo(2);
        assertThat(r.out()).contains("; 1 file checked, 2 could not be read.\n");
        CliRunner.Run j = CliRunner.run("-f", "json", ok.toString(), bin.toString());
        assertThat(json(j.out()).at("/summary/unreadable").asInt()).isEqualTo(1);
        assertThat(json(j.out()).at("/files/0/readable").asBoolean()).isTrue();
        assertThat(json(j.out()).at("/files/1/readable").asBoolean()).isFalse();
        CliRunner.Run allRead = CliRunner.run("--color", "never", repo.resolve("svc").toString());
        assertThat(allRead.out()).contains("; 2 files checked.\n");
    }

    @Test
    void everyMachineFormatSaysAFileCouldNotBeRead() throws IOException {
        Path ok = repo.resolve("debian/Dockerfile");
        Path missing = repo.resolve("missing/Dockerfile");
        for (String f : List.of("checkstyle", "github", "gitlab", "rdjson", "json", "sarif")) {
            CliRunner.Run r = CliRunner.run("-f", f, ok.toString(), missing.toString());
            assertThat(r.code()).as(f).isEqualTo(2);
            assertThat(r.err().lines().count()).as(f).isEqualTo(1);
            assertThat(r.out()).as(f).contains("missing/Dockerfile");
        }
        assertThat(CliRunner.run("-f", "checkstyle", ok.toString(), missing.toString()).out())
                .contains("<file name=\"missing/Dockerfile\">\n    <error line=\"1\" severity=\"error\" "
                        + "message=\"could not be read: no such file or directory\" source=\"dockdiet\"/>");
        JsonNode json = json(CliRunner.run("-f", "json", ok.toString(), missing.toString()).out());
        assertThat(json.at("/files/1/error").asText()).isEqualTo("no such file or directory");
        assertThat(json.at("/files/0/error").isMissingNode()).isTrue();
        assertThat(json(CliRunner.run("-f", "sarif", ok.toString(), missing.toString()).out())
                .at("/runs/0/invocations/0/toolExecutionNotifications/0/message/text").asText())
                .isEqualTo("missing/Dockerfile could not be read: no such file or directory");
        assertThat(CliRunner.run("-f", "github", ok.toString(), missing.toString()).out())
                .startsWith("::error file=missing/Dockerfile,title=dockdiet::missing/Dockerfile could not be read: "
                        + "no such file or directory\n");
    }

    private static JsonNode json(String s) throws IOException {
        return MAPPER.readTree(s);
    }
}
