package dev.dockdiet.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.dockdiet.syntax.GlobMatcher;

/**
 * The patterns of one {@code .gitignore}: blank lines and {@code #} comments skipped, {@code !}
 * negation, a trailing {@code /} for directories only, a {@code /} elsewhere anchoring the pattern
 * to the file's directory, {@code *}, {@code ?}, {@code **}.
 */
record GitIgnore(Path dir, List<Rule> rules) {

    record Rule(GlobMatcher pattern, boolean negate, boolean dirOnly, boolean anchored) {
    }

    static GitIgnore load(Path file) throws IOException {
        List<Rule> rules = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            boolean negate = l.startsWith("!");
            if (negate) {
                l = l.substring(1);
            }
            boolean dirOnly = l.endsWith("/");
            if (dirOnly) {
                l = l.substring(0, l.length() - 1);
            }
            boolean anchored = l.contains("/");
            if (l.startsWith("/")) {
                l = l.substring(1);
            }
            if (l.isEmpty()) {
                continue;
            }
            rules.add(new Rule(glob(l), negate, dirOnly, anchored));
        }
        return new GitIgnore(file.getParent(), rules);
    }

    /** gitignore's glob: {@code *} and {@code ?} within a segment, {@code **} across, {@code **}{@code /} any directories, {@code \\} escapes. */
    static GlobMatcher glob(String glob) {
        GlobMatcher.Builder b = new GlobMatcher.Builder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                        i++;
                        b.optionalDirectories();
                    } else {
                        b.star(true);
                    }
                } else {
                    b.star(false);
                }
            } else if (c == '?') {
                b.any(false);
            } else if (c == '\\' && i + 1 < glob.length()) {
                b.literal(glob.charAt(++i));
            } else {
                b.literal(c);
            }
        }
        return GlobMatcher.anyOf(java.util.List.of(b), false);
    }

    /** TRUE ignored, FALSE re-included, null no rule matched. */
    Boolean match(Path p, boolean isDir) {
        if (!p.startsWith(dir)) {
            return null;
        }
        String rel = dir.relativize(p).toString().replace('\\', '/');
        String name = p.getFileName().toString();
        Boolean result = null;
        for (Rule r : rules) {
            if (r.dirOnly() && !isDir) {
                continue;
            }
            boolean m = r.anchored() ? r.pattern().matches(rel) : r.pattern().matches(name);
            if (m) {
                result = !r.negate();
            }
        }
        return result;
    }
}
