package dev.dockdiet.size.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.cli.Main;
import dev.dockdiet.config.Config;
import dev.dockdiet.lint.DefaultServices;
import dev.dockdiet.lint.Linter;
import dev.dockdiet.rule.Category;
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

    /** The apps whose original ships a build toolchain (DD102). express's node:22 only installs and runs. */
    static Stream<String> toolchainApps() {
        return apps().filter(a -> !a.equals("express"));
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

    @ParameterizedTest
    @MethodSource("apps")
    void rewriteParsesAndLintsWithoutSizeFindings(String name) throws IOException {
        Path app = DIR.resolve(name);
        String text = golden(app);
        Dockerfile df = Dockerfile.parse(text);
        assertThat(df.problems()).as("problems in the rewrite of %s", name).noneMatch(p -> p.isError());
        assertThat(df.stages()).hasSizeGreaterThanOrEqualTo(2);
        Linter.Result result = new Linter(Rules.all(), DefaultServices::get).lint(text, app.resolve("Dockerfile.rewritten"),
                "Dockerfile.rewritten", Config.defaults(), RuleSettings.defaults().withContextDir(app), null);
        // DD130 (install after COPY . .) is about the build cache, not the image's size: the gradle and
        // cargo rewrites build from the whole context, which has no mechanical layering
        List<Finding> size = result.findings().stream().filter(f -> f.rule().category() == Category.SIZE)
                .filter(f -> !f.rule().id().equals("DD130")).toList();
        assertThat(size).as("size findings on the rewrite of %s", name).isEmpty();
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
