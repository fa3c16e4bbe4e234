package dev.dockdiet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.size.engine.Sizes;
import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.SourceRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigParserTest {

    @TempDir
    Path dir;

    private Config load(String yaml) throws IOException {
        Path f = dir.resolve(".dockdiet.yaml");
        Files.writeString(f, yaml);
        return new ConfigLoader(TestRules::resolve, dir, Map.of(), dir.resolve("home")).load(f);
    }

    private void assertError(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void fullConfigIsRead() throws IOException {
        Config c = load("""
                # project settings
                ignore: [DL3008, shell-form-command]
                select:
                  - DD101
                  - DD112
                severity:
                  oversized-base: error
                  DL3015: off
                trustedRegistries: [docker.io, "*.gcr.io"]
                allowedBaseImages: ["node:*-slim", "gcr.io/distroless/*"]
                sizeBudget: 200MB
                failOn: warning
                exclude: [vendor/, "**/testdata/*.Dockerfile"]
                images:
                  - name: registry.corp/base/java
                    tags: ["17*", latest]
                    bytes: 180MiB
                    kind: compressed
                    source: internal registry UI
                    asOf: 2025-03-01
                    alternatives: [registry.corp/base/java-jre:17]
                """);
        assertThat(c.dialect()).isEqualTo(Config.Dialect.DOCKDIET);
        assertThat(c.ignore()).containsExactly("DD204", "DD214");
        assertThat(c.select()).containsExactly("DD101", "DD112");
        assertThat(c.severity()).containsExactly(Map.entry("DD101", RuleLevel.ERROR), Map.entry("DD112", RuleLevel.OFF));
        assertThat(c.trustedRegistries()).containsExactly("docker.io", "*.gcr.io");
        assertThat(c.allowedBaseImages()).containsExactly("node:*-slim", "gcr.io/distroless/*");
        assertThat(c.sizeBudget()).hasValue(200_000_000L);
        assertThat(c.failOn()).contains(FailOn.WARNING);
        assertThat(c.exclude()).containsExactly("vendor/", "**/testdata/*.Dockerfile");
        assertThat(c.baseDir()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(c.images()).hasSize(1);
        ImageEntry img = c.images().get(0);
        assertThat(img.name()).isEqualTo("registry.corp/base/java");
        assertThat(img.tags()).containsExactly("17*", "latest");
        assertThat(img.bytes()).isEqualTo(180L * 1024 * 1024);
        assertThat(img.kind()).isEqualTo(Savings.SizeKind.COMPRESSED);
        assertThat(img.source()).isEqualTo("internal registry UI");
        assertThat(img.asOf()).isEqualTo("2025-03-01");
        assertThat(img.alternatives()).containsExactly("registry.corp/base/java-jre:17");
        assertThat(img.origin()).isEqualTo(".dockdiet.yaml:15:5");
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void emptyOrCommentOnlyFileIsDefaults() throws IOException {
        for (String yaml : List.of("", "\n\n", "# nothing yet\n", "---\n")) {
            Config c = load(yaml);
            assertThat(c.ignore()).isEmpty();
            assertThat(c.failOn()).isEmpty();
            assertThat(c.sizeBudget()).isEmpty();
            assertThat(c.file()).isEqualTo(dir.resolve(".dockdiet.yaml").toAbsolutePath());
        }
    }

    @Test
    void keyWithoutValueIsUnset() throws IOException {
        Config c = load("ignore:\nfailOn:\n");
        assertThat(c.ignore()).isEmpty();
        assertThat(c.failOn()).isEmpty();
    }

    @Test
    void singleValueWhereAListIsExpected() throws IOException {
        assertThat(load("ignore: DD101\n").ignore()).containsExactly("DD101");
    }

    @Test
    void unknownTopLevelKeySuggestsTheRightOne() {
        assertError("failOn: error\nignor: [DD101]\n", ".dockdiet.yaml:2:1: unknown key 'ignor' (did you mean 'ignore'?)");
        assertError("fail-on: error\n", ".dockdiet.yaml:1:1: unknown key 'fail-on' (did you mean 'failOn'?)");
        assertError("colour: red\n", ".dockdiet.yaml:1:1: unknown key 'colour'");
    }

    @Test
    void unknownNestedKeyNamesItsColumn() {
        assertError("""
                images:
                  - name: corp/java
                    bytes: 1GB
                    knid: compressed
                """, ".dockdiet.yaml:4:5: unknown key 'knid' in an image entry (did you mean 'kind'?)");
    }

    @Test
    void unknownRuleIsAnErrorAtTheRule() {
        assertError("ignore:\n  - DD101\n  - DL9999\n", ".dockdiet.yaml:3:5: unknown rule 'DL9999' in 'ignore'");
        assertError("severity:\n  nope: error\n", ".dockdiet.yaml:2:3: unknown rule 'nope' in 'severity'");
    }

    @Test
    void badValuesAreErrorsAtTheValue() {
        assertError("severity:\n  DD101: fatal\n",
                ".dockdiet.yaml:2:10: bad severity 'fatal' for 'DD101' (use error, warning, info, style or off)");
        assertError("failOn: sometimes\n",
                ".dockdiet.yaml:1:9: bad value 'sometimes' for 'failOn' (use error, warning, info, style or none)");
        assertError("sizeBudget: 200XB\n", ".dockdiet.yaml:1:13: bad size for 'sizeBudget': unknown size unit 'XB' in "
                + "'200XB' (use B, kB, MB, GB, TB, KiB, MiB, GiB or TiB)");
        assertError("sizeBudget: 0\n", ".dockdiet.yaml:1:13: 'sizeBudget' must be more than 0 bytes");
        assertError("severity: [DD101]\n",
                ".dockdiet.yaml:1:11: 'severity' must map rules to error, warning, info, style or off");
        assertError("ignore: {DD101: true}\n", ".dockdiet.yaml:1:9: 'ignore' must be a list");
        assertError("exclude: [\"build/[abc\"]\n",
                ".dockdiet.yaml:1:11: bad pattern 'build/[abc' in 'exclude': '[' at position 7 is not closed");
        assertError("failOn: [error]\n", ".dockdiet.yaml:1:9: 'failOn' must be a single value");
    }

    @Test
    void imageEntriesAreValidated() {
        assertError("images:\n  - name: corp/java:17\n", ".dockdiet.yaml:2:11: 'name' takes the image name without tag or "
                + "digest; put tags under 'tags'");
        assertError("images:\n  - name: corp/java\n    bytes: 10MB\n    kind: compressed\n",
                ".dockdiet.yaml:2:5: image entry lacks 'asOf'");
        assertError("images:\n  - name: corp/java\n    asOf: 31.01.2025\n",
                ".dockdiet.yaml:3:11: bad date '31.01.2025' for 'asOf' (use YYYY-MM-DD)");
        assertError("images:\n  - name: corp/java\n    kind: zipped\n",
                ".dockdiet.yaml:3:11: bad value 'zipped' for 'kind' (use compressed or uncompressed)");
        assertError("images: corp/java\n",
                ".dockdiet.yaml:1:9: 'images' must be a list of entries (name, tags, bytes, kind, source, asOf, alternatives)");
    }

    @Test
    void imageSourceDefaultsToTheConfigLocation() throws IOException {
        Config c = load("images:\n  - name: corp/java\n    bytes: 1000\n    kind: uncompressed\n    asOf: 2025-01-31\n");
        assertThat(c.images().get(0).source()).isEqualTo("config: .dockdiet.yaml:2:5");
        assertThat(c.images().get(0).tags()).containsExactly("*");
    }

    @Test
    void duplicateKeysAreErrors() {
        assertError("ignore: [DD101]\nfailOn: error\nignore: [DD204]\n",
                ".dockdiet.yaml:3:1: duplicate key 'ignore' (first at 1:1)");
    }

    @Test
    void yamlSyntaxErrorsHaveAPosition() {
        assertThatThrownBy(() -> load("ignore: [DD101\nfailOn: error\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".dockdiet.yaml:")
                .hasMessageContaining("not valid YAML")
                .satisfies(e -> assertThat(((ConfigException) e).line()).isGreaterThan(0));
        assertThatThrownBy(() -> load("ignore:\n\t- DD101\n"))
                .hasMessageStartingWith(".dockdiet.yaml:2:1: not valid YAML");
    }

    @Test
    void topLevelMustBeAMapping() {
        assertError("- DD101\n", ".dockdiet.yaml:1:1: expected a mapping of settings (key: value) at the top of the file");
    }

    @Test
    void missingExplicitFile() {
        ConfigLoader loader = new ConfigLoader(TestRules::resolve, dir, Map.of(), dir);
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(ConfigException.class).hasMessage("nope.yaml: config file not found");
    }

    @ParameterizedTest
    @CsvSource({
        "200MB, 200000000", "200 MB, 200000000", "1.5GB, 1500000000", "512kB, 512000", "512KB, 512000",
        "1KiB, 1024", "2MiB, 2097152", "1GiB, 1073741824", "1048576, 1048576", "10B, 10", "1.5 gib, 1610612736",
        "1TB, 1000000000000"
    })
    void sizes(String text, long bytes) {
        assertThat(Sizes.parse(text)).isEqualTo(bytes);
    }

    // one parser for config and CLI (size.engine.Sizes): "1.5" is a fraction of a byte, not 2 bytes
    @ParameterizedTest
    @CsvSource({"200XB", "MB", "-1MB", "1.5", "'1,5MB'", "''"})
    void badSizes(String text) {
        assertThatThrownBy(() -> Sizes.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configDecidesWhichRulesRunAndTheirSeverity() throws IOException {
        Config c = load("ignore: [DD204]\nseverity:\n  DD101: error\n  DD214: off\n");
        assertThat(c.isEnabled("DD101")).isTrue();
        assertThat(c.isEnabled("DD204")).isFalse();
        assertThat(c.isEnabled("DD214")).isFalse();
        assertThat(c.isEnabled("DD112")).isTrue();

        SourceRange r = new SourceRange(0, 4, 1, 1, 1, 5);
        List<Finding> out = c.apply(List.of(new Finding(TestRules.OVERSIZED_BASE, "big", r),
                new Finding(TestRules.APT_PIN, "pin", r), new Finding(TestRules.JSON_ARGS, "json", r),
                new Finding(TestRules.APT_RECOMMENDS, "rec", r)));
        assertThat(out).extracting(f -> f.rule().id() + ":" + f.severity().label())
                .containsExactly("DD101:error", "DD112:warning");

        Config selected = load("select: [DD101, DD204]\nignore: [DD204]\n");
        assertThat(selected.isEnabled("DD101")).isTrue();
        assertThat(selected.isEnabled("DD204")).isFalse();
        assertThat(selected.isEnabled("DD112")).isFalse();
    }

    @Test
    void excludeGlobsAreRelativeToTheConfigDirectory() throws IOException {
        Config c = load("exclude: [vendor/, \"/build/*.Dockerfile\", \"**/testdata/**\", \"Dockerfile.{old,bak}\"]\n");
        assertThat(c.isExcluded(dir.resolve("vendor/x/Dockerfile"))).isTrue();
        assertThat(c.isExcluded(dir.resolve("a/vendor/Dockerfile"))).isTrue();
        assertThat(c.isExcluded(dir.resolve("vendor"))).isFalse(); // "vendor/" is for directories
        assertThat(c.isExcluded(dir.resolve("build/app.Dockerfile"))).isTrue();
        assertThat(c.isExcluded(dir.resolve("sub/build/app.Dockerfile"))).isFalse();
        assertThat(c.isExcluded(dir.resolve("a/b/testdata/c/Dockerfile"))).isTrue();
        assertThat(c.isExcluded(dir.resolve("deep/Dockerfile.bak"))).isTrue();
        assertThat(c.isExcluded(dir.resolve("Dockerfile"))).isFalse();
        assertThat(c.isExcluded(dir.getParent().resolve("vendor/Dockerfile"))).isFalse();
    }

    @Test
    void baseImagePatterns() throws IOException {
        Config c = load("allowedBaseImages: [\"node:*-slim\", \"gcr.io/distroless/*\", \"docker.io/library/alpine\", "
                + "\"corp.io/base/*:1.?\"]\n");
        assertThat(allows(c, "node:20-slim")).isTrue();
        assertThat(allows(c, "docker.io/library/node:20-bookworm-slim")).isTrue();
        assertThat(allows(c, "node:20")).isFalse();
        assertThat(allows(c, "node")).isFalse();
        assertThat(allows(c, "gcr.io/distroless/static-debian12:nonroot")).isTrue();
        assertThat(allows(c, "gcr.io/other/static")).isFalse();
        assertThat(allows(c, "alpine:3.20")).isTrue();
        assertThat(allows(c, "alpine")).isTrue();
        assertThat(allows(c, "corp.io/base/jre:1.8")).isTrue();
        assertThat(allows(c, "corp.io/base/jre:1.10")).isFalse();
        assertThat(allows(Config.defaults(), "anything:1")).isTrue();
    }

    @Test
    void trustedRegistriesUseHadolintWildcards() throws IOException {
        Config c = load("trustedRegistries: [docker.io, \"*.gcr.io\", \"my-company.com:*\"]\n");
        // as the rules see them (DD303 untrusted-registry asks rule.ImagePolicy)
        List<String> trusted = c.trustedRegistries();
        assertThat(dev.dockdiet.rule.ImagePolicy.trustsRegistry(trusted, "docker.io")).isTrue();
        assertThat(dev.dockdiet.rule.ImagePolicy.trustsRegistry(trusted, "eu.gcr.io")).isTrue();
        assertThat(dev.dockdiet.rule.ImagePolicy.trustsRegistry(trusted, "gcr.io")).isFalse();
        assertThat(dev.dockdiet.rule.ImagePolicy.trustsRegistry(trusted, "my-company.com:5000")).isTrue();
        assertThat(dev.dockdiet.rule.ImagePolicy.trustsRegistry(trusted, "quay.io")).isFalse();
    }

    @Test
    void failOnThreshold() {
        assertThat(FailOn.WARNING.failsOn(Severity.ERROR)).isTrue();
        assertThat(FailOn.WARNING.failsOn(Severity.WARNING)).isTrue();
        assertThat(FailOn.WARNING.failsOn(Severity.INFO)).isFalse();
        assertThat(FailOn.STYLE.failsOn(Severity.STYLE)).isTrue();
        assertThat(FailOn.NONE.failsOn(Severity.ERROR)).isFalse();
    }

    /** The check DD304 disallowed-base-image makes with the config's list (rule.ImagePolicy). */
    private static boolean allows(Config c, String ref) {
        return c.allowedBaseImages().isEmpty() || dev.dockdiet.rule.ImagePolicy.allowsBaseImage(c.allowedBaseImages(), ref,
                dev.dockdiet.syntax.ImageRef.parse(ref));
    }
}
