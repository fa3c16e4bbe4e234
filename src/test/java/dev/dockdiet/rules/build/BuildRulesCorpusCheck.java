package dev.dockdiet.rules.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.syntax.Dockerfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the build rules over the shared corpus and writes, per rule, how many files it flags and
 * every finding (file:line:col message) to {@code target/corpus-build-rules.txt}, for reading.
 * Not part of the default run (the class name does not match surefire's includes): run it with
 * {@code mvn -o test -Dtest=BuildRulesCorpusCheck -Dgroups=corpus}.
 */
@Tag("corpus")
class BuildRulesCorpusCheck {

    private static final Path CORPUS = Path.of("..", "..", "shared", "corpus", "files");

    @Test
    void corpus() throws IOException {
        Path root = Files.isDirectory(CORPUS) ? CORPUS : Path.of("/work/shared/corpus/files");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Map<String, Integer> flagged = new TreeMap<>();
        Map<String, StringBuilder> details = new TreeMap<>();
        for (Rule r : BuildRules.all()) {
            flagged.put(r.meta().id() + " " + r.meta().name(), 0);
            details.put(r.meta().id() + " " + r.meta().name(), new StringBuilder());
        }
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            Dockerfile df = Dockerfile.parse(text);
            IdentityHashMap<dev.dockdiet.syntax.Instruction.Run, dev.dockdiet.shell.ShellScript> cache = new IdentityHashMap<>();
            for (Rule r : BuildRules.all()) {
                RuleContext ctx = new RuleContext(df, f, RuleSettings.defaults(), cache, t -> null);
                r.check(ctx);
                String key = r.meta().id() + " " + r.meta().name();
                if (!ctx.findings().isEmpty()) {
                    flagged.merge(key, 1, Integer::sum);
                }
                for (Finding x : ctx.findings()) {
                    details.get(key).append(root.relativize(f)).append(':').append(x.range().startLine()).append(':')
                            .append(x.range().startColumn()).append(' ').append(x.message())
                            .append(x.fix() != null ? " [fix " + x.fix().applicability().label() + "]" : "")
                            .append("\n    | ").append(df.lineText(x.range().startLine()).strip()).append('\n');
                }
            }
        }
        Path out = Path.of("target", "corpus-build-rules.txt");
        Files.createDirectories(out.getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.println(files.size() + " files");
            flagged.forEach((k, v) -> w.println(k + ": " + v + " files"));
            details.forEach((k, v) -> {
                w.println();
                w.println("== " + k);
                w.print(v);
            });
        }
        assertThat(files).isNotEmpty();
    }
}
