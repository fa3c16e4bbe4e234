package dev.dockdiet.shell.antlr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Superclass of the generated {@code ShellLexer}: the context-sensitive parts of shell lexing,
 * kept out of the grammar.
 *
 * <ul>
 *   <li><b>Blanks.</b> The grammar lexes every run of blanks as BLANK; here a BLANK is passed on
 *       only when it separates two words (the token before it ends a word and the token after it
 *       starts one). The parser therefore never sees blanks around operators.</li>
 *   <li><b>Parentheses.</b> A {@code $(} inside double quotes switches to the default mode; the
 *       {@code )} that closes it switches back. Open parentheses are tracked on a stack.</li>
 *   <li><b>Heredocs.</b> After a {@code <<} / {@code <<-} operator the following word is the
 *       delimiter; at the next newline the bodies of all pending heredocs are read from the input
 *       and emitted as HEREDOC_BODY tokens on the HEREDOCS channel.</li>
 * </ul>
 */
public abstract class ShellLexerBase extends Lexer {

    /** A heredoc found in the script: operator position, delimiter and body span. */
    public record Heredoc(int operatorStart, String delimiter, boolean quoted, boolean stripTabs,
                          int bodyStart, int bodyEnd, boolean terminated) {
    }

    private final ArrayDeque<Token> raw = new ArrayDeque<>();
    private final ArrayDeque<Token> out = new ArrayDeque<>();
    /** One entry per open parenthesis. */
    private final ArrayDeque<Paren> parens = new ArrayDeque<>();
    /** Type of the last default-channel token other than BLANK, -1 at the start. */
    private int previous = -1;

    /**
     * An open parenthesis: whether closing it must pop a lexer mode ({@code $(} inside double
     * quotes), and how many {@code case} commands are open inside it, whose pattern-closing
     * {@code )} must not close it.
     */
    private static final class Paren {
        final boolean popsMode;
        int openCases;

        Paren(boolean popsMode) {
            this.popsMode = popsMode;
        }
    }

    private boolean lastEndsWord;

    // heredoc state
    private int delimiterFor = -1;          // start of the << operator whose delimiter is being read
    private boolean delimiterStripTabs;
    private StringBuilder delimiterRaw;
    private int delimiterEnd = -1;
    private final List<PendingHeredoc> pending = new ArrayList<>();
    private final List<Heredoc> heredocs = new ArrayList<>();

    private record PendingHeredoc(int operatorStart, String raw, boolean stripTabs) {
    }

    protected ShellLexerBase(CharStream input) {
        super(input);
    }

    /** Heredocs seen so far (all of them once the lexer reached EOF), in source order. */
    public List<Heredoc> heredocs() {
        return Collections.unmodifiableList(heredocs);
    }

    /** Predicate: the current token starts a word (start of input, after a blank or an operator). */
    protected boolean atWordStart() {
        int start = _tokenStartCharIndex;
        if (start <= 0) {
            return true;
        }
        String before = _input.getText(Interval.of(start - 1, start - 1));
        if (before.isEmpty()) {
            return true;
        }
        char c = before.charAt(0);
        return " \t\r\n\f;&|()<>".indexOf(c) >= 0;
    }

    @Override
    public void reset() {
        super.reset();
        raw.clear();
        out.clear();
        parens.clear();
        previous = -1;
        lastEndsWord = false;
        delimiterFor = -1;
        delimiterRaw = null;
        pending.clear();
        heredocs.clear();
        paramOk = null;
        parenMatch = null;
        lastDoubleBracket = -2;
    }

    @Override
    public Token nextToken() {
        while (out.isEmpty()) {
            Token t = fetch();
            if (t.getType() == ShellLexer.BLANK) {
                if (!lastEndsWord) {
                    continue;
                }
                Token next = fetch();
                if (next.getChannel() == DEFAULT_TOKEN_CHANNEL && startsWord(next.getType())) {
                    out.add(t);
                }
                emitFiltered(next);
            } else {
                emitFiltered(t);
            }
        }
        return out.poll();
    }

    private void emitFiltered(Token t) {
        if (t.getType() == ShellLexer.BLANK) {
            // cannot happen (BLANK is greedy) but keep the invariant: never two blanks
            return;
        }
        if (t.getChannel() == DEFAULT_TOKEN_CHANNEL) {
            lastEndsWord = endsWord(t.getType());
        }
        out.add(t);
    }

    /** Next token from the grammar, with parenthesis and heredoc bookkeeping applied. */
    private Token fetch() {
        if (!raw.isEmpty()) {
            return raw.poll();
        }
        int depthBefore = _modeStack.size();
        Token t = unmatchedParam();
        if (t == null) {
            t = unmatchedArith();
        }
        if (t == null) {
            t = super.nextToken();
        }
        int type = t.getType();
        switch (type) {
            case ShellLexer.LPAREN, ShellLexer.PROC_SUBST, ShellLexer.ARRAY_ASSIGN -> parens.push(new Paren(false));
            case ShellLexer.DOLLAR_LPAREN -> parens.push(new Paren(_modeStack.size() > depthBefore));
            case ShellLexer.RPAREN -> {
                Paren open = parens.peek();
                if (open != null && open.openCases == 0) {
                    parens.pop();
                    if (open.popsMode && !_modeStack.isEmpty()) {
                        popMode();
                    }
                }
            }
            case ShellLexer.CASE -> {
                if (!parens.isEmpty() && commandPosition()) {
                    parens.peek().openCases++;
                }
            }
            case ShellLexer.ESAC -> {
                if (!parens.isEmpty() && parens.peek().openCases > 0) {
                    parens.peek().openCases--;
                }
            }
            default -> {
            }
        }
        if (t.getChannel() == DEFAULT_TOKEN_CHANNEL && type != ShellLexer.BLANK) {
            previous = type;
        }
        trackHeredoc(t);
        if (type == ShellLexer.NEWLINE && !pending.isEmpty()) {
            raw.add(t);
            readHeredocBodies();
            return raw.poll();
        }
        if (type == Token.EOF && !pending.isEmpty()) {
            // heredocs whose line never ended: no body at all
            for (PendingHeredoc p : pending) {
                heredocs.add(heredoc(p, t.getStartIndex(), t.getStartIndex(), false));
            }
            pending.clear();
        }
        return t;
    }

    /** Deepest {@code ${} nesting the lexer is asked to match; deeper ones are lexed as a plain {@code $}. */
    static final int MAX_PARAM_DEPTH = 32;
    /** Start offsets of the {@code ${} that the PARAM rule can match within {@link #MAX_PARAM_DEPTH}, computed once. */
    private java.util.BitSet paramOk;

    /**
     * A {@code $} that starts a {@code ${} the grammar's PARAM rule cannot match (no closing brace, or
     * nested deeper than {@link #MAX_PARAM_DEPTH}), as a DOLLAR token; null otherwise. Without this the
     * recursive PARAM rule rescans the rest of the script at every such {@code ${}: 3,200 of them took
     * 40 s and 3 GB.
     */
    private Token unmatchedParam() {
        if (_input.LA(1) != '$' || _input.LA(2) != '{') {
            return null;
        }
        if (paramOk == null) {
            paramOk = matchedParams(_input.getText(Interval.of(0, _input.size() - 1)));
        }
        int start = _input.index();
        if (paramOk.get(start)) {
            return null;
        }
        int line = getLine();
        int col = getCharPositionInLine();
        getInterpreter().consume(_input);
        return _factory.create(_tokenFactorySourcePair, ShellLexer.DOLLAR, "$", DEFAULT_TOKEN_CHANNEL, start, start,
                line, col);
    }

    /**
     * One pass over the text with a stack, as PARAM_BODY reads it: {@code \x} is skipped, {@code ${} opens,
     * {@code }} closes the innermost open one.
     */
    static java.util.BitSet matchedParams(String text) {
        java.util.BitSet ok = new java.util.BitSet(text.length());
        int[] open = new int[16];
        int[] depthInside = new int[16];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && n > 0) {
                i++;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                if (n == open.length) {
                    open = java.util.Arrays.copyOf(open, n * 2);
                    depthInside = java.util.Arrays.copyOf(depthInside, n * 2);
                }
                open[n] = i;
                depthInside[n] = 1;
                n++;
                i++;
            } else if (c == '}' && n > 0) {
                n--;
                if (depthInside[n] <= MAX_PARAM_DEPTH) {
                    ok.set(open[n]);
                }
                if (n > 0) {
                    depthInside[n - 1] = Math.max(depthInside[n - 1], depthInside[n] + 1);
                }
            }
        }
        return ok;
    }

    /** For each '(' the index of its ')' (or -1 when unmatched or nested too deep), computed once. */
    private int[] parenMatch;
    /** Index of the last "]]" in the text, computed once. */
    private int lastDoubleBracket = -2;

    /**
     * The rules ARITH ({@code $((}), ARITH_CMD ({@code ((}) and DBRACKET ({@code [[}) scan to the end of
     * the script when their closer is missing; at every such opener that made lexing quadratic. Where
     * the closer is known to be missing, the opener is emitted here as the token the grammar would
     * fall back to ({@code $(}, {@code (} or a one-character word), so each character is read a bounded
     * number of times.
     */
    private Token unmatchedArith() {
        int c1 = _input.LA(1);
        int c2 = _input.LA(2);
        int start = _input.index();
        int type;
        int len;
        if (c1 == '$' && c2 == '(' && _input.LA(3) == '(') {
            int close = match(start + 2);
            if (close >= 0 && close + 1 < _input.size() && _input.LA(close - start + 2) == ')') {
                return null;
            }
            type = ShellLexer.DOLLAR_LPAREN;
            len = 2;
        } else if (c1 == '(' && c2 == '(' && _mode == DEFAULT_MODE) {
            int close = match(start + 1);
            if (close >= 0 && _input.LA(close - start + 2) == ')') {
                return null;
            }
            type = ShellLexer.LPAREN;
            len = 1;
        } else if (c1 == '[' && c2 == '[' && _mode == DEFAULT_MODE) {
            if (lastDoubleBracket == -2) {
                String all = _input.getText(Interval.of(0, _input.size() - 1));
                lastDoubleBracket = all.lastIndexOf("]]");
            }
            if (lastDoubleBracket > start + 1) {
                return null;
            }
            type = ShellLexer.WORD;
            len = 1;
        } else {
            return null;
        }
        int line = getLine();
        int col = getCharPositionInLine();
        String text = _input.getText(Interval.of(start, start + len - 1));
        for (int i = 0; i < len; i++) {
            getInterpreter().consume(_input);
        }
        if (type == ShellLexer.DOLLAR_LPAREN && _mode != DEFAULT_MODE) {
            pushMode(DEFAULT_MODE);
        }
        return _factory.create(_tokenFactorySourcePair, type, text, DEFAULT_TOKEN_CHANNEL, start, start + len - 1,
                line, col);
    }

    private int match(int open) {
        if (parenMatch == null) {
            parenMatch = matchedParens(_input.getText(Interval.of(0, _input.size() - 1)));
        }
        return open < parenMatch.length ? parenMatch[open] : -1;
    }

    /** For each '(' its matching ')' as ARITH_BODY reads them (no escapes), -1 when unmatched or too deep. */
    static int[] matchedParens(String text) {
        int[] match = new int[text.length()];
        java.util.Arrays.fill(match, -1);
        int[] open = new int[16];
        int[] depthInside = new int[16];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                if (n == open.length) {
                    open = java.util.Arrays.copyOf(open, n * 2);
                    depthInside = java.util.Arrays.copyOf(depthInside, n * 2);
                }
                open[n] = i;
                depthInside[n] = 1;
                n++;
            } else if (c == ')' && n > 0) {
                n--;
                if (depthInside[n] <= MAX_PARAM_DEPTH) {
                    match[open[n]] = i;
                }
                if (n > 0) {
                    depthInside[n - 1] = Math.max(depthInside[n - 1], depthInside[n] + 1);
                }
            }
        }
        return match;
    }

    /** True when the previous token lets a reserved word here start a command. */
    private boolean commandPosition() {
        return switch (previous) {
            case ShellLexer.THEN, ShellLexer.DO, ShellLexer.ELSE, ShellLexer.LBRACE, ShellLexer.BANG, ShellLexer.IF,
                    ShellLexer.ELIF, ShellLexer.WHILE, ShellLexer.UNTIL -> true;
            default -> !endsWord(previous);
        };
    }

    private void trackHeredoc(Token t) {
        int type = t.getType();
        if (type == ShellLexer.HEREDOC) {
            finishDelimiter();
            delimiterFor = t.getStartIndex();
            delimiterStripTabs = t.getText().endsWith("-");
            delimiterRaw = new StringBuilder();
            delimiterEnd = -1;
            return;
        }
        if (delimiterFor < 0) {
            return;
        }
        boolean partOfWord = t.getChannel() == DEFAULT_TOKEN_CHANNEL
                && (type == ShellLexer.DQ_TEXT || type == ShellLexer.DQ_END || startsWord(type));
        if (type == ShellLexer.BLANK && delimiterRaw.length() == 0) {
            return; // `<< EOF`
        }
        if (partOfWord && (delimiterEnd < 0 || t.getStartIndex() == delimiterEnd)) {
            delimiterRaw.append(t.getText());
            delimiterEnd = t.getStopIndex() + 1;
            return;
        }
        finishDelimiter();
    }

    private void finishDelimiter() {
        if (delimiterFor >= 0 && delimiterRaw != null && delimiterRaw.length() > 0) {
            pending.add(new PendingHeredoc(delimiterFor, delimiterRaw.toString(), delimiterStripTabs));
        }
        delimiterFor = -1;
        delimiterRaw = null;
        delimiterEnd = -1;
    }

    private void readHeredocBodies() {
        finishDelimiter();
        CharStream in = _input;
        int lines = 0;
        for (PendingHeredoc p : pending) {
            String delimiter = unquote(p.raw());
            int bodyStart = in.index();
            int bodyEnd = -1;
            while (in.LA(1) != CharStream.EOF) {
                int lineStart = in.index();
                StringBuilder line = new StringBuilder();
                while (in.LA(1) != CharStream.EOF && in.LA(1) != '\n') {
                    line.append((char) in.LA(1));
                    in.consume();
                }
                if (in.LA(1) == '\n') {
                    in.consume();
                    lines++;
                }
                String text = line.toString();
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (p.stripTabs()) {
                    int i = 0;
                    while (i < text.length() && text.charAt(i) == '\t') {
                        i++;
                    }
                    text = text.substring(i);
                }
                if (text.equals(delimiter)) {
                    bodyEnd = lineStart;
                    break;
                }
            }
            boolean terminated = bodyEnd >= 0;
            if (!terminated) {
                bodyEnd = in.index();
            }
            CommonToken body = (CommonToken) _factory.create(_tokenFactorySourcePair, ShellLexer.HEREDOC_BODY, null,
                    ShellLexer.HEREDOCS, bodyStart, bodyEnd - 1, getLine(), 0);
            raw.add(body);
            heredocs.add(heredoc(p, bodyStart, bodyEnd, terminated));
        }
        pending.clear();
        getInterpreter().setLine(getInterpreter().getLine() + lines);
        getInterpreter().setCharPositionInLine(0);
    }

    private static Heredoc heredoc(PendingHeredoc p, int bodyStart, int bodyEnd, boolean terminated) {
        boolean quoted = p.raw().indexOf('\'') >= 0 || p.raw().indexOf('"') >= 0 || p.raw().indexOf('\\') >= 0;
        return new Heredoc(p.operatorStart(), unquote(p.raw()), quoted, p.stripTabs(), bodyStart, bodyEnd,
                terminated);
    }

    /** Quote removal for a heredoc delimiter word. */
    static String unquote(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        char quote = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < word.length()) {
                    sb.append(word.charAt(++i));
                } else {
                    sb.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\' && i + 1 < word.length()) {
                sb.append(word.charAt(++i));
            } else if (c != '$' || i + 1 >= word.length() || (word.charAt(i + 1) != '\'' && word.charAt(i + 1) != '"')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Token types that can begin a word. */
    public static boolean startsWord(int type) {
        return switch (type) {
            case ShellLexer.WORD, ShellLexer.EQUALS, ShellLexer.ASSIGN, ShellLexer.SQ_STRING, ShellLexer.ANSI_C,
                    ShellLexer.ARITH, ShellLexer.DOLLAR_LPAREN, ShellLexer.ARRAY_ASSIGN, ShellLexer.PARAM, ShellLexer.VAR, ShellLexer.DOLLAR,
                    ShellLexer.BACKTICK, ShellLexer.DQ_START, ShellLexer.PROC_SUBST,
                    ShellLexer.IF, ShellLexer.THEN, ShellLexer.ELIF, ShellLexer.ELSE, ShellLexer.FI, ShellLexer.FOR,
                    ShellLexer.IN, ShellLexer.DO, ShellLexer.DONE, ShellLexer.WHILE, ShellLexer.UNTIL,
                    ShellLexer.CASE, ShellLexer.ESAC, ShellLexer.FUNCTION, ShellLexer.LBRACE, ShellLexer.RBRACE,
                    ShellLexer.BANG -> true;
            default -> false;
        };
    }

    /** Token types that can end a word (a closing parenthesis ends `$(...)` and `(...)`). */
    public static boolean endsWord(int type) {
        return switch (type) {
            case ShellLexer.WORD, ShellLexer.EQUALS, ShellLexer.ASSIGN, ShellLexer.SQ_STRING, ShellLexer.ANSI_C,
                    ShellLexer.ARITH, ShellLexer.PARAM, ShellLexer.VAR, ShellLexer.DOLLAR, ShellLexer.BACKTICK,
                    ShellLexer.DQ_END, ShellLexer.RPAREN,
                    ShellLexer.IF, ShellLexer.THEN, ShellLexer.ELIF, ShellLexer.ELSE, ShellLexer.FI, ShellLexer.FOR,
                    ShellLexer.IN, ShellLexer.DO, ShellLexer.DONE, ShellLexer.WHILE, ShellLexer.UNTIL,
                    ShellLexer.CASE, ShellLexer.ESAC, ShellLexer.FUNCTION, ShellLexer.LBRACE, ShellLexer.RBRACE,
                    ShellLexer.BANG -> true;
            default -> false;
        };
    }
}
