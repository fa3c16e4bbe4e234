package dev.dockdiet.size;

import java.util.ArrayList;
import java.util.List;
import dev.dockdiet.syntax.GlobMatcher;

/**
 * The patterns of a {@code .dockerignore} file, matched as the Docker CLI does: paths relative to
 * the context root, {@code *}, {@code ?}, {@code **}, {@code \} escapes, {@code !} exceptions,
 * the last matching pattern decides, and a pattern matching a directory excludes what is in it.
 * Used to pack a build context ({@code measure}) and to judge what {@code COPY .} sends (DD121).
 */
public final class DockerIgnore {

    private record Rule(GlobMatcher pattern, boolean exception, String text) {
    }

    private static final DockerIgnore NONE = new DockerIgnore(List.of());

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The ignore file BuildKit reads for a Dockerfile: its own {@code <name>.dockerignore} beside it,
     * else the context's {@code .dockerignore}; null if neither exists.
     */
    public static java.nio.file.Path fileFor(java.nio.file.Path dockerfile, java.nio.file.Path contextDir) {
        if (dockerfile != null && dockerfile.getFileName() != null) {
            java.nio.file.Path own = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
            if (java.nio.file.Files.isRegularFile(own)) {
                return own;
            }
        }
        java.nio.file.Path p = contextDir.resolve(".dockerignore");
        return java.nio.file.Files.isRegularFile(p) ? p : null;
    }

    public static DockerIgnore none() {
        return NONE;
    }

    public static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exception = line.startsWith("!");
            if (exception) {
                line = line.substring(1).strip();
            }
            String clean = normalise(line);
            if (clean.isEmpty()) {
                continue;
            }
            rules.add(new Rule(glob(clean), exception, clean));
        }
        return new DockerIgnore(rules);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** True if a pattern is an exception ({@code !pattern}). */
    public boolean hasExceptions() {
        return rules.stream().anyMatch(Rule::exception);
    }

    /** The patterns that exclude (not the {@code !} exceptions), cleaned as matched. */
    public List<String> excludePatterns() {
        return rules.stream().filter(r -> !r.exception()).map(Rule::text).toList();
    }

    /** Whether {@code rel} ({@code a/b/c}, relative to the context) or a parent directory is excluded. */
    public boolean excludes(String rel) {
        boolean out = false;
        for (Rule r : rules) {
            if (matchesSelfOrParent(r.pattern(), rel)) {
                out = !r.exception();
            }
        }
        return out;
    }

    private static boolean matchesSelfOrParent(GlobMatcher p, String rel) {
        String s = rel;
        while (true) {
            if (p.matches(s)) {
                return true;
            }
            int i = s.lastIndexOf('/');
            if (i < 0) {
                return false;
            }
            s = s.substring(0, i);
        }
    }

    /** {@code ./a//b/../c/} to {@code a/c}, as filepath.Clean does for these patterns. */
    static String normalise(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                int i = out.lastIndexOf("/");
                out.setLength(Math.max(i, 0));
                continue;
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    /** The Docker CLI's pattern: {@code *} and {@code ?} within a segment, {@code **} across, {@code **}{@code /} any directories, {@code \\} escapes. */
    private static GlobMatcher glob(String g) {
        GlobMatcher.Builder b = new GlobMatcher.Builder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                i++;
                if (i + 1 < g.length() && g.charAt(i + 1) == '/') {
                    i++;
                    b.optionalDirectories();
                } else {
                    b.star(true);
                }
            } else if (c == '*') {
                b.star(false);
            } else if (c == '?') {
                b.any(false);
            } else if (c == '\\' && i + 1 < g.length()) {
                b.literal(g.charAt(++i));
            } else {
                b.literal(c);
            }
        }
        return GlobMatcher.anyOf(List.of(b), false);
    }
}
