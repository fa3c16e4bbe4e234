package dev.dockdiet.shell;

import java.util.Arrays;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import dev.dockdiet.shell.antlr.ShellLexer;
import dev.dockdiet.shell.antlr.ShellParser.CommandSubstContext;
import dev.dockdiet.shell.antlr.ShellParser.DqStringContext;
import dev.dockdiet.shell.antlr.ShellParser.ProcSubstContext;

/**
 * Words of the shell parse tree: the value after quote removal and escapes, the offset in the
 * outermost script of each of its characters, and whether it is literal, a glob or quoted. Split
 * out of {@link ScriptBuilder} unchanged.
 */
final class WordBuilder {

    private WordBuilder() {
    }

    /** Builds a Word from a word or nameWord context; null when it has no real token. */
    static Word word(Source src, ParserRuleContext w) {
        String text = src.text;
        int s = startOf(w);
        int e = endOf(w);
        if (s < 0 || e < s) {
            return null;
        }
        WordDecoder d = new WordDecoder(src);
        d.parts(w);
        String value = d.value.toString();
        int[] offs = Arrays.copyOf(d.offsets, value.length() + 1);
        offs[value.length()] = value.isEmpty() ? src.outer(s) : offs[value.length() - 1] + 1;
        return new Word(value, text.substring(s, e), src.outer(s), src.outerEnd(e), d.literal, d.glob, d.quoted, offs);
    }

    static final class WordDecoder {
        final Source src;
        final String text;
        final StringBuilder value = new StringBuilder();
        int[] offsets = new int[16];
        boolean literal = true;
        boolean glob;
        boolean quoted;

        WordDecoder(Source src) {
            this.src = src;
            this.text = src.text;
        }

        void add(char c, int innerIndex) {
            if (value.length() + 1 >= offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[value.length()] = src.outer(innerIndex);
            value.append(c);
        }

        void range(int from, int to) {
            for (int i = from; i < to; i++) {
                add(text.charAt(i), i);
            }
        }

        void parts(ParseTree node) {
            if (node instanceof TerminalNode t) {
                token(t.getSymbol());
            } else if (node instanceof DqStringContext) {
                quoted = true;
                for (int i = 0; i < node.getChildCount(); i++) {
                    parts(node.getChild(i));
                }
            } else if (node instanceof CommandSubstContext || node instanceof ProcSubstContext) {
                literal = false;
                int s = startOf((ParserRuleContext) node);
                int e = endOf((ParserRuleContext) node);
                if (s >= 0 && e >= s) {
                    range(s, e);
                }
            } else {
                for (int i = 0; i < node.getChildCount(); i++) {
                    parts(node.getChild(i));
                }
            }
        }

        void token(Token t) {
            int s = t.getStartIndex();
            int stop = t.getStopIndex();
            if (s < 0 || stop < s) {
                return;
            }
            switch (t.getType()) {
                case ShellLexer.WORD -> unquoted(s, stop);
                case ShellLexer.SQ_STRING -> {
                    quoted = true;
                    range(s + 1, stop);
                }
                case ShellLexer.ANSI_C -> {
                    quoted = true;
                    ansiC(s + 2, stop);
                }
                case ShellLexer.DQ_TEXT -> dqText(s, stop);
                case ShellLexer.DQ_START, ShellLexer.DQ_END -> quoted = true;
                case ShellLexer.VAR, ShellLexer.PARAM, ShellLexer.ARITH, ShellLexer.BACKTICK -> {
                    literal = false;
                    range(s, stop + 1);
                }
                default -> range(s, stop + 1);
            }
        }

        void unquoted(int s, int stop) {
            for (int i = s; i <= stop; i++) {
                char c = text.charAt(i);
                if (c == '\\' && i < stop) {
                    char n = text.charAt(i + 1);
                    if (n == '\n') {
                        i++;
                        continue;
                    }
                    if (n == '\r' && i + 1 < stop && text.charAt(i + 2) == '\n') {
                        i += 2;
                        continue;
                    }
                    add(n, i + 1);
                    i++;
                    continue;
                }
                if (c == '*' || c == '?' || (c == '[' && text.indexOf(']', i) >= 0 && text.indexOf(']', i) <= stop)) {
                    glob = true;
                }
                add(c, i);
            }
        }

        void dqText(int s, int stop) {
            for (int i = s; i <= stop; i++) {
                char c = text.charAt(i);
                if (c == '\\' && i < stop) {
                    char n = text.charAt(i + 1);
                    if (n == '$' || n == '`' || n == '"' || n == '\\') {
                        add(n, i + 1);
                        i++;
                        continue;
                    }
                    if (n == '\n') {
                        i++;
                        continue;
                    }
                }
                add(c, i);
            }
        }

        void ansiC(int s, int closing) {
            for (int i = s; i < closing; i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < closing) {
                    char n = text.charAt(i + 1);
                    char r = switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        case 'a' -> 7;
                        case 'b' -> '\b';
                        case 'e', 'E' -> 27;
                        case 'f' -> '\f';
                        case 'v' -> 11;
                        case '\\', '\'', '"', '?' -> n;
                        default -> 0;
                    };
                    if (r != 0) {
                        add(r, i);
                        i++;
                        continue;
                    }
                }
                add(c, i);
            }
        }
    }

    static int startOf(ParserRuleContext ctx) {
        Token t = ctx.getStart();
        if (t == null || t.getType() == Token.EOF || t.getStartIndex() < 0) {
            // a conjured (missing) first token: look for the first real one
            return firstReal(ctx);
        }
        return t.getStartIndex();
    }

    static int firstReal(ParseTree node) {
        if (node instanceof TerminalNode t) {
            Token tok = t.getSymbol();
            return tok.getType() != Token.EOF && tok.getStartIndex() >= 0 ? tok.getStartIndex() : -1;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            int r = firstReal(node.getChild(i));
            if (r >= 0) {
                return r;
            }
        }
        return -1;
    }

    static int lastReal(ParseTree node) {
        if (node instanceof TerminalNode t) {
            Token tok = t.getSymbol();
            return tok.getType() != Token.EOF && tok.getStartIndex() >= 0 ? tok.getStopIndex() + 1 : -1;
        }
        for (int i = node.getChildCount() - 1; i >= 0; i--) {
            int r = lastReal(node.getChild(i));
            if (r >= 0) {
                return r;
            }
        }
        return -1;
    }

    static int endOf(ParserRuleContext ctx) {
        return lastReal(ctx);
    }
}
