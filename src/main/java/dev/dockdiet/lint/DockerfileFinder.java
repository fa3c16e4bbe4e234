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
 * Finds Dockerfiles under a directory (names: {@link #isDockerfileName}), skipping {@code .git},
 * {@code node_modules}, {@code target} and what {@code .gitignore} files ignore. Sorted, so reports
 * come out in a stable order.
 */
public final class DockerfileFinder {

    private static final Set<String> SKIP = Set.of(".git", "node_modules", "target", ".hg", ".svn");

    private DockerfileFinder() {
    }

    /** Extensions of files named like Dockerfiles that are documentation, templates or ignore files. */
    private static final Set<String> NOT_DOCKERFILE = Set.of("dockerignore", "md", "markdown", "txt", "rst", "adoc",
            "html", "j2", "jinja", "jinja2", "tpl", "tmpl", "template", "erb", "in", "mustache", "hbs", "gotmpl",
            "orig", "rej", "bak", "swp", "sample", "example", "patch", "diff", "sh", "yml", "yaml", "json", "toml");

    /**
     * What BuildKit and people call a Dockerfile: {@code Dockerfile}, {@code Dockerfile.*}, {@code Dockerfile-*},
     * {@code *.Dockerfile}, {@code *.dockerfile}, {@code Containerfile*}; not {@code *.dockerignore} (BuildKit's
     * per-Dockerfile ignore file) nor documentation and template files ({@code Dockerfile.md}, {@code .j2}, ...).
     * Used for directory discovery only: a file named on the command line is always linted.
     */
    public static boolean isDockerfileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean named = lower.equals("dockerfile") || name.startsWith("Dockerfile.") || name.startsWith("Dockerfile-")
                || name.startsWith("Containerfile") || lower.endsWith(".dockerfile");
        if (!named) {
            return false;
        }
        int dot = lower.lastIndexOf('.');
        if (dot > 0 && !lower.endsWith(".dockerfile")) {
            return !NOT_DOCKERFILE.contains(lower.substring(dot + 1));
        }
        return true;
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
