package dev.dockdiet.syntax;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BuildKit's variable expansion and word splitting ({@code frontend/dockerfile/shell/lex.go}),
 * re-implemented: {@code $name}, {@code ${name}}, {@code ${name:-word}} and the other modifiers,
 * quotes and the escape character, exactly as the Dockerfile frontend applies them to ENV, ARG,
 * FROM, COPY and friends. It is not the RUN shell model (see {@code dev.dockdiet.shell}).
 *
 * <p>An instance is configured once and is then immutable and thread-safe; each call keeps its
 * state in a private cursor.
 */
public final class ShellLex {

    private final int escape;
    private final boolean rawQuotes;
    private final boolean rawEscapes;
    private final boolean skipUnsetEnv;
    private final boolean heredocWords;

    private ShellLex(int escape, boolean rawQuotes, boolean rawEscapes, boolean skipUnsetEnv, boolean heredocWords) {
        this.escape = escape;
        this.rawQuotes = rawQuotes;
        this.rawEscapes = rawEscapes;
        this.skipUnsetEnv = skipUnsetEnv;
        this.heredocWords = heredocWords;
    }

    public static ShellLex of(char escape) {
        return new ShellLex(escape, false, false, false, false);
    }

    public ShellLex rawQuotes(boolean on) {
        return new ShellLex(escape, on, rawEscapes, skipUnsetEnv, heredocWords);
    }

    public ShellLex rawEscapes(boolean on) {
        return new ShellLex(escape, rawQuotes, on, skipUnsetEnv, heredocWords);
    }

    public ShellLex skipUnsetEnv(boolean on) {
        return new ShellLex(escape, rawQuotes, rawEscapes, on, heredocWords);
    }

    /**
     * When splitting words for heredoc detection, blanks right after {@code <<} stay in the word,
     * so {@code << EOF} is one word as in BuildKit.
     */
    public ShellLex heredocWords(boolean on) {
        return new ShellLex(escape, rawQuotes, rawEscapes, skipUnsetEnv, on);
    }

    /** Thrown for the inputs BuildKit rejects (unterminated quotes, bad substitutions...). */
    public static final class ExpansionException extends Exception {
        private static final long serialVersionUID = 1L;

        public ExpansionException(String message) {
            super(message);
        }
    }

    /**
     * The outcome of expanding one word.
     *
     * @param result the expanded text (quotes removed unless raw)
     * @param words the result split into words on blanks outside quotes
     * @param matched names that were looked up and set
     * @param unmatched names that were looked up and not set
     */
    public record Result(String result, List<String> words, Set<String> matched, Set<String> unmatched) {
    }

    public String processWord(String word, Map<String, String> env) throws ExpansionException {
        return process(word, env).result();
    }

    public List<String> processWords(String word, Map<String, String> env) throws ExpansionException {
        return process(word, env).words();
    }

    public Result process(String word, Map<String, String> env) throws ExpansionException {
        Cursor c = new Cursor(word, env);
        try {
            Object[] r = c.processStopOn(-1, rawEscapes);
            @SuppressWarnings("unchecked")
            List<String> words = (List<String>) r[1];
            return new Result((String) r[0], words, c.matches, c.nonmatches);
        } catch (ExpansionException e) {
            throw new ExpansionException("failed to process \"" + word + "\": " + e.getMessage());
        }
    }

    private static final class Words {
        private final boolean keepHeredocBlank;
        private final StringBuilder word = new StringBuilder();
        private final List<String> words = new ArrayList<>();
        private boolean inWord;

        void addChar(int ch) {
            if (keepHeredocBlank && (ch == ' ' || ch == '\t') && endsWithHeredocOperator()) {
                addRawChar(ch);
                return;
            }
            if (isSpace(ch) && inWord) {
                if (word.length() != 0) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (!isSpace(ch)) {
                addRawChar(ch);
            }
        }

        Words(boolean keepHeredocBlank) {
            this.keepHeredocBlank = keepHeredocBlank;
        }

        /** True when the word so far ends in {@code <<} followed by nothing but blanks. */
        private boolean endsWithHeredocOperator() {
            int i = word.length();
            while (i > 0 && (word.charAt(i - 1) == ' ' || word.charAt(i - 1) == '\t')) {
                i--;
            }
            return i >= 2 && word.charAt(i - 1) == '<' && word.charAt(i - 2) == '<';
        }

        void addRawChar(int ch) {
            word.appendCodePoint(ch);
            inWord = true;
        }

        void addString(String s) {
            s.codePoints().forEach(this::addChar);
        }

        void addRawString(String s) {
            word.append(s);
            inWord = true;
        }

        List<String> get() {
            if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
                inWord = false;
            }
            return words;
        }
    }

    /** Go's unicode.IsSpace. */
    static boolean isSpace(int ch) {
        switch (ch) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0:
                return true;
            default:
                return ch > 0xFF && Character.isSpaceChar(ch);
        }
    }

    /** The deepest ${...} nesting expanded (real files use a few levels). */
    static final int MAX_NESTING = 100;

    private final class Cursor {
        private final int[] cps;
        private int pos;
        private final Map<String, String> env;
        private boolean rawEsc;
        final Set<String> matches = new LinkedHashSet<>();
        final Set<String> nonmatches = new LinkedHashSet<>();

        Cursor(String word, Map<String, String> env) {
            this.cps = word.codePoints().toArray();
            this.env = env;
            this.rawEsc = rawEscapes;
        }

        int peek() {
            return pos < cps.length ? cps[pos] : -1;
        }

        int next() {
            return pos < cps.length ? cps[pos++] : -1;
        }

        Object[] processStopOn(int stopChar, boolean raw) throws ExpansionException {
            StringBuilder result = new StringBuilder();
            Words words = new Words(heredocWords);
            boolean saved = rawEsc;
            rawEsc = raw;
            try {
                while (peek() != -1) {
                    int ch = peek();
                    if (stopChar != -1 && ch == stopChar) {
                        next();
                        return new Object[] {result.toString(), words.get()};
                    }
                    if (ch == '$' || ch == '\'' || ch == '"') {
                        String tmp = ch == '$' ? processDollar() : ch == '\'' ? processSingleQuote() : processDoubleQuote();
                        result.append(tmp);
                        if (ch == '$') {
                            words.addString(tmp);
                        } else {
                            words.addRawString(tmp);
                        }
                    } else {
                        ch = next();
                        if (ch == escape) {
                            if (rawEsc) {
                                words.addRawChar(ch);
                                result.appendCodePoint(ch);
                            }
                            ch = next();
                            if (ch == -1) {
                                break;
                            }
                            words.addRawChar(ch);
                        } else {
                            words.addChar(ch);
                        }
                        result.appendCodePoint(ch);
                    }
                }
                if (stopChar != -1) {
                    throw new ExpansionException("unexpected end of statement while looking for matching "
                            + new String(Character.toChars(stopChar)));
                }
                return new Object[] {result.toString(), words.get()};
            } finally {
                rawEsc = saved;
            }
        }

        String processSingleQuote() throws ExpansionException {
            StringBuilder result = new StringBuilder();
            int ch = next();
            if (rawQuotes) {
                result.appendCodePoint(ch);
            }
            while (true) {
                ch = next();
                if (ch == -1) {
                    throw new ExpansionException("unexpected end of statement while looking for matching single-quote");
                }
                if (ch == '\'') {
                    if (rawQuotes) {
                        result.appendCodePoint(ch);
                    }
                    return result.toString();
                }
                result.appendCodePoint(ch);
            }
        }

        String processDoubleQuote() throws ExpansionException {
            StringBuilder result = new StringBuilder();
            int ch = next();
            if (rawQuotes) {
                result.appendCodePoint(ch);
            }
            while (true) {
                int p = peek();
                if (p == -1) {
                    throw new ExpansionException("unexpected end of statement while looking for matching double-quote");
                } else if (p == '"') {
                    ch = next();
                    if (rawQuotes) {
                        result.appendCodePoint(ch);
                    }
                    return result.toString();
                } else if (p == '$') {
                    result.append(processDollar());
                } else {
                    ch = next();
                    if (ch == escape) {
                        if (rawEsc) {
                            result.appendCodePoint(ch);
                        }
                        int q = peek();
                        if (q == -1) {
                            continue;
                        }
                        if (q == '"' || q == '$' || q == escape) {
                            ch = next();
                        }
                    }
                    result.appendCodePoint(ch);
                }
            }
        }

        /** Nesting of ${...} being expanded: BuildKit recurses without bound; a hostile file must not overflow the stack. */
        private int dollarDepth;

        String processDollar() throws ExpansionException {
            if (++dollarDepth > MAX_NESTING) {
                dollarDepth = 0;
                throw new ExpansionException("syntax error: substitutions nested more than " + MAX_NESTING + " deep");
            }
            try {
                return processDollarUnbounded();
            } finally {
                if (dollarDepth > 0) {
                    dollarDepth--;
                }
            }
        }

        private String processDollarUnbounded() throws ExpansionException {
            next();
            if (peek() != '{') {
                String name = processName();
                if (name.isEmpty()) {
                    return "$";
                }
                String value = getEnv(name);
                if (value == null) {
                    return skipUnsetEnv ? "$" + name : "";
                }
                return value;
            }
            next();
            int p = peek();
            if (p == -1) {
                throw new ExpansionException("syntax error: missing '}'");
            }
            if (p == '{' || p == '}' || p == ':') {
                throw new ExpansionException("syntax error: bad substitution");
            }
            String name = processName();
            int ch = next();
            StringBuilder chs = new StringBuilder();
            if (ch != -1) {
                chs.appendCodePoint(ch);
            }
            boolean nullIsUnset = false;
            if (ch == '}') {
                String value = getEnv(name);
                if (value == null) {
                    return skipUnsetEnv ? "${" + name + "}" : "";
                }
                return value;
            }
            if (ch == ':') {
                nullIsUnset = true;
                ch = next();
                if (ch != -1) {
                    chs.appendCodePoint(ch);
                }
                // Go falls through into the modifier case whatever ch is now
                return modifier(name, ch, chs.toString(), nullIsUnset);
            }
            if (ch == '+' || ch == '-' || ch == '?' || ch == '#' || ch == '%') {
                return modifier(name, ch, chs.toString(), nullIsUnset);
            }
            if (ch == '/') {
                boolean replaceAll = peek() == '/';
                if (replaceAll) {
                    next();
                }
                String pattern;
                try {
                    pattern = (String) processStopOn('/', true)[0];
                } catch (ExpansionException e) {
                    if (peek() == -1) {
                        throw new ExpansionException("syntax error: missing '/' in ${}");
                    }
                    throw e;
                }
                String replacement;
                try {
                    replacement = (String) processStopOn('}', true)[0];
                } catch (ExpansionException e) {
                    if (peek() == -1) {
                        throw new ExpansionException("syntax error: missing '}'");
                    }
                    throw e;
                }
                String value = getEnv(name);
                if (value == null) {
                    if (skipUnsetEnv) {
                        return "${" + name + "/" + pattern + "/" + replacement + "}";
                    }
                    value = "";
                }
                return ExpansionPattern.compile(pattern).replace(value, replacement, replaceAll);
            }
            throw new ExpansionException("unsupported modifier (" + chs + ") in substitution");
        }

        private String modifier(String name, int ch, String chs, boolean nullIsUnset) throws ExpansionException {
            if (nullIsUnset && (ch == '#' || ch == '%')) {
                // ${a:#x} and ${a:%x} are not prefix/suffix removal (BuildKit rejects them)
                throw new ExpansionException("unsupported modifier (" + chs + ") in substitution");
            }
            boolean raw = ch == '#' || ch == '%';
            String word;
            try {
                word = (String) processStopOn('}', raw)[0];
            } catch (ExpansionException e) {
                if (peek() == -1) {
                    throw new ExpansionException("syntax error: missing '}'");
                }
                throw e;
            }
            String value = getEnv(name);
            boolean set = value != null;
            if (skipUnsetEnv && !set) {
                return "${" + name + chs + word + "}";
            }
            if (!set) {
                value = "";
            }
            switch (ch) {
                case '-':
                    return (!set || (nullIsUnset && value.isEmpty())) ? word : value;
                case '+':
                    return (!set || (nullIsUnset && value.isEmpty())) ? "" : word;
                case '?':
                    if (!set) {
                        throw new ExpansionException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                    }
                    if (nullIsUnset && value.isEmpty()) {
                        throw new ExpansionException(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
                    }
                    return value;
                case '%':
                case '#': {
                    boolean greedy = false;
                    if (!word.isEmpty() && word.charAt(0) == ch) {
                        greedy = true;
                        word = word.substring(1);
                    }
                    return ch == '%' ? trimSuffix(word, value, greedy) : trimPrefix(word, value, greedy);
                }
                default:
                    throw new ExpansionException("unsupported modifier (" + chs + ") in substitution");
            }
        }

        String processName() {
            StringBuilder name = new StringBuilder();
            while (peek() != -1) {
                int ch = peek();
                if (name.length() == 0 && Character.isDigit(ch)) {
                    while (peek() != -1 && Character.isDigit(peek())) {
                        name.appendCodePoint(next());
                    }
                    return name.toString();
                }
                if (name.length() == 0 && isSpecialParam(ch)) {
                    return new String(Character.toChars(next()));
                }
                if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                    break;
                }
                name.appendCodePoint(next());
            }
            return name.toString();
        }

        String getEnv(String name) {
            if (env != null) {
                String v = env.get(name);
                if (v != null) {
                    matches.add(name);
                    return v;
                }
            }
            nonmatches.add(name);
            return null;
        }
    }

    private static boolean isSpecialParam(int ch) {
        return ch == '@' || ch == '*' || ch == '#' || ch == '?' || ch == '-' || ch == '$' || ch == '!' || ch == '0';
    }

    static String trimPrefix(String word, String value, boolean greedy) throws ExpansionException {
        ExpansionPattern p;
        try {
            p = ExpansionPattern.compile(word);
        } catch (ExpansionException e) {
            throw new ExpansionException("invalid pattern (" + word + ") in substitution: " + e.getMessage());
        }
        return p.trimPrefix(value, greedy);
    }

    static String reversePattern(String pattern) {
        int[] in = pattern.codePoints().toArray();
        int[] out = new int[in.length];
        int last = in.length - 1;
        for (int i = 0; i <= last; ) {
            int tok = in[i];
            int outIdx = last - i;
            if (tok == '\\' && i != last) {
                out[outIdx - 1] = tok;
                out[outIdx] = in[i + 1];
                i += 2;
            } else {
                out[outIdx] = tok;
                i++;
            }
        }
        return new String(out, 0, out.length);
    }

    static String reverse(String s) {
        int[] cps = s.codePoints().toArray();
        for (int i = 0, j = cps.length - 1; i < j; i++, j--) {
            int t = cps[i];
            cps[i] = cps[j];
            cps[j] = t;
        }
        return new String(cps, 0, cps.length);
    }

    static String trimSuffix(String pattern, String word, boolean greedy) throws ExpansionException {
        return reverse(trimPrefix(reversePattern(pattern), reverse(word), greedy));
    }
}
