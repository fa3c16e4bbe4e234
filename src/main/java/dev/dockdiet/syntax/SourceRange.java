package dev.dockdiet.syntax;

/**
 * A span of the source file.
 *
 * <p>Offsets are indexes into the file's text as a Java string (UTF-16 code units, the BOM
 * excluded), {@code end} exclusive. Lines and columns are 1-based; columns count UTF-16 code
 * units (what SARIF consumers expect); {@code endColumn} is exclusive, i.e. the column just
 * after the last character, as in SARIF regions.
 */
public record SourceRange(int start, int end, int startLine, int startColumn, int endLine, int endColumn) {

    public SourceRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }

    public boolean contains(SourceRange other) {
        return start <= other.start && other.end <= end;
    }

    public boolean overlaps(SourceRange other) {
        return start < other.end && other.start < end;
    }

    /** The smallest range that covers both. */
    public SourceRange union(SourceRange other) {
        SourceRange first = start <= other.start ? this : other;
        SourceRange last = end >= other.end ? this : other;
        return new SourceRange(first.start, last.end, first.startLine, first.startColumn, last.endLine, last.endColumn);
    }

    @Override
    public String toString() {
        return startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
    }
}
