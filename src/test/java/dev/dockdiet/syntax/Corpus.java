package dev.dockdiet.syntax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real-world Dockerfiles in {@code shared/corpus} (listed in manifest.tsv). Not part of this
 * repository: a test that reads it is annotated {@link NeedsCorpus}.
 */
public final class Corpus {

    /**
     * One file: its path relative to the corpus directory, its text (UTF-8, bad bytes replaced),
     * and where it lives in its repository ({@code owner/repo/path/Dockerfile}; the corpus stores
     * the files flattened, and rules that look at the path should see the original).
     */
    public record Entry(String file, String text, long bytes, String original) {
    }

    private Corpus() {
    }

    public static Path dir() {
        return SharedFiles.corpus().orElseThrow(() -> new IllegalStateException(
                "no shared/corpus above " + Path.of("").toAbsolutePath() + " (tests that read it are annotated @NeedsCorpus)"));
    }

    public static List<Entry> load() {
        Path dir = dir();
        try {
            List<String> rows = Files.readAllLines(dir.resolve("manifest.tsv"), StandardCharsets.UTF_8);
            List<String> header = List.of(rows.get(0).split("\t"));
            int col = header.indexOf("local_file");
            int repo = header.indexOf("repo");
            int path = header.indexOf("path");
            List<Entry> out = new ArrayList<>();
            for (String row : rows.subList(1, rows.size())) {
                if (row.isBlank()) {
                    continue;
                }
                String[] cells = row.split("\t");
                String file = cells[col];
                byte[] b = Files.readAllBytes(dir.resolve(file));
                out.add(new Entry(file, new String(b, StandardCharsets.UTF_8), b.length, cells[repo] + "/" + cells[path]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
