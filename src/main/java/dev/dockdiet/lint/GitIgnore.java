package dev.dockdiet.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of one {@code .gitignore}: blank lines and {@code #} comments skipped, {@code !}
 * negation, a trailing {@code /} for directories only, a {@code /} elsewhere anchoring the pattern
 * to the file's directory, {@code *}, {@code ?}, {@code **}.
 */
record GitIgnore(Path dir, List<Rule> rules) {

    record Rule(Pattern pattern, boolean negate, boolean dirOnly, boolean anchored) {
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
            rules.add(new Rule(Pattern.compile(globToRegex(l)), negate, dirOnly, anchored));
        }
        return new GitIgnore(file.getParent(), rules);
    }

    static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    sb.append(".*");
                    i++;
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                        i++;
                        sb.append("/?");
                    }
                } else {
                    sb.append("[^/]*");
                }
            } else if (c == '?') {
                sb.append("[^/]");
            } else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
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
            boolean m = r.anchored() ? r.pattern().matcher(rel).matches() : r.pattern().matcher(name).matches();
            if (m) {
                result = !r.negate();
            }
        }
        return result;
    }
}
