package dev.dockdiet.syntax;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the read-only reference material is: {@code ../shared} from the project directory (a
 * clone next to {@code shared/}), or further up for a worktree nested one level deeper.
 */
public final class SharedFiles {

    private SharedFiles() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isDirectory(candidate.resolve("conformance"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/ directory above " + dir);
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
