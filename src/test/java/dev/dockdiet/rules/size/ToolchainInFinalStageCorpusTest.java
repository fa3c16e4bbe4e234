package dev.dockdiet.rules.size;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.lint.DefaultServices;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.size.rewrite.RewriteResult;
import dev.dockdiet.size.rewrite.Rewriter;
import dev.dockdiet.syntax.Corpus;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.NeedsCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * DD102 and the rewrite engine over the real-world corpus: counts, every flagged file with its
 * message, and why rewrites were refused, written to {@code target/dd102-corpus.txt} for reading.
 * Run with {@code mvn -o test -Dtest=ToolchainInFinalStageCorpusTest -Dgroups=corpus -Ddockdiet.corpus=true}.
 */
@Tag("corpus")
@EnabledIfSystemProperty(named = "dockdiet.corpus", matches = "true")
@NeedsCorpus
class ToolchainInFinalStageCorpusTest {

    @Test
    void corpus() throws IOException {
        List<Corpus.Entry> files = Corpus.load();
        ToolchainInFinalStage rule = new ToolchainInFinalStage();
        Rewriter rewriter = new Rewriter();
        StringBuilder report = new StringBuilder();
        int flagged = 0;
        int withFix = 0;
        int rewritten = 0;
        Map<String, Integer> refusals = new TreeMap<>();
        List<String> rewrittenFiles = new ArrayList<>();
        for (Corpus.Entry f : files) {
            Dockerfile df = Dockerfile.parse(f.text());
            // the corpus flattens paths: give rules the file's path in its repository
            Path original = Path.of(f.original());
            RuleContext ctx = new RuleContext(df, original, RuleSettings.defaults(), new IdentityHashMap<>(), DefaultServices::get);
            rule.check(ctx);
            List<Finding> found = ctx.findings();
            if (!found.isEmpty()) {
                flagged++;
                report.append("FLAGGED ").append(f.file()).append('\n');
                for (Finding x : found) {
                    report.append("  ").append(x.range().startLine()).append(':').append(x.range().startColumn())
                            .append(' ').append(x.message()).append(x.fix() != null ? " [fix]" : "").append('\n');
                    if (x.fix() != null) {
                        withFix++;
                        // the fix is a whole-file rewrite into stages that parses cleanly
                        Dockerfile fixed = Dockerfile.parse(x.fix().edits().get(0).text());
                        assertThat(fixed.errors()).as("DD102 fix of %s", f.file()).isEmpty();
                        assertThat(fixed.stages()).as("DD102 fix of %s", f.file()).hasSizeGreaterThanOrEqualTo(2);
                    }
                }
            }
            RewriteResult r = rewriter.rewrite(df);
            if (r.rewritten()) {
                rewritten++;
                rewrittenFiles.add(f.file().toString());
                assertThat(Dockerfile.parse(r.text()).errors()).as("rewrite of %s", f.file()).isEmpty();
            } else {
                String key = r.reason().replaceAll("\\(.*", "").replaceAll("[A-Za-z0-9_./:-]*[:/][A-Za-z0-9_./:-]*", "<x>");
                refusals.merge(key.length() > 90 ? key.substring(0, 90) : key, 1, Integer::sum);
            }
        }
        report.append("\nREWRITTEN\n");
        rewrittenFiles.forEach(x -> report.append("  ").append(x).append('\n'));
        report.append("\nREFUSALS\n");
        refusals.forEach((k, v) -> report.append(String.format("%5d %s%n", v, k)));
        String summary = String.format("files %d, DD102 flagged %d (findings with fix %d), rewritable %d%n", files.size(),
                flagged, withFix, rewritten);
        report.insert(0, summary);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/dd102-corpus.txt"), report.toString());
        System.out.print(summary);
        assertThat(files).hasSizeGreaterThan(2000);
        // the rule fires on real files and the engine rewrites some of them (counts in the summary)
        assertThat(flagged).isPositive();
        assertThat(rewritten).isPositive();
        assertThat(withFix).isPositive();
    }
}
