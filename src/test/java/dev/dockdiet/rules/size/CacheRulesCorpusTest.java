package dev.dockdiet.rules.size;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.syntax.Dockerfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The package-cache rules over the real-world corpus ({@code ../shared/corpus/files}): no crash,
 * and per rule the number of files flagged, with every finding written to
 * {@code target/corpus/cache-rules.txt} for reading. Run with
 * {@code mvn -o test -Dgroups=corpus -Dtest=CacheRulesCorpusTest}; never part of the default run.
 */
@Tag("corpus")
@EnabledIfSystemProperty(named = "groups", matches = ".*corpus.*")
class CacheRulesCorpusTest {

    @Test
    void corpus() throws IOException {
        Path root = Path.of("..", "..", "shared", "corpus", "files");
        if (!Files.isDirectory(root)) {
            root = Path.of("/work/shared/corpus/files");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        Map<String, Integer> flagged = new TreeMap<>();
        Map<String, Integer> findings = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Dockerfile df = Dockerfile.parse(text);
            for (Rule r : CacheRules.all()) {
                RuleContext ctx = RuleContext.of(df);
                r.check(ctx);
                List<Finding> got = ctx.findings();
                if (got.isEmpty()) {
                    continue;
                }
                flagged.merge(r.meta().id(), 1, Integer::sum);
                findings.merge(r.meta().id(), got.size(), Integer::sum);
                for (Finding x : got) {
                    lines.add(r.meta().id() + "\t" + root.relativize(f) + ":" + x.range().startLine() + ":"
                            + x.range().startColumn() + "\t" + (x.fix() == null ? "-" : x.fix().applicability().label())
                            + "\t" + df.lineText(x.range().startLine()).trim());
                }
            }
        }
        Path out = Path.of("target", "corpus", "cache-rules.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        StringBuilder summary = new StringBuilder("corpus: " + files.size() + " files\n");
        for (Rule r : CacheRules.all()) {
            String id = r.meta().id();
            summary.append(id).append(' ').append(r.meta().name()).append(": ").append(flagged.getOrDefault(id, 0))
                    .append(" files, ").append(findings.getOrDefault(id, 0)).append(" findings\n");
        }
        Files.writeString(Path.of("target", "corpus", "cache-rules-summary.txt"), summary);
        System.out.print(summary);
    }
}
