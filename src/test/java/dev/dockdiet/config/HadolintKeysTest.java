package dev.dockdiet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hadolint's configuration keys that the rules read (label-schema, strict-labels,
 * disable-ignore-pragma, no-fail, failure-threshold, override, ignored, trustedRegistries), from a
 * {@code .hadolint.yaml} and from a {@code .dockdiet.yaml}; errors name file, line and column.
 */
class HadolintKeysTest {

    @TempDir
    Path dir;

    private Config load(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return new ConfigLoader(TestRules::resolve, dir, Map.of(), dir.resolve("home")).load(f);
    }

    private void assertError(String name, String yaml, String message) {
        assertThatThrownBy(() -> load(name, yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    private static final String ALL_KEYS = """
            failure-threshold: warning
            ignored: [DL3008]
            override:
              error: [DL3015]
              info: [DL3025]
            trustedRegistries: [docker.io, "*.gcr.io"]
            label-schema:
              org.opencontainers.image.source: url
              author: text
              version:
            strict-labels: true
            disable-ignore-pragma: true
            """;

    @Test
    void everyKeyFromAHadolintFile() throws IOException {
        Config c = load(".hadolint.yaml", ALL_KEYS);
        checkAllKeys(c);
        assertThat(c.dialect()).isEqualTo(Config.Dialect.HADOLINT);
    }

    @Test
    void everyKeyFromADockdietFile() throws IOException {
        Config c = load(".dockdiet.yaml", ALL_KEYS);
        checkAllKeys(c);
        assertThat(c.dialect()).isEqualTo(Config.Dialect.DOCKDIET);
    }

    private static void checkAllKeys(Config c) {
        assertThat(c.failOn()).contains(FailOn.WARNING);
        assertThat(c.ignore()).containsExactly(TestRules.APT_PIN.id());
        assertThat(c.severity()).containsEntry(TestRules.APT_RECOMMENDS.id(), RuleLevel.ERROR)
                .containsEntry(TestRules.JSON_ARGS.id(), RuleLevel.INFO);
        assertThat(c.trustedRegistries()).containsExactly("docker.io", "*.gcr.io");
        assertThat(c.labelSchema()).containsExactly(Map.entry("org.opencontainers.image.source", "url"),
                Map.entry("author", "text"), Map.entry("version", "text"));
        assertThat(c.strictLabels()).isTrue();
        assertThat(c.disableIgnorePragma()).isTrue();
    }

    @Test
    void dockdietSpellings() throws IOException {
        Config c = load(".dockdiet.yaml", """
                labelSchema: {version: semver}
                strictLabels: true
                disableIgnorePragma: true
                noFail: true
                failOn: error
                """);
        assertThat(c.labelSchema()).containsExactly(Map.entry("version", "semver"));
        assertThat(c.strictLabels()).isTrue();
        assertThat(c.disableIgnorePragma()).isTrue();
        assertThat(c.failOn()).as("no-fail wins over the threshold").contains(FailOn.NONE);
    }

    @Test
    void defaultsAreOff() throws IOException {
        for (String name : List.of(".hadolint.yaml", ".dockdiet.yaml")) {
            Config c = load(name, "strict-labels: false\ndisable-ignore-pragma: false\nno-fail: false\n");
            assertThat(c.strictLabels()).isFalse();
            assertThat(c.disableIgnorePragma()).isFalse();
            assertThat(c.failOn()).isEmpty();
            assertThat(c.labelSchema()).isEmpty();
        }
        assertThat(Config.defaults().labelSchema()).isEmpty();
        assertThat(Config.defaults().disableIgnorePragma()).isFalse();
    }

    @Test
    void noFailNeverFails() throws IOException {
        for (String name : List.of(".hadolint.yaml", ".dockdiet.yaml")) {
            Config c = load(name, "no-fail: true\nfailure-threshold: style\n");
            assertThat(c.failOn()).contains(FailOn.NONE);
            assertThat(c.failOn().get().failsOn(Severity.ERROR)).isFalse();
        }
    }

    @Test
    void badValuesNameTheirPlace() {
        for (String name : List.of(".hadolint.yaml", ".dockdiet.yaml")) {
            assertError(name, "label-schema:\n  version: semvar\n",
                    name + ":2:12: bad type 'semvar' for label 'version' in 'label-schema' (use text, url, semver, hash,"
                            + " rfc3339, spdx, email; did you mean 'semver'?)");
            assertError(name, "label-schema: [version]\n",
                    name + ":1:15: 'label-schema' must map label names to types (text, url, semver, hash, rfc3339, spdx, email)");
            assertError(name, "strict-labels: sometimes\n", name + ":1:16: 'strict-labels' must be true or false, not 'sometimes'");
            assertError(name, "disable-ignore-pragma: [true]\n",
                    name + ":1:24: 'disable-ignore-pragma' must be a single value");
            assertError(name, "no-fail: 2\n", name + ":1:10: 'no-fail' must be true or false, not '2'");
            assertError(name, "failure-threshold: sometimes\n", name
                    + ":1:20: bad value 'sometimes' for 'failure-threshold' (use error, warning, info, style, ignore or none)");
            assertError(name, "override: [DL3008]\n",
                    name + ":1:11: 'override' must map error, warning, info and style to lists of rules");
        }
        assertError(".dockdiet.yaml", "labelSchema: {a: mail}\n",
                ".dockdiet.yaml:1:18: bad type 'mail' for label 'a' in 'labelSchema' (use text, url, semver, hash, rfc3339,"
                        + " spdx, email; did you mean 'email'?)");
    }

    @Test
    void aSettingWrittenTwiceInADockdietFileIsAnError() {
        assertError(".dockdiet.yaml", "ignore: [DD101]\nignored: [DL3008]\n",
                ".dockdiet.yaml:2:1: 'ignored' sets what 'ignore' (at 1:1) sets; keep one");
        assertError(".dockdiet.yaml", "failOn: error\nfailure-threshold: info\n",
                ".dockdiet.yaml:2:1: 'failure-threshold' sets what 'failOn' (at 1:1) sets; keep one");
        assertError(".dockdiet.yaml", "labelSchema: {}\nlabel-schema: {}\n",
                ".dockdiet.yaml:2:1: 'label-schema' sets what 'labelSchema' (at 1:1) sets; keep one");
    }

    @Test
    void unknownKeysInADockdietFileStillSuggest() {
        assertError(".dockdiet.yaml", "strict-label: true\n",
                ".dockdiet.yaml:1:1: unknown key 'strict-label' (did you mean 'strict-labels'?)");
    }

    @Test
    void hadolintCodesWithoutTwinAreWarningsInBothFiles() throws IOException {
        for (String name : List.of(".hadolint.yaml", ".dockdiet.yaml")) {
            Config c = load(name, "ignored: [SC2086, DL3008]\n");
            assertThat(c.ignore()).containsExactly(TestRules.APT_PIN.id());
            assertThat(c.warnings()).singleElement().asString().startsWith(name + ":1:11: rule 'SC2086'");
        }
    }

    @Test
    void offByDefaultRulesRunWhenConfigGivesThemASeverity() throws IOException {
        RuleMeta optIn = new RuleMeta("DD244", "healthcheck-missing", Severity.INFO, Category.BUILD, Fixability.NONE,
                List.of("DL3057"), "x", false);
        RuleMeta normal = TestRules.APT_PIN;
        assertThat(Config.defaults().isEnabled(optIn)).isFalse();
        assertThat(Config.defaults().isEnabled(normal)).isTrue();
        Config c = new ConfigLoader(ref -> ref.equals("DL3057") ? java.util.Optional.of("DD244") : TestRules.resolve(ref),
                dir, Map.of(), dir.resolve("home")).parse("override:\n  info: [DL3057]\n", ".hadolint.yaml", null, true);
        assertThat(c.isEnabled(optIn)).isTrue();
        Config selected = Config.defaults().withRules(List.of(), List.of("DD244"));
        assertThat(selected.isEnabled(optIn)).isTrue();
        Config ignored = c.withRules(List.of("DD244"), List.of());
        assertThat(ignored.isEnabled(optIn)).isFalse();
    }
}
