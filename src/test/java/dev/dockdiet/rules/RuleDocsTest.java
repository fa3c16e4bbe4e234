package dev.dockdiet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.lint.Linter;
import dev.dockdiet.syntax.Dockerfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The docs pages under {@code rules/} and the rules' metadata cannot drift apart: every rule has
 * its page, every page its rule, the header states the metadata, and each page's bad examples
 * trigger the rule while its good examples do not.
 */
class RuleDocsTest {

    static final Path DOCS = Path.of("rules");
    /** Build contexts for the examples of rules that read one: {@code <dir>/<rule id>/}. */
    static final Path CONTEXTS = Path.of("src", "test", "resources", "rule-contexts");
    private static final Pattern BLOCK = Pattern.compile("```dockerfile (bad|good)([^\\n]*)\\n(.*?)```", Pattern.DOTALL);
    static final List<String> SECTIONS = List.of("## What it does", "## Why it matters", "## Example", "## Use instead",
            "## Fix", "## Suppress");


    @Test
    void everyRuleHasAPageAndEveryPageARule() throws IOException {
        Set<String> pages;
        try (Stream<Path> s = Files.list(DOCS)) {
            pages = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("DD\\d{3}-.*\\.md"))
                    .collect(Collectors.toSet());
        }
        Set<String> expected = Rules.metas().stream().map(RuleMeta::docFile).collect(Collectors.toSet());
        assertThat(pages).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void idsAndNamesAreUnique() {
        List<RuleMeta> metas = Rules.metas();
        assertThat(metas.stream().map(RuleMeta::id).distinct().count()).isEqualTo(metas.size());
        assertThat(metas.stream().map(RuleMeta::name).distinct().count()).isEqualTo(metas.size());
    }

    @TestFactory
    Stream<DynamicTest> pagesMatchMetadataAndTheirExamplesRun() {
        return Rules.metas().stream().map(meta -> DynamicTest.dynamicTest(meta.id() + " " + meta.name(), () -> {
            String page = Files.readString(DOCS.resolve(meta.docFile()));
            assertThat(page).startsWith("# " + meta.id() + " " + meta.name() + "\n");
            String header = "**Severity:** " + meta.severity().label() + " · **Category:** "
                    + meta.category().name().toLowerCase(Locale.ROOT) + " · **Fix:** " + fixWord(meta)
                    + " · **Aliases:** " + (meta.aliases().isEmpty() ? "none" : String.join(", ", meta.aliases()));
            assertThat(page).as("metadata line").contains(header);
            assertThat(page).as("summary").contains(meta.summary());
            for (String s : SECTIONS) {
                assertThat(page).as("section %s", s).contains("\n" + s + "\n");
            }
            Rule rule = Rules.all().stream().filter(r -> r.meta().id().equals(meta.id())).findFirst().orElse(null);
            Matcher m = BLOCK.matcher(page);
            List<String> bad = new ArrayList<>();
            List<String> good = new ArrayList<>();
            List<RuleSettings> badSettings = new ArrayList<>();
            List<RuleSettings> goodSettings = new ArrayList<>();
            while (m.find()) {
                (m.group(1).equals("bad") ? bad : good).add(m.group(3));
                (m.group(1).equals("bad") ? badSettings : goodSettings).add(settings(m.group(2)));
            }
            assertThat(bad).as("bad examples").isNotEmpty();
            assertThat(good).as("good examples").isNotEmpty();
            if (page.contains("**Checked by:** `dockdiet image`")) {
                return; // measured in a built image (integration tests), not found by linting
            }
            for (int i = 0; i < bad.size(); i++) {
                assertThat(run(meta, rule, bad.get(i), badSettings.get(i)))
                        .as("bad example must trigger %s:%n%s", meta.id(), bad.get(i)).isNotEmpty();
            }
            for (int i = 0; i < good.size(); i++) {
                assertThat(run(meta, rule, good.get(i), goodSettings.get(i)))
                        .as("good example must not trigger %s:%n%s", meta.id(), good.get(i)).isEmpty();
            }
        }));
    }

    static String fixWord(RuleMeta meta) {
        return switch (meta.fixable()) {
            case NONE -> "none";
            case SOMETIMES -> "sometimes";
            case ALWAYS -> "always";
        };
    }

    /**
     * Settings an example runs with, from the rest of its fence line: {@code trusted-registries=a,b}
     * {@code allowed-base-images=x,y}, {@code label-schema=label:type,...} and {@code strict-labels}
     * (for rules that only act on configuration).
     */
    static RuleSettings settings(String info) {
        List<String> registries = List.of();
        List<String> bases = List.of();
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        boolean strict = false;
        for (String part : info.trim().split("\\s+")) {
            if (part.startsWith("label-schema=")) {
                for (String lt : part.substring("label-schema=".length()).split(",")) {
                    int c = lt.lastIndexOf(':');
                    labels.put(lt.substring(0, c), lt.substring(c + 1));
                }
            } else if (part.equals("strict-labels")) {
                strict = true;
            } else if (part.startsWith("trusted-registries=")) {
                registries = List.of(part.substring("trusted-registries=".length()).split(","));
            } else if (part.startsWith("allowed-base-images=")) {
                bases = List.of(part.substring("allowed-base-images=".length()).split(","));
            } else if (!part.isEmpty()) {
                throw new IllegalArgumentException("unknown example setting: " + part);
            }
        }
        return new RuleSettings(registries, bases, null, null).withLabels(labels, strict);
    }

    /** Runs one rule (or, for the linter's own rules, the whole linter) on an example. */
    private static List<Finding> run(RuleMeta meta, Rule rule, String code, RuleSettings settings) {
        if (rule != null) {
            Path context = CONTEXTS.resolve(meta.id());
            if (Files.isDirectory(context)) {
                settings = settings.withContextDir(context); // rules that read the build context (DD121)
            }
            RuleContext ctx = new RuleContext(Dockerfile.parse(code), null, settings,
                    new IdentityHashMap<>(), DocsServices::get);
            rule.check(ctx);
            return ctx.findings();
        }
        Linter.Result r = new Linter(Rules.all(), DocsServices::get).lint(code, null, "Dockerfile",
                dev.dockdiet.config.Config.defaults(), settings, null);
        return r.findings().stream().filter(f -> f.rule().id().equals(meta.id())).toList();
    }
}
