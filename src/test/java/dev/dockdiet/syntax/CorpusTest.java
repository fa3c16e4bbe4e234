package dev.dockdiet.syntax;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Parses all 2,284 real Dockerfiles of the corpus: none may throw, every problem has a range
 * inside the file, and the PARSE/INSTRUCTION problems (DD001) are written to
 * {@code target/corpus-problems.txt}. The files flagged are exactly those listed, with the reason
 * BuildKit rejects each, in {@code test-fixtures/corpus-dd001.md}.
 */
@NeedsCorpus
class CorpusTest {

    @Test
    void everyCorpusFileParsesWithoutException() throws IOException {
        List<Corpus.Entry> files = Corpus.load();
        assertThat(files).hasSize(2284);
        List<String> report = new ArrayList<>();
        Map<String, Integer> byLayer = new TreeMap<>();
        Map<String, List<String>> flagged = new TreeMap<>();
        int warnings = 0;
        for (Corpus.Entry e : files) {
            Dockerfile df;
            try {
                df = Dockerfile.parse(e.text());
            } catch (RuntimeException ex) {
                throw new AssertionError("exception parsing " + e.file(), ex);
            }
            // BuildKit's dump: one line per instruction, each a parenthesised node
            assertThat(AstDump.dump(df).lines().toList()).as(e.file()).hasSize(df.instructions().size())
                    .allMatch(l -> l.startsWith("(") && l.endsWith(")"));
            for (Problem p : df.problems()) {
                SourceRange r = p.range();
                assertThat(r.end()).as("%s %s", e.file(), p).isLessThanOrEqualTo(df.text().length());
                assertThat(r.startLine()).as("%s %s", e.file(), p).isBetween(1, df.lines().lineCount());
                if (!p.isError()) {
                    warnings++;
                    continue;
                }
                byLayer.merge(p.layer().name(), 1, Integer::sum);
                report.add(e.file() + ":" + r.startLine() + ":" + r.startColumn() + ": " + p.layer() + ": " + p.message());
                flagged.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(p.message());
            }
        }
        Path out = Path.of("target", "corpus-problems.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report, StandardCharsets.UTF_8);
        System.out.printf("corpus: %d files, %d with DD001 (%s problems), %d warnings; see %s%n", files.size(),
                flagged.size(), byLayer, warnings, out);

        // the reviewed list: each flagged file with the reason BuildKit rejects it too
        Path reviewed = Path.of("test-fixtures", "corpus-dd001.md");
        List<String> listed = new ArrayList<>();
        for (String line : Files.readAllLines(reviewed, StandardCharsets.UTF_8)) {
            if (line.startsWith("| `files/")) {
                listed.add(line.substring(3, line.indexOf('`', 3)));
            }
        }
        assertThat(listed).as("files listed in %s", reviewed).containsExactlyInAnyOrderElementsOf(flagged.keySet());
    }
}
