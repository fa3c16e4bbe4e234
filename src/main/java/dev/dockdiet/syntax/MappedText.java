package dev.dockdiet.syntax;

/**
 * Text assembled from pieces of the file (a logical line without its continuations, a RUN
 * script), with the file offset of every character, so that a span found in the text maps back
 * to an exact {@link SourceRange}.
 */
public final class MappedText {

    private final String text;
    private final int[] offsets;
    private final LineMap lines;

    MappedText(String text, int[] offsets, LineMap lines) {
        if (offsets.length != text.length()) {
            throw new IllegalArgumentException("offsets do not match text");
        }
        this.text = text;
        this.offsets = offsets;
        this.lines = lines;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** File offset of the character at {@code index}. */
    public int sourceOffset(int index) {
        return offsets[index];
    }

    /** The file range covering characters {@code [start, end)} of this text. */
    public SourceRange range(int start, int end) {
        if (text.isEmpty()) {
            throw new IllegalStateException("empty text has no range");
        }
        start = Math.max(0, Math.min(start, text.length() - 1));
        int s = offsets[start];
        int e = end <= start ? s : offsets[Math.min(end, text.length()) - 1] + 1;
        return lines.range(s, Math.max(s, e));
    }

    public MappedText substring(int start, int end) {
        return new MappedText(text.substring(start, end), java.util.Arrays.copyOfRange(offsets, start, end), lines);
    }

    public MappedText substring(int start) {
        return substring(start, text.length());
    }

    /** Concatenation (the pieces keep their own offsets). */
    public MappedText concat(MappedText other) {
        int[] o = java.util.Arrays.copyOf(offsets, offsets.length + other.offsets.length);
        System.arraycopy(other.offsets, 0, o, offsets.length, other.offsets.length);
        return new MappedText(text + other.text, o, lines);
    }

    /** A piece of text inserted at a file offset (e.g. a synthetic newline). */
    static MappedText synthetic(String text, int at, LineMap lines) {
        int[] o = new int[text.length()];
        java.util.Arrays.fill(o, at);
        return new MappedText(text, o, lines);
    }

    /** A contiguous piece of the file. */
    static MappedText slice(String fileText, int start, int end, LineMap lines) {
        int[] o = new int[end - start];
        for (int i = 0; i < o.length; i++) {
            o[i] = start + i;
        }
        return new MappedText(fileText.substring(start, end), o, lines);
    }

    /** Assembles a text from pieces in time proportional to its length (concat copies everything each time). */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private int[] offsets = new int[16];
        private final LineMap lines;

        Builder(LineMap lines) {
            this.lines = lines;
        }

        private void room(int more) {
            int need = text.length() + more;
            if (need > offsets.length) {
                offsets = java.util.Arrays.copyOf(offsets, Math.max(need, offsets.length * 2));
            }
        }

        /** A contiguous piece of the file. */
        Builder slice(String fileText, int start, int end) {
            room(end - start);
            int k = text.length();
            for (int i = start; i < end; i++) {
                offsets[k++] = i;
            }
            text.append(fileText, start, end);
            return this;
        }

        /** A piece of text inserted at a file offset. */
        Builder synthetic(String s, int at) {
            room(s.length());
            java.util.Arrays.fill(offsets, text.length(), text.length() + s.length(), at);
            text.append(s);
            return this;
        }

        Builder append(MappedText m) {
            room(m.length());
            System.arraycopy(m.offsets, 0, offsets, text.length(), m.length());
            text.append(m.text);
            return this;
        }

        MappedText build() {
            return new MappedText(text.toString(), java.util.Arrays.copyOf(offsets, text.length()), lines);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
