package dev.dockdiet.config;

import dev.dockdiet.syntax.LineMap;
import dev.dockdiet.syntax.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough Dockerfile splitting for these tests (the real parser lives elsewhere): comment
 * lines, and instructions joined over lines ending in a backslash, comment lines inside them
 * included.
 */
final class MiniDockerfile {

    final String text;
    final LineMap lines;
    final List<Suppressions.Comment> comments = new ArrayList<>();
    final List<SourceRange> instructions = new ArrayList<>();

    MiniDockerfile(String text) {
        this.text = text;
        this.lines = new LineMap(text);
        int open = -1;
        for (int l = 1; l <= lines.lineCount(); l++) {
            String t = lines.lineText(l);
            String s = t.strip();
            int start = lines.lineStart(l);
            int end = lines.lineContentEnd(l);
            if (s.startsWith("#")) {
                int c = start + t.indexOf('#');
                comments.add(new Suppressions.Comment(text.substring(c, end), lines.range(c, end)));
                continue;
            }
            if (s.isEmpty()) {
                continue;
            }
            if (open < 0) {
                open = start + (t.length() - t.stripLeading().length());
            }
            if (!s.endsWith("\\")) {
                instructions.add(lines.range(open, end));
                open = -1;
            }
        }
    }

    /** The range of the first occurrence of {@code needle}. */
    SourceRange at(String needle) {
        int i = text.indexOf(needle);
        if (i < 0) {
            throw new IllegalArgumentException(needle);
        }
        return lines.range(i, i + needle.length());
    }
}
