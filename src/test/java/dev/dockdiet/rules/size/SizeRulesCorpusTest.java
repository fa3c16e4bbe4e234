package dev.dockdiet.rules.size;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.lint.DefaultServices;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.syntax.Dockerfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs the size rules over the shared corpus and writes, per rule, how many files it flags and every
 * finding (to {@code target/size-corpus.txt}) for reading. Run with {@code -Dgroups=corpus}.
 */
@Tag("corpus")
@EnabledIfSystemProperty(named = "groups", matches = ".*corpus.*")
class SizeRulesCorpusTest {

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
        // the original repository paths (the files are stored flattened), as the CLI would see them
        Map<String, Path> original = new java.util.HashMap<>();
        for (String line : Files.readAllLines(root.resolveSibling("manifest.tsv"))) {
            String[] f = line.split("\t");
            if (f.length > 3 && !f[0].equals("repo")) {
                original.put(f[3], Path.of(f[0], f[2]));
            }
        }
        Map<String, Integer> flagged = new TreeMap<>();
        Map<String, Integer> total = new TreeMap<>();
        StringBuilder out = new StringBuilder();
        for (Path p : files) {
            String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            Dockerfile df = Dockerfile.parse(text);
            Map<dev.dockdiet.syntax.Instruction.Run, dev.dockdiet.shell.ShellScript> scripts = new IdentityHashMap<>();
            for (Rule r : SizeRules.all()) {
                Path orig = original.get(root.getParent().relativize(p).toString());
                RuleContext ctx = new RuleContext(df, orig, RuleSettings.defaults(), scripts, DefaultServices::get);
                r.check(ctx);
                List<Finding> f = new ArrayList<>(ctx.findings());
                if (!f.isEmpty()) {
                    flagged.merge(r.meta().id(), 1, Integer::sum);
                    total.merge(r.meta().id(), f.size(), Integer::sum);
                    for (Finding x : f) {
                        out.append(r.meta().id()).append('\t').append(root.relativize(p)).append(':')
                                .append(x.range().startLine()).append(':').append(x.range().startColumn()).append('\t')
                                .append(x.severity().label()).append('\t').append(x.message())
                                .append(x.fix() != null ? "\t[fix]" : "").append('\n');
                    }
                }
            }
        }
        // every suggested fix must converge and leave a file that parses as well as before
        int fixed = 0;
        for (String line : out.toString().split("\n")) {
            if (!line.endsWith("[fix]")) {
                continue;
            }
            String rel = line.split("\t")[1];
            Path p = root.resolve(rel.substring(0, rel.indexOf(':')));
            String text = Files.readString(p);
            dev.dockdiet.fix.Fixer.Result r = dev.dockdiet.fix.Fixer.fixUntilStable(text, t -> {
                Dockerfile d = Dockerfile.parse(t);
                List<Finding> all = new ArrayList<>();
                for (Rule rule : SizeRules.all()) {
                    RuleContext c = new RuleContext(d, null, RuleSettings.defaults(), new IdentityHashMap<>(),
                            DefaultServices::get);
                    rule.check(c);
                    all.addAll(c.findings());
                }
                return all;
            }, dev.dockdiet.rule.Applicability.SUGGESTED, 5);
            assertThat(r.converged()).as("fixes converge on %s", rel).isTrue();
            assertThat(Dockerfile.parse(r.text()).errors().size()).as("fixed %s parses", rel)
                    .isLessThanOrEqualTo(Dockerfile.parse(text).errors().size());
            fixed++;
        }
        StringBuilder summary = new StringBuilder("files: " + files.size() + ", fixes checked: " + fixed + "\n");
        flagged.forEach((id, n) -> summary.append(id).append(": ").append(n).append(" files, ")
                .append(total.get(id)).append(" findings\n"));
        Files.writeString(Path.of("target", "size-corpus.txt"), summary + "\n" + out);
        assertThat(files).isNotEmpty();
    }
}
