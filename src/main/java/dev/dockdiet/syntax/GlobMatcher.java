package dev.dockdiet.syntax;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * The one glob matcher of dockdiet: linear in the text for any pattern (time O(text × pattern),
 * no backtracking), so a hostile {@code .gitignore}, {@code .dockerignore} or config pattern with
 * many {@code *} cannot hang a run (with {@code java.util.regex}, 12 stars took 16 s).
 *
 * <p>Each glob dialect keeps its own syntax and semantics in its own small translator
 * ({@code config.Glob}, {@code rule.ImagePolicy}, {@code lint.GitIgnore}, {@code size.DockerIgnore},
 * {@code size.KnowledgeBase}), which builds the pattern with a {@link Builder}: literal characters,
 * one-character classes, stars (within a path segment or across it), the optional
 * {@code **}{@code /} directory prefix, and alternatives. Matching simulates the pattern's states
 * in parallel.
 */
public final class GlobMatcher {

    private static final int LIT = 0;
    private static final int ONE = 1;
    private static final int STAR = 2;

    /** One alternative: parallel arrays of nodes. */
    private record Seq(int[] kind, char[] lit, CharClass[] cls, int[] skip) {
    }

    /** A set of characters: ranges, possibly negated, possibly never matching '/'. */
    private record CharClass(String ranges, boolean negate, boolean noSlash) {
        boolean test(char c, boolean ignoreCase) {
            if (noSlash && c == '/') {
                return false;
            }
            if (ranges == null) {
                return true;
            }
            boolean in = contains(c) || ignoreCase && (contains(Character.toLowerCase(c)) || contains(Character.toUpperCase(c)));
            return in != negate;
        }

        private boolean contains(char c) {
            for (int i = 0; i < ranges.length(); i += 2) {
                if (c >= ranges.charAt(i) && c <= ranges.charAt(i + 1)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Seq> alternatives;
    private final boolean ignoreCase;

    private GlobMatcher(List<Seq> alternatives, boolean ignoreCase) {
        this.alternatives = alternatives;
        this.ignoreCase = ignoreCase;
    }

    /** Matches when any of the built alternatives matches the whole text. */
    public static GlobMatcher anyOf(List<Builder> alternatives, boolean ignoreCase) {
        List<Seq> seqs = new ArrayList<>();
        for (Builder b : alternatives) {
            seqs.add(b.seq());
        }
        return new GlobMatcher(seqs, ignoreCase);
    }

    /** A plain wildcard pattern: {@code *} any text, {@code ?} any one character, the rest literal. */
    public static GlobMatcher wildcard(String pattern, boolean ignoreCase) {
        Builder b = new Builder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                b.star(true);
            } else if (c == '?') {
                b.any(true);
            } else {
                b.literal(c);
            }
        }
        return anyOf(List.of(b), ignoreCase);
    }

    /** True when the whole text matches. */
    public boolean matches(String text) {
        for (Seq s : alternatives) {
            if (matches(s, text)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(Seq s, String text) {
        int m = s.kind.length;
        BitSet cur = new BitSet(m + 1);
        BitSet next = new BitSet(m + 1);
        add(s, cur, 0);
        for (int p = 0; p < text.length() && !cur.isEmpty(); p++) {
            char c = text.charAt(p);
            next.clear();
            for (int i = cur.nextSetBit(0); i >= 0 && i < m; i = cur.nextSetBit(i + 1)) {
                switch (s.kind[i]) {
                    case LIT -> {
                        if (s.lit[i] == c || ignoreCase && equalsIgnoreCase(s.lit[i], c)) {
                            add(s, next, i + 1);
                        }
                    }
                    case ONE -> {
                        if (s.cls[i].test(c, ignoreCase)) {
                            add(s, next, i + 1);
                        }
                    }
                    default -> {
                        if (s.cls[i].test(c, ignoreCase)) {
                            add(s, next, i);
                        }
                    }
                }
            }
            BitSet t = cur;
            cur = next;
            next = t;
        }
        return cur.get(m);
    }

    /** Adds state i and every state reachable from it without reading a character. */
    private static void add(Seq s, BitSet set, int i) {
        while (i <= s.kind.length && !set.get(i)) {
            set.set(i);
            if (i == s.kind.length) {
                return;
            }
            if (s.skip[i] > i) {
                add(s, set, s.skip[i]);
            }
            if (s.kind[i] != STAR) {
                return;
            }
            i++;
        }
    }

    private static boolean equalsIgnoreCase(char a, char b) {
        return Character.toLowerCase(a) == Character.toLowerCase(b) || Character.toUpperCase(a) == Character.toUpperCase(b);
    }

    /** Builds one alternative of a pattern, left to right. */
    public static final class Builder {
        private final List<Integer> kind = new ArrayList<>();
        private final StringBuilder lit = new StringBuilder();
        private final List<CharClass> cls = new ArrayList<>();
        private final List<Integer> skip = new ArrayList<>();

        public Builder literal(char c) {
            return node(LIT, c, null);
        }

        public Builder literal(String s) {
            for (int i = 0; i < s.length(); i++) {
                literal(s.charAt(i));
            }
            return this;
        }

        /** Any one character; {@code slashToo} false: never '/'. */
        public Builder any(boolean slashToo) {
            return node(ONE, '\0', new CharClass(null, false, !slashToo));
        }

        /** Any text; {@code slashToo} false: within one path segment. Consecutive stars collapse. */
        public Builder star(boolean slashToo) {
            int n = kind.size();
            if (n > 0 && kind.get(n - 1) == STAR && skip.get(n - 1) == 0 && cls.get(n - 1).ranges() == null
                    && cls.get(n - 1).noSlash() == !slashToo) {
                return this;
            }
            return node(STAR, '\0', new CharClass(null, false, !slashToo));
        }

        /**
         * One character of a class; {@code ranges} holds pairs (from, to) of inclusive ranges.
         * {@code slashToo} false: never '/' (also for a negated class).
         */
        public Builder oneOf(String ranges, boolean negate, boolean slashToo) {
            if (ranges.length() % 2 != 0) {
                throw new IllegalArgumentException("ranges come in pairs");
            }
            return node(ONE, '\0', new CharClass(ranges, negate, !slashToo));
        }

        /**
         * One character of a bracket expression: {@code body} is the text between {@code [} and
         * {@code ]}, a leading {@code !} or {@code ^} negates it, {@code a-z} is a range, every other
         * character itself (the shell's and the config globs' sets).
         */
        public Builder bracket(String body, boolean slashToo) {
            boolean negate = body.startsWith("!") || body.startsWith("^");
            if (negate) {
                body = body.substring(1);
            }
            StringBuilder ranges = new StringBuilder();
            for (int j = 0; j < body.length(); j++) {
                char from = body.charAt(j);
                char to = from;
                if (j + 2 < body.length() && body.charAt(j + 1) == '-') {
                    to = body.charAt(j + 2);
                    j += 2;
                }
                ranges.append(from).append(to);
            }
            return oneOf(ranges.toString(), negate, slashToo);
        }

        /** {@code **}{@code /}: nothing, or any text ending with '/'. */
        public Builder optionalDirectories() {
            int at = kind.size();
            node(STAR, '\0', new CharClass(null, false, false));
            literal('/');
            skip.set(at, at + 2);
            return this;
        }

        private Builder node(int k, char c, CharClass cc) {
            kind.add(k);
            lit.append(c);
            cls.add(cc);
            skip.add(0);
            return this;
        }

        /** An independent builder with the same nodes (for alternatives that share a prefix). */
        public Builder copy() {
            Builder b = new Builder();
            b.kind.addAll(kind);
            b.lit.append(lit);
            b.cls.addAll(cls);
            b.skip.addAll(skip);
            return b;
        }

        Seq seq() {
            int[] k = kind.stream().mapToInt(Integer::intValue).toArray();
            int[] sk = skip.stream().mapToInt(Integer::intValue).toArray();
            return new Seq(k, lit.toString().toCharArray(), cls.toArray(CharClass[]::new), sk);
        }

        @Override
        public String toString() {
            return kind.size() + " nodes: " + lit.toString().toLowerCase(Locale.ROOT);
        }
    }
}
