package dev.dockdiet.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.config.Config;
import dev.dockdiet.fix.Fixer;
import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule over the 2,284 real Dockerfiles of the corpus: no rule may throw, and applying every
 * fix (safe and suggested) must converge and leave a file that parses as well as the original.
 * Prints how many files each rule flags (the numbers in the closing notes come from here).
 */
class LintCorpusTest {

    static Path corpus() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("shared/corpus/files");
            if (Files.isDirectory(c)) {
                return c;
            }
        }
        throw new IllegalStateException("shared/corpus/files not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void everyRuleOnEveryCorpusFileWithoutFailureAndFixesConverge() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus())) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(2000);
        Linter linter = new Linter(dev.dockdiet.rules.Rules.all(), DefaultServices::get);
        Map<String, Integer> flagged = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int fixedFiles = 0;
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            Linter.Result r = linter.lint(text, f, f.toString(), Config.defaults(), RuleSettings.defaults(), null);
            for (Linter.RuleFailure rf : r.failures()) {
                failures.add(f + ": " + rf.ruleId() + " threw " + rf.error());
            }
            r.findings().stream().map(x -> x.rule().id()).distinct().forEach(id -> flagged.merge(id, 1, Integer::sum));
            if (r.findings().stream().anyMatch(x -> x.fix() != null)) {
                final String original = text;
                Fixer.Result fixed = Fixer.fixUntilStable(text, t -> lintFindings(linter, t, f), Applicability.SUGGESTED, 10);
                if (!fixed.converged()) {
                    failures.add(f + ": fixes did not converge");
                } else if (fixed.changed()) {
                    fixedFiles++;
                    long before = errors(original);
                    long after = errors(fixed.text());
                    if (after > before) {
                        failures.add(f + ": fixes introduced " + (after - before) + " syntax error(s)");
                    }
                }
            }
        }
        System.out.println("corpus: " + files.size() + " files; files flagged per rule: " + flagged
                + "; files changed by --fix=suggested: " + fixedFiles);
        assertThat(failures).isEmpty();
    }

    private static List<Finding> lintFindings(Linter linter, String text, Path f) {
        return linter.lint(text, f, f.toString(), Config.defaults(), RuleSettings.defaults(), null).findings();
    }

    private static long errors(String text) {
        return Dockerfile.parse(text).problems().stream().filter(Problem::isError).count();
    }
}
