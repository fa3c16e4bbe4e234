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
        Token t = super.nextToken();
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
