package dev.dockdiet.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.config.Config;
import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.syntax.Corpus;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.NeedsCorpus;
import dev.dockdiet.syntax.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every rule over the 2,284 real Dockerfiles of the corpus: no rule may throw, and applying every
 * fix (safe and suggested) must converge and leave a file that parses as well as the original.
 * Prints how many files each rule flags and writes every finding to
 * {@code target/corpus-findings.txt} for reading (the numbers in the closing notes come from here).
 */
@NeedsCorpus
class LintCorpusTest {

    @Test
    void everyRuleOnEveryCorpusFileWithoutFailureAndFixesConverge() throws IOException {
        List<Corpus.Entry> files = Corpus.load();
        assertThat(files).hasSizeGreaterThan(2000);
        Linter linter = new Linter(dev.dockdiet.rules.Rules.all(), DefaultServices::get);
        Map<String, Integer> flagged = new TreeMap<>();
        Map<String, Integer> total = new TreeMap<>();
        StringBuilder findings = new StringBuilder();
        List<String> failures = new ArrayList<>();
        int fixedFiles = 0;
        int refused = 0;
        StringBuilder refusals = new StringBuilder();
        for (Corpus.Entry e : files) {
            String text = e.text().startsWith("\uFEFF") ? e.text().substring(1) : e.text();
            // rules see the path the file has in its repository, as the CLI would give it
            Path path = Path.of(e.original());
            Linter.Result r = linter.lint(text, path, e.original(), Config.defaults(), RuleSettings.defaults(), null);
            for (Linter.RuleFailure rf : r.failures()) {
                failures.add(e.file() + ": " + rf.ruleId() + " threw " + rf.error());
            }
            for (Finding f : r.findings()) {
                total.merge(f.rule().id(), 1, Integer::sum);
                findings.append(f.rule().id()).append('\t').append(e.file()).append(':').append(f.range().startLine())
                        .append(':').append(f.range().startColumn()).append('\t').append(f.severity().label())
                        .append('\t').append(f.message()).append(f.fix() != null ? "\t[fix]" : "").append('\n');
            }
            r.findings().stream().map(x -> x.rule().id()).distinct().forEach(id -> flagged.merge(id, 1, Integer::sum));
            if (r.findings().stream().anyMatch(x -> x.fix() != null)) {
                // the CLI's loop: every pass re-linted, fixes that add a finding refused
                SafeFixer.Result fixed = SafeFixer.fix(text, t -> lintFindings(linter, t, path), Applicability.SUGGESTED,
                        Linter.MAX_FIX_PASSES);
                refused += fixed.refused().size();
                for (SafeFixer.Refusal rf : fixed.refused()) {
                    refusals.append(rf.finding().rule().id()).append('\t').append(e.file()).append(':')
                            .append(rf.finding().range().startLine()).append('\t').append(rf.reason()).append('\n');
                }
                if (!fixed.converged()) {
                    failures.add(e.file() + ": fixes did not converge");
                } else if (fixed.changed()) {
                    fixedFiles++;
                    long before = errors(text);
                    long after = errors(fixed.text());
                    if (after > before) {
                        failures.add(e.file() + ": fixes introduced " + (after - before) + " syntax error(s)");
                    }
                }
            }
        }
        StringBuilder summary = new StringBuilder("corpus: " + files.size() + " files; files changed by --fix=suggested: "
                + fixedFiles + "; fixes refused (they would add a finding): " + refused + "\n");
        flagged.forEach((id, n) -> summary.append(id).append(": ").append(n).append(" files, ")
                .append(total.get(id)).append(" findings\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "corpus-findings.txt"), summary + "\n" + findings, StandardCharsets.UTF_8);
        // every refused fix with its reason, for review of the fix safety check
        Files.writeString(Path.of("target", "corpus-refusals.txt"), refusals.toString(), StandardCharsets.UTF_8);
        System.out.println("corpus: " + files.size() + " files; files flagged per rule: " + flagged
                + "; files changed by --fix=suggested: " + fixedFiles);
        assertThat(failures).isEmpty();
    }

    private static List<Finding> lintFindings(Linter linter, String text, Path path) {
        return linter.lint(text, path, path.toString(), Config.defaults(), RuleSettings.defaults(), null).findings();
    }

    private static long errors(String text) {
        return Dockerfile.parse(text).problems().stream().filter(Problem::isError).count();
    }
}
