package dev.dockdiet.syntax;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the read-only reference material is: {@code ../shared} from the project directory (a
 * clone next to {@code shared/}, CI), or further up (a worktree nested one level deeper), and
 * otherwise the copy of the parts the tests need in {@code test-fixtures/shared} (a clone on its
 * own). The corpus is not copied: see {@link NeedsCorpus}.
 */
public final class SharedFiles {

    /** The in-repository copy, relative to the project directory (the tests' working directory). */
    public static final Path MIRROR = Path.of("test-fixtures", "shared");

    private SharedFiles() {
    }

    /** The full {@code shared/} folder above the project directory, if there is one. */
    public static Optional<Path> full() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isDirectory(candidate.resolve("conformance"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * A file or folder of the reference material: from {@code ../shared} when present, else from
     * the in-repository copy. Fails (never skips) when neither has it.
     */
    public static Path resolve(String relative) {
        Optional<Path> full = full().map(p -> p.resolve(relative)).filter(Files::exists);
        if (full.isPresent()) {
            return full.get();
        }
        Path mirrored = MIRROR.resolve(relative).toAbsolutePath();
        if (Files.exists(mirrored)) {
            return mirrored;
        }
        throw new IllegalStateException(relative + " is neither in a shared/ directory above "
                + Path.of("").toAbsolutePath() + " nor in " + MIRROR);
    }

    /** The corpus folder ({@code shared/corpus}), present only beside a full {@code shared/}. */
    public static Optional<Path> corpus() {
        return full().map(p -> p.resolve("corpus")).filter(p -> Files.isRegularFile(p.resolve("manifest.tsv")));
    }
}
