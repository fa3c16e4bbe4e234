package dev.dockdiet.fix;

import dev.dockdiet.syntax.SourceRange;
import java.util.Arrays;

/**
 * Offsets to 1-based lines and columns (UTF-16 units) and back, for a text without BOM. A line
 * ends after {@code \n} (so {@code \r\n} belongs to the line it ends); a lone {@code \r} is not a
 * line end, as in BuildKit's scanner.
 */
public final class LineMap {

    private final String text;
    /** lineStarts[i] = offset of the first character of line i+1. */
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
        // a final "\n" does not open a new line of its own unless something follows it
        if (n > 1 && starts[n - 1] == text.length()) {
            n--;
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of an offset (0..length). */
    public int lineOf(int offset) {
        checkOffset(offset);
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column (UTF-16 units) of an offset. */
    public int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }

    /** Offset of the first character of a 1-based line. */
    public int lineStart(int line) {
        checkLine(line);
        return lineStarts[line - 1];
    }

    /** Offset just after the line's terminator (or the end of the text on the last line). */
    public int nextLineStart(int line) {
        checkLine(line);
        return line < lineStarts.length ? lineStarts[line] : text.length();
    }

    /** Offset of the line's terminator ({@code \r\n} or {@code \n}), or the text end on an unterminated last line. */
    public int lineEnd(int line) {
        int end = nextLineStart(line);
        if (end > lineStarts[line - 1] && end <= text.length() && end > 0 && text.charAt(end - 1) == '\n') {
            end--;
            if (end > lineStarts[line - 1] && text.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return end;
    }

    /** The line's text without its terminator. */
    public String lineText(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }

    /** A {@link SourceRange} for {@code [start, end)} with its lines and columns. */
    public SourceRange range(int start, int end) {
        checkOffset(start);
        checkOffset(end);
        return new SourceRange(start, end, lineOf(start), columnOf(start), lineOf(end), columnOf(end));
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + text.length());
        }
    }

    private void checkLine(int line) {
        if (line < 1 || line > lineStarts.length) {
            throw new IndexOutOfBoundsException("line " + line + " outside 1.." + lineStarts.length);
        }
    }
}
