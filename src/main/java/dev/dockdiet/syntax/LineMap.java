package dev.dockdiet.syntax;

import java.util.Arrays;

/**
 * Converts offsets in a text to 1-based lines and UTF-16 columns, and back: the one line map of
 * the parser, the reporters' ranges, suppressions, baselines and fixes.
 *
 * <p>A line ends after {@code \n} ({@code \r\n} belongs to the line it ends; a lone {@code \r}
 * is not a line end, as in BuildKit's scanner). Every offset {@code 0..length} has a position, so
 * the offset just after a final {@code \n} is on a last, empty line: {@code "a\n"} has 2 lines
 * (as LSP, SARIF and BuildKit count positions), {@code ""} has 1.
 */
public final class LineMap {

    private final String text;
    private final int[] lineStarts;

    public LineMap(String text) {
        this.text = text;
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /**
     * The line index of the last lookup. Ranges are mostly asked for in file order, so the next
     * offset is usually on the same line; a stale value (another thread) only costs a search.
     */
    private int hint;

    /** 1-based line of an offset. */
    public int line(int offset) {
        int h = hint;
        if (h < lineStarts.length && lineStarts[h] <= offset && (h + 1 == lineStarts.length || offset < lineStarts[h + 1])) {
            return h + 1;
        }
        int i = Arrays.binarySearch(lineStarts, offset);
        int line = i >= 0 ? i + 1 : -i - 1;
        hint = line - 1;
        return line;
    }

    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** Offset just after the line's terminator (the text's end on the last line). */
    public int nextLineStart(int line) {
        return line < lineStarts.length ? lineStarts[line] : text.length();
    }

    /** The end of a line's content (before its {@code \r\n} or {@code \n}). */
    public int lineContentEnd(int line) {
        int start = lineStart(line);
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** The text of a line without its line end. */
    public String lineText(int line) {
        return text.substring(lineStart(line), lineContentEnd(line));
    }

    public SourceRange range(int start, int end) {
        int sl = line(start);
        int el = line(end);
        return new SourceRange(start, end, sl, start - lineStarts[sl - 1] + 1, el, end - lineStarts[el - 1] + 1);
    }

    /** The whole of one line, without its line end. */
    public SourceRange lineRange(int line) {
        return range(lineStart(line), lineContentEnd(line));
    }
}
