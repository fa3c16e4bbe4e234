package dev.dockdiet.lint;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds Dockerfiles under a directory: {@code Dockerfile}, {@code Dockerfile.*}, {@code *.Dockerfile},
 * {@code *.dockerfile}, {@code Containerfile} (and {@code Containerfile.*}), skipping {@code .git},
 * {@code node_modules}, {@code target} and what {@code .gitignore} files ignore. Sorted, so reports
 * come out in a stable order.
 */
public final class DockerfileFinder {

    private static final Set<String> SKIP = Set.of(".git", "node_modules", "target", ".hg", ".svn");

    private DockerfileFinder() {
    }

    public static boolean isDockerfileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.equals("Dockerfile") || name.startsWith("Dockerfile.") || name.equals("Containerfile")
                || name.startsWith("Containerfile.") || lower.endsWith(".dockerfile") || lower.equals("dockerfile");
    }

    public static List<Path> find(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        List<GitIgnore> ignores = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root)) {
                    String name = dir.getFileName().toString();
                    if (SKIP.contains(name) || ignored(dir, true)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }
                Path gi = dir.resolve(".gitignore");
                if (Files.isRegularFile(gi)) {
                    ignores.add(GitIgnore.load(gi));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                ignores.removeIf(g -> g.dir().equals(dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isDockerfileName(file.getFileName().toString()) && !ignored(file, false)) {
                    out.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }

            private boolean ignored(Path p, boolean dir) {
                boolean ignored = false;
                for (GitIgnore g : ignores) {
                    Boolean m = g.match(p, dir);
                    if (m != null) {
                        ignored = m;
                    }
                }
                return ignored;
            }
        });
        out.sort(null);
        return out;
    }
}
