package dev.dockdiet.size.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.cli.Main;
import dev.dockdiet.config.Config;
import dev.dockdiet.lint.DefaultServices;
import dev.dockdiet.lint.Linter;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rules.Rules;
import dev.dockdiet.syntax.Dockerfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The realistic single-stage apps under {@code test-fixtures/size/}: each rewrite equals its golden
 * {@code Dockerfile.rewritten}, parses, and lints without any size finding; the lint report of the
 * original equals {@code report.txt}. Run with {@code -Ddockdiet.updateGolden=true} to regenerate
 * the goldens, then read the diff.
 */
class RewriteFixturesTest {

    static final Path DIR = Path.of("test-fixtures/size");
    static final boolean UPDATE = Boolean.getBoolean("dockdiet.updateGolden");

    /** Every app folder under {@code test-fixtures/size/}: a new fixture is picked up without editing a list. */
    static Stream<String> apps() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("Dockerfile"))).map(p -> p.getFileName().toString())
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The apps whose original ships a build toolchain (DD102). express's node:22 only installs and
     * runs; python-wheels compiles nothing (its rewrite is one slim stage, DD101's change); sinatra's
     * ruby:3.3 is a full image (DD101), not a build toolchain.
     */
    static Stream<String> toolchainApps() {
        return apps().filter(a -> !Set.of("express", "python-wheels", "sinatra").contains(a));
    }

    /** The reviewed rewrite: the committed {@code Dockerfile.rewritten}. */
    static String golden(Path app) throws IOException {
        return Files.readString(app.resolve("Dockerfile.rewritten"), StandardCharsets.UTF_8);
    }

    static RewriteResult rewrite(Path app) throws IOException {
        return new Rewriter(null, Rewriter.Options.defaults().withContextDir(app))
                .rewrite(Files.readString(app.resolve("Dockerfile")));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void rewriteMatchesGolden(String name) throws IOException {
        Path app = DIR.resolve(name);
        RewriteResult r = rewrite(app);
        assertThat(r.rewritten()).as("%s: %s", name, r.reason()).isTrue();
        Path golden = app.resolve("Dockerfile.rewritten");
        if (UPDATE) {
            Files.writeString(golden, r.text(), StandardCharsets.UTF_8);
        }
        assertThat(golden).as("create it with -Ddockdiet.updateGolden=true").exists();
        assertThat(r.text()).isEqualTo(golden(app));
    }

    /**
     * Findings the rewrite of a fixture may keep, with the reason. Each is the original's own
     * finding on a line the build stage keeps as written (the rewrite does not pin the user's
     * packages or rename the user's users); {@link #rewriteLintsClean} also checks that the original
     * has it, so nothing the rewrite itself writes can hide here.
     */
    static final Map<String, Map<String, String>> INHERITED = Map.of(
            "flask", Map.of(
                    "DD204", "apt-get install gcc without a version: the original's build step, kept as written",
                    "DD245", "USER appuser: the original's user name, created and used as the original did"));

    static List<Finding> lint(Path app, String text, String name) {
        return new Linter(Rules.all(), DefaultServices::get).lint(text, app.resolve(name), name, Config.defaults(),
                RuleSettings.defaults().withContextDir(app), null).findings();
    }

    /**
     * The reviewed rewrite of every fixture parses and lints with zero findings, by the real linter
     * with every default rule, except the original's own findings listed in {@link #INHERITED}.
     */
    @ParameterizedTest
    @MethodSource("apps")
    void rewriteLintsClean(String name) throws IOException {
        Path app = DIR.resolve(name);
        String text = golden(app);
        Dockerfile df = Dockerfile.parse(text);
        assertThat(df.problems()).as("problems in the rewrite of %s", name).noneMatch(p -> p.isError());
        assertThat(df.stages()).isNotEmpty();
        Map<String, String> allowed = INHERITED.getOrDefault(name, Map.of());
        List<String> unexpected = lint(app, text, "Dockerfile.rewritten").stream()
                .filter(f -> !allowed.containsKey(f.rule().id()))
                .map(f -> f.rule().id() + " line " + f.range().startLine() + ": " + f.message()).toList();
        assertThat(unexpected).as("findings on the rewrite of %s", name).isEmpty();
        List<String> original = lint(app, Files.readString(app.resolve("Dockerfile")), "Dockerfile").stream()
                .map(f -> f.rule().id()).toList();
        assertThat(original).as("an allowed finding must be the original's own").containsAll(allowed.keySet());
        List<String> onRewrite = lint(app, text, "Dockerfile.rewritten").stream().map(f -> f.rule().id()).toList();
        assertThat(onRewrite).as("a listed finding that no longer occurs must leave the list")
                .containsAll(allowed.keySet());
    }

    /** No stage of a rewrite is dead weight: every stage but the last is copied from or built upon. */
    @ParameterizedTest
    @MethodSource("apps")
    void everyStageIsUsed(String name) throws IOException {
        Dockerfile df = Dockerfile.parse(golden(DIR.resolve(name)));
        var stages = df.stages();
        for (int k = 0; k < stages.size() - 1; k++) {
            String stage = stages.get(k).name();
            assertThat(stage).as("stage %d of the rewrite of %s has a name", k, name).isNotNull();
            boolean used = df.all(dev.dockdiet.syntax.Instruction.Copy.class).stream()
                    .anyMatch(c -> c.from().filter(stage::equalsIgnoreCase).isPresent())
                    || stages.stream().anyMatch(s -> stage.equalsIgnoreCase(s.baseName()));
            assertThat(used).as("nothing copies from stage %s of the rewrite of %s", stage, name).isTrue();
        }
    }

    /** Every base a fix writes is tagged: DD101's replacement image and DD102's rewrite. */
    @ParameterizedTest
    @MethodSource("apps")
    void everyBaseAFixWritesIsTagged(String name) throws IOException {
        Path app = DIR.resolve(name);
        for (Finding f : lint(app, Files.readString(app.resolve("Dockerfile")), "Dockerfile")) {
            if (f.fix() == null || !Set.of("DD101", "DD102", "DD103").contains(f.rule().id())) {
                continue;
            }
            for (var e : f.fix().edits()) {
                String written = e.text().contains("\n") ? e.text() : "FROM " + e.text() + "\n";
                for (var st : Dockerfile.parse(written).stages()) {
                    var ref = st.base();
                    assertThat(ref).as("%s fix on %s: %s", f.rule().id(), name, st.baseName()).isNotNull();
                    assertThat(ref.tag() != null || ref.digest() != null || ref.isScratch())
                            .as("%s fix on %s writes FROM %s without a tag", f.rule().id(), name, ref.raw()).isTrue();
                }
            }
        }
    }

    /** DD102 flags every original that ships a toolchain, and its fix is the reviewed rewrite. */
    @ParameterizedTest
    @MethodSource("toolchainApps")
    void originalIsFlaggedWithTheRewriteAsFix(String name) throws IOException {
        Path app = DIR.resolve(name);
        String text = Files.readString(app.resolve("Dockerfile"));
        Linter.Result result = new Linter(Rules.all(), DefaultServices::get).lint(text, app.resolve("Dockerfile"),
                "Dockerfile", Config.defaults(), RuleSettings.defaults().withContextDir(app), null);
        List<Finding> dd102 = result.findings().stream().filter(f -> f.rule().id().equals("DD102")).toList();
        assertThat(dd102).as("DD102 on %s", name).hasSize(1);
        Finding f = dd102.get(0);
        assertThat(f.fix()).isNotNull();
        assertThat(f.fix().applicability()).isEqualTo(dev.dockdiet.rule.Applicability.SUGGESTED);
        assertThat(f.fix().edits()).hasSize(1);
        assertThat(f.fix().edits().get(0).range().start()).isZero();
        assertThat(f.fix().edits().get(0).range().end()).isEqualTo(text.length());
        assertThat(f.fix().edits().get(0).text()).isEqualTo(golden(app));
    }

    /** node:22 that only installs and runs: oversized (DD101), but no build toolchain in use, so no DD102. */
    @org.junit.jupiter.api.Test
    void anAppWithoutAToolchainIsNotFlagged() throws IOException {
        Path app = DIR.resolve("express");
        String text = Files.readString(app.resolve("Dockerfile"));
        Linter.Result result = new Linter(Rules.all(), DefaultServices::get).lint(text, app.resolve("Dockerfile"),
                "Dockerfile", Config.defaults(), RuleSettings.defaults().withContextDir(app), null);
        assertThat(result.findings()).extracting(f -> f.rule().id()).contains("DD101").doesNotContain("DD102");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void reportMatchesGolden(String name) throws IOException {
        Path dockerfile = DIR.resolve(name).resolve("Dockerfile");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.mainWithoutExit(new String[] {"--color", "never", dockerfile.toString()}, out, err, null);
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(err.toString(StandardCharsets.UTF_8)).as("stderr").isEmpty();
        Path golden = DIR.resolve(name).resolve("report.txt");
        if (UPDATE) {
            Files.writeString(golden, report, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("create it with -Ddockdiet.updateGolden=true").exists();
        assertThat(report).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
