package dev.dockdiet.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.config.Config;
import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A big file's rules are checked on several threads ({@link dev.dockdiet.syntax.Parallel#threadsFor}): the result must be
 * the one of a single thread, finding for finding and in the same order, whatever the interleaving.
 */
class LinterThreadsTest {

    private static final Linter LINTER = new Linter(dev.dockdiet.rules.Rules.all(), DefaultServices::get);

    private static Linter.Result lint(Linter linter, String text) {
        return linter.lint(text, Path.of("Dockerfile"), "Dockerfile", Config.defaults(), RuleSettings.defaults(), null);
    }

    static void assertSameAsOneThread(String text, Linter parallel) {
        Linter.Result one = lint(LINTER.withThreads(1), text);
        Linter.Result many = lint(parallel, text);
        assertThat(many.failures()).isEqualTo(one.failures()).isEmpty();
        assertThat(many.findings()).isEqualTo(one.findings());
        assertThat(many.size()).isEqualTo(one.size());
    }

    @Test
    void everyFixtureGivesTheSameFindingsOnFourThreads() throws IOException {
        List<String> files = Fixtures.dockerfiles();
        assertThat(files).hasSizeGreaterThan(50);
        for (String text : files) {
            assertSameAsOneThread(text, LINTER.withThreads(4));
        }
    }

    @Test
    void aBigFileIsCheckedOnSeveralThreadsWithTheSameFindings() throws IOException {
        // every fixture's instructions, repeated until the file is over the threshold: many stages,
        // many RUNs, and rules that look across them (later use, stage graph, duplicate names)
        StringBuilder big = new StringBuilder();
        List<String> files = Fixtures.dockerfiles();
        while (big.length() < dev.dockdiet.syntax.Parallel.MIN_CHARS + 1) {
            for (String f : files) {
                if (!f.startsWith("#") && !f.contains("\\`") && !f.startsWith("\uFEFF")) { // no escape directive mid-file
                    big.append(f).append('\n');
                }
            }
        }
        String text = big.toString();
        assertThat(dev.dockdiet.syntax.Parallel.threadsFor(text)).isEqualTo(Math.min(Runtime.getRuntime().availableProcessors(), 8));
        assertSameAsOneThread(text, LINTER);
        assertSameAsOneThread(text, LINTER.withThreads(3));
    }

    @Test
    void aRuleThatThrowsOnAHelperThreadIsThatRulesFailureOnly() {
        RuleMeta boomMeta = new RuleMeta("DD299", "boom", Severity.ERROR, Category.BUILD, Fixability.NONE, List.of(),
                "throws");
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rules.add(new Rule() {
                @Override
                public RuleMeta meta() {
                    return boomMeta;
                }

                @Override
                public void check(RuleContext context) {
                    throw new IllegalStateException("boom");
                }
            });
        }
        rules.addAll(dev.dockdiet.rules.Rules.all());
        Linter linter = new Linter(rules, DefaultServices::get).withThreads(4);
        Linter.Result r = lint(linter, "FROM node:18\nRUN npm install\n");
        assertThat(r.failures()).hasSize(8).allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("DD299");
            assertThat(f.error()).hasMessage("boom");
        });
        assertThat(r.findings()).extracting(f -> f.rule().id()).contains("DD101");
    }
}
