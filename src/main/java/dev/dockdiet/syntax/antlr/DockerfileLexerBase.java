package dev.dockdiet.syntax.antlr;

import dev.dockdiet.syntax.Heredocs;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * The state the Dockerfile lexer's predicates need, and the mode switches that depend on a whole
 * logical line (heredoc bodies). Kept out of the grammar so the grammar stays declarative.
 */
public abstract class DockerfileLexerBase extends Lexer {

    /** BuildKit's directive pattern (parser/directives.go), applied to a left-trimmed line. */
    // (.*?\S)\s*$ and possessive blanks, not (.+?)\s*$: the same value on stripped text, in linear time
    // on long runs of blanks (it was quadratic: a 19 kB `#syntax=` line took 8 s)
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*+([a-zA-Z][a-zA-Z0-9]*+)\\s*+=\\s*+(.*?\\S)\\s*$");

    private int escapeChar = '\\';
    private boolean directivesOpen = true;
    private int lastType = -1;
    private boolean flagPosition;
    private boolean inFlagWord;
    private final StringBuilder logicalLine = new StringBuilder();
    private final Deque<Heredocs.Opener> pendingHeredocs = new ArrayDeque<>();
    private boolean eofSeen;
    private boolean syntheticAtEof;
    private String source;

    protected DockerfileLexerBase(CharStream input) {
        super(input);
    }

    /**
     * The text the char stream holds, so that the lexer can read token text without creating a
     * string per token. Optional.
     */
    public void setSource(String text) {
        this.source = text;
    }

    private void appendText(Token t) {
        if (source != null) {
            logicalLine.append(source, t.getStartIndex(), t.getStopIndex() + 1);
        } else {
            logicalLine.append(t.getText());
        }
    }

    public int escapeChar() {
        return escapeChar;
    }

    /**
     * Starts this lexer at the start of a line that follows a complete logical line (see {@link
     * #endedBetweenLines}) of a file whose directive block is over: how a part of a big file is lexed
     * on its own, the char stream already at the line's offset.
     */
    public void resumeAtLineStart(int escapeChar) {
        this.escapeChar = escapeChar;
        this.directivesOpen = false;
        this.lastType = DockerfileLexer.NL;
    }

    /**
     * After the last token: whether the text ended between two logical lines, past the directive
     * block, with no heredoc body open, so that the text after it lexes the same on its own
     * ({@link #resumeAtLineStart}). A text that ends inside an instruction or a heredoc does not.
     */
    public boolean endedBetweenLines() {
        return eofSeen && !syntheticAtEof && _mode == DEFAULT_MODE && _modeStack.isEmpty()
                && pendingHeredocs.isEmpty() && !directivesOpen;
    }

    // ---- modes ----

    /** ARGS and CONT become their backtick twins under {@code # escape=`}. */
    private int escapeMode(int m) {
        if (escapeChar == '`') {
            if (m == DockerfileLexer.ARGS) {
                return DockerfileLexer.ARGS_BT;
            }
            if (m == DockerfileLexer.CONT) {
                return DockerfileLexer.CONT_BT;
            }
        }
        return m;
    }

    @Override
    public void pushMode(int m) {
        super.pushMode(escapeMode(m));
    }

    @Override
    public void mode(int m) {
        super.mode(escapeMode(m));
    }

    private boolean inArguments() {
        return _mode == DockerfileLexer.ARGS || _mode == DockerfileLexer.CONT || _mode == DockerfileLexer.ARGS_BT
                || _mode == DockerfileLexer.CONT_BT;
    }

    /** A comment in the directive block that BuildKit takes as a directive (syntax, escape, check). */
    private boolean isDirective(String text) {
        if (!directivesOpen) {
            return false;
        }
        Matcher m = DIRECTIVE.matcher(text.strip());
        if (!m.matches()) {
            return false;
        }
        String key = m.group(1).toLowerCase(Locale.ROOT);
        return key.equals("syntax") || key.equals("escape") || key.equals("check");
    }

    // ---- token stream ----

    @Override
    public Token nextToken() {
        Token t = super.nextToken();
        if (t.getType() == Token.EOF) {
            Token synthetic = atEof(t);
            if (synthetic != null) {
                syntheticAtEof = true;
                lastType = synthetic.getType();
                return synthetic;
            }
            return t;
        }
        int type = t.getType();
        if (type == DockerfileLexer.COMMENT && directivesOpen && t.getText().indexOf('=') >= 0
                && isDirective(t.getText())) {
            ((CommonToken) t).setType(DockerfileLexer.DIRECTIVE);
            type = DockerfileLexer.DIRECTIVE;
        } else if (type == DockerfileLexer.FLAG && !flagPosition) {
            // flags come only before the first argument; later `--x` is an ordinary word
            ((CommonToken) t).setType(DockerfileLexer.TEXT);
            type = DockerfileLexer.TEXT;
        }
        switch (type) {
            case DockerfileLexer.DIRECTIVE -> {
                Matcher m = DIRECTIVE.matcher(t.getText().strip());
                if (m.matches() && m.group(1).equalsIgnoreCase("escape")) {
                    String v = m.group(2);
                    if (v.equals("`") || v.equals("\\")) {
                        escapeChar = v.charAt(0);
                    }
                }
            }
            case DockerfileLexer.NL -> {
                if (lastType != DockerfileLexer.DIRECTIVE) {
                    directivesOpen = false;
                }
            }
            case DockerfileLexer.KEYWORD -> {
                directivesOpen = false;
                logicalLine.setLength(0);
                appendText(t);
                flagPosition = true;
                inFlagWord = true;
            }
            case DockerfileLexer.FLAG -> {
                appendText(t);
                inFlagWord = true;
                if (t.getStopIndex() - t.getStartIndex() == 1) {
                    flagPosition = false;
                }
            }
            case DockerfileLexer.ARG_WS -> {
                appendText(t);
                inFlagWord = false;
            }
            case DockerfileLexer.TEXT, DockerfileLexer.ESCAPE_CHAR, DockerfileLexer.CR -> {
                appendText(t);
                if (!inFlagWord) {
                    flagPosition = false;
                }
            }
            case DockerfileLexer.ARG_NL -> endOfLogicalLine();
            case DockerfileLexer.HEREDOC_LINE -> heredocLine((CommonToken) t);
            default -> {
                if (type != DockerfileLexer.WS) {
                    directivesOpen = false;
                }
            }
        }
        lastType = t.getType();
        return t;
    }

    private Token atEof(Token eof) {
        if (eofSeen) {
            return null;
        }
        if (inArguments()) {
            popMode();
            endOfLogicalLine();
            return synthetic(DockerfileLexer.ARG_NL, eof);
        }
        if (_mode == DockerfileLexer.HEREDOC) {
            pendingHeredocs.clear();
            popMode();
            eofSeen = true;
            return synthetic(DockerfileLexer.HEREDOC_UNTERMINATED, eof);
        }
        eofSeen = true;
        if (lastType != -1 && lastType != DockerfileLexer.NL && lastType != DockerfileLexer.ARG_NL
                && lastType != DockerfileLexer.HEREDOC_END && lastType != DockerfileLexer.HEREDOC_UNTERMINATED) {
            return synthetic(DockerfileLexer.NL, eof);
        }
        return null;
    }

    private Token synthetic(int type, Token at) {
        CommonToken t = new CommonToken(_tokenFactorySourcePair, type, Token.DEFAULT_CHANNEL,
                at.getStartIndex(), at.getStartIndex() - 1);
        t.setLine(at.getLine());
        t.setCharPositionInLine(at.getCharPositionInLine());
        t.setText("");
        return t;
    }

    private void endOfLogicalLine() {
        List<Heredocs.Opener> openers = Heredocs.openersOfLine(logicalLine.toString());
        logicalLine.setLength(0);
        flagPosition = false;
        if (!openers.isEmpty()) {
            pendingHeredocs.addAll(openers);
            pushMode(DockerfileLexer.HEREDOC);
        }
    }

    private void heredocLine(CommonToken t) {
        Heredocs.Opener open = pendingHeredocs.peek();
        if (open == null) {
            return;
        }
        String line = t.getText();
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        int begin = 0;
        if (open.chomp()) {
            while (begin < end && line.charAt(begin) == '\t') {
                begin++;
            }
        }
        if (line.substring(begin, end).equals(open.name())) {
            t.setType(DockerfileLexer.HEREDOC_END);
            pendingHeredocs.pop();
            if (pendingHeredocs.isEmpty()) {
                popMode();
            }
        }
    }
}
