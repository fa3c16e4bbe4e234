package dev.dockdiet.syntax;

import java.util.Arrays;

/**
 * Text assembled from pieces of the file (a logical line without its continuations, a RUN
 * script), with the file offset of every character, so that a span found in the text maps back
 * to an exact {@link SourceRange}.
 *
 * <p>The offsets are kept as runs, not one int per character (which was most of the model's
 * memory on big files): run {@code k} starts at text index {@code starts[k]} and either follows the
 * file from offset {@code sources[k]} on, or (a synthetic piece) puts all its characters at
 * {@code sources[k]}. A logical line has one run per physical line it spans.
 */
public final class MappedText {

    private static final int[] NONE = new int[0];

    private final String text;
    private final int[] starts;
    private final int[] sources;
    /** Bit k set: run k is synthetic (every character at sources[k]). */
    private final long[] fixed;
    private final int runs;
    private final LineMap lines;

    private MappedText(String text, int[] starts, int[] sources, long[] fixed, int runs, LineMap lines) {
        this.text = text;
        this.starts = starts;
        this.sources = sources;
        this.fixed = fixed;
        this.runs = runs;
        this.lines = lines;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    private boolean isFixed(int k) {
        return (fixed[k >>> 6] & (1L << k)) != 0;
    }

    /** The run that holds text index {@code index} (0 <= index < length). */
    private int run(int index) {
        int lo = 0;
        int hi = runs - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** File offset of the character at {@code index}. */
    public int sourceOffset(int index) {
        if (index < 0 || index >= text.length()) {
            throw new IndexOutOfBoundsException("index " + index + " out of bounds for length " + text.length());
        }
        int k = run(index);
        return isFixed(k) ? sources[k] : sources[k] + index - starts[k];
    }

    /** The file range covering characters {@code [start, end)} of this text. */
    public SourceRange range(int start, int end) {
        if (text.isEmpty()) {
            throw new IllegalStateException("empty text has no range");
        }
        start = Math.max(0, Math.min(start, text.length() - 1));
        int s = sourceOffset(start);
        int e = end <= start ? s : sourceOffset(Math.min(end, text.length()) - 1) + 1;
        return lines.range(s, Math.max(s, e));
    }

    public MappedText substring(int start, int end) {
        if (start < 0 || end > text.length() || start > end) {
            throw new StringIndexOutOfBoundsException("begin " + start + ", end " + end + ", length " + text.length());
        }
        Builder b = new Builder(lines);
        b.appendRuns(this, start, end);
        return b.build(text.substring(start, end));
    }

    public MappedText substring(int start) {
        return substring(start, text.length());
    }

    /** Concatenation (the pieces keep their own offsets). */
    public MappedText concat(MappedText other) {
        return new Builder(lines).append(this).append(other).build();
    }

    /** A piece of text inserted at a file offset (e.g. a synthetic newline). */
    static MappedText synthetic(String text, int at, LineMap lines) {
        return new Builder(lines).synthetic(text, at).build();
    }

    /** A contiguous piece of the file. */
    static MappedText slice(String fileText, int start, int end, LineMap lines) {
        return new Builder(lines).slice(fileText, start, end).build();
    }

    /** Assembles a text from pieces in time proportional to its length (concat copies everything each time). */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private int length;
        private int[] starts = NONE;
        private int[] sources = NONE;
        private long[] fixed = new long[1];
        private int runs;
        private final LineMap lines;

        Builder(LineMap lines) {
            this.lines = lines;
        }

        /** Adds a run of {@code n} characters at file offset {@code source} on (or all at it when fixed). */
        private void run(int source, int n, boolean isFixed) {
            if (n <= 0) {
                return;
            }
            if (runs > 0) {
                int k = runs - 1;
                boolean lastFixed = (fixed[k >>> 6] & (1L << k)) != 0;
                int lastLength = length - starts[k];
                if (isFixed ? lastFixed && sources[k] == source
                        : !lastFixed && sources[k] + lastLength == source) {
                    length += n;
                    return;
                }
            }
            if (runs == starts.length) {
                int cap = Math.max(4, runs * 2);
                starts = Arrays.copyOf(starts, cap);
                sources = Arrays.copyOf(sources, cap);
            }
            if ((runs >>> 6) >= fixed.length) {
                fixed = Arrays.copyOf(fixed, fixed.length * 2);
            }
            starts[runs] = length;
            sources[runs] = source;
            if (isFixed) {
                fixed[runs >>> 6] |= 1L << runs;
            }
            runs++;
            length += n;
        }

        /** The runs of {@code m} over its characters {@code [from, to)}, without their text. */
        void appendRuns(MappedText m, int from, int to) {
            if (from >= to) {
                return;
            }
            for (int k = m.run(from); k < m.runs && m.starts[k] < to; k++) {
                int s = Math.max(from, m.starts[k]);
                int e = Math.min(to, k + 1 < m.runs ? m.starts[k + 1] : m.text.length());
                boolean f = m.isFixed(k);
                run(f ? m.sources[k] : m.sources[k] + s - m.starts[k], e - s, f);
            }
        }

        /** A contiguous piece of the file. */
        Builder slice(String fileText, int start, int end) {
            text.append(fileText, start, end);
            run(start, end - start, false);
            return this;
        }

        /** A piece of text inserted at a file offset. */
        Builder synthetic(String s, int at) {
            text.append(s);
            run(at, s.length(), true);
            return this;
        }

        Builder append(MappedText m) {
            text.append(m.text);
            appendRuns(m, 0, m.length());
            return this;
        }

        MappedText build() {
            return build(text.toString());
        }

        /** With the text given (the runs were added without it). */
        private MappedText build(String s) {
            if (s.length() != length) {
                throw new IllegalStateException("offsets do not match text");
            }
            return new MappedText(s, Arrays.copyOf(starts, runs), Arrays.copyOf(sources, runs),
                    Arrays.copyOf(fixed, (runs + 63) >>> 6), runs, lines);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
