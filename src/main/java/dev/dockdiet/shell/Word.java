package dev.dockdiet.shell;

import java.util.Arrays;

/**
 * One shell word as written in a RUN script, e.g. {@code "$HOME"/bin} or {@code --omit=dev}.
 *
 * <p>{@link #value()} is the word after quote removal: quotes are gone and backslash escapes are
 * resolved, but expansions are left as written ({@code $HOME}, {@code ${X:-y}}, {@code $(date)},
 * backticks), because their values are not known before the image is built. {@link #start()} and
 * {@link #end()} are offsets (UTF-16 indexes, end exclusive) into the script given to
 * {@link ShellParser#parse(String)}, also for words found in nested scripts ({@code sh -c '...'},
 * backticks, heredocs fed to a shell), where {@link #raw()} is the text the nested shell sees.
 *
 * <p>Immutable and thread-safe.
 */
public final class Word {

    private final String value;
    private final String raw;
    private final int start;
    private final int end;
    private final boolean literal;
    private final boolean glob;
    private final boolean quoted;
    /**
     * For each char of value, its offset in the outermost script; one extra entry: the end. Null
     * when they run on from {@link #valueStart} one by one (a plain word of the outer script: most
     * words), so that a word costs no int per character.
     */
    private final int[] valueOffsets;
    private final int valueStart;

    Word(String value, String raw, int start, int end, boolean literal, boolean glob, boolean quoted,
         int[] valueOffsets) {
        this.value = value;
        this.raw = raw.equals(value) ? value : raw;
        this.start = start;
        this.end = end;
        this.literal = literal;
        this.glob = glob;
        this.quoted = quoted;
        this.valueStart = valueOffsets[0];
        this.valueOffsets = contiguous(valueOffsets, value.length()) ? null : valueOffsets;
    }

    private static boolean contiguous(int[] offsets, int length) {
        for (int i = 1; i <= length; i++) {
            if (offsets[i] != offsets[0] + i) {
                return false;
            }
        }
        return true;
    }

    /** The word with quotes removed and escapes resolved; expansions kept as written. */
    public String value() {
        return value;
    }

    /** The word's source text (in the script that contains it). */
    public String raw() {
        return raw;
    }

    /** Start offset in the outermost script (inclusive). */
    public int start() {
        return start;
    }

    /** End offset in the outermost script (exclusive). */
    public int end() {
        return end;
    }

    /** True when the word has no expansion: no {@code $VAR}, {@code ${..}}, {@code $(..)}, backticks. */
    public boolean isLiteral() {
        return literal;
    }

    /** True when an unquoted, unescaped {@code *}, {@code ?} or {@code [} makes it a pathname pattern. */
    public boolean hasGlob() {
        return glob;
    }

    /** True when any part of the word is quoted (single, double or {@code $'...'}). */
    public boolean isQuoted() {
        return quoted;
    }

    int[] valueOffsets() {
        if (valueOffsets != null) {
            return valueOffsets;
        }
        int[] o = new int[value.length() + 1];
        for (int i = 0; i < o.length; i++) {
            o[i] = valueStart + i;
        }
        return o;
    }

    @Override
    public String toString() {
        return raw;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Word w && w.start == start && w.end == end && w.value.equals(value) && w.raw.equals(raw)
                && Arrays.equals(w.valueOffsets(), valueOffsets());
    }

    @Override
    public int hashCode() {
        return value.hashCode() * 31 + start;
    }
}
