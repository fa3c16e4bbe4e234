package dev.dockdiet.shell;

/**
 * A script text and where its characters are in the outermost script: identity for the script
 * given to {@link ShellParser#parse(String)}, a map for nested scripts (backticks, {@code sh -c},
 * heredocs fed to a shell) whose text differs from the outer source by quote removal.
 */
final class Source {

    final String text;
    /** map[i] = outer offset of text.charAt(i); map[length] = outer end; null = identity + shift. */
    private final int[] map;
    private final int shift;

    private Source(String text, int[] map, int shift) {
        this.text = text;
        this.map = map;
        this.shift = shift;
    }

    static Source of(String text) {
        return new Source(text, null, 0);
    }

    /** A nested source whose char i sits at outer offset offsets[i] (offsets has length+1 entries). */
    static Source mapped(String text, int[] offsets) {
        return new Source(text, offsets, 0);
    }

    /** The part [from, to) of this source, as a source of its own. */
    Source slice(int from, int to) {
        String sub = text.substring(from, to);
        if (map == null) {
            return new Source(sub, null, shift + from);
        }
        int[] m = new int[sub.length() + 1];
        System.arraycopy(map, from, m, 0, sub.length() + 1);
        return new Source(sub, m, 0);
    }

    /** Outer offset of position i (0 <= i <= length). */
    int outer(int i) {
        if (map == null) {
            return i + shift;
        }
        if (i < 0) {
            return map[0];
        }
        return i < map.length ? map[i] : map[map.length - 1];
    }

    /** Outer end offset (exclusive) of a span ending before inner position end. */
    int outerEnd(int end) {
        if (map == null) {
            return end + shift;
        }
        if (end <= 0) {
            return map[0];
        }
        return outer(end - 1) + 1;
    }
}
