package dev.dockdiet.shell;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.LexerNoViableAltException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import dev.dockdiet.shell.antlr.ShellLexer;
import dev.dockdiet.shell.antlr.ShellLexerBase;
import dev.dockdiet.shell.antlr.ShellParser.AndOrContext;
import dev.dockdiet.shell.antlr.ShellParser.ArrayAssignContext;
import dev.dockdiet.shell.antlr.ShellParser.BodyContext;
import dev.dockdiet.shell.antlr.ShellParser.CaseClauseContext;
import dev.dockdiet.shell.antlr.ShellParser.CaseItemContext;
import dev.dockdiet.shell.antlr.ShellParser.CommandContext;
import dev.dockdiet.shell.antlr.ShellParser.CommandSubstContext;
import dev.dockdiet.shell.antlr.ShellParser.CompoundCommandContext;
import dev.dockdiet.shell.antlr.ShellParser.CompoundListContext;
import dev.dockdiet.shell.antlr.ShellParser.ConditionContext;
import dev.dockdiet.shell.antlr.ShellParser.ForClauseContext;
import dev.dockdiet.shell.antlr.ShellParser.FunctionDefContext;
import dev.dockdiet.shell.antlr.ShellParser.IfClauseContext;
import dev.dockdiet.shell.antlr.ShellParser.ElifPartContext;
import dev.dockdiet.shell.antlr.ShellParser.ElsePartContext;
import dev.dockdiet.shell.antlr.ShellParser.ListBodyContext;
import dev.dockdiet.shell.antlr.ShellParser.NameWordContext;
import dev.dockdiet.shell.antlr.ShellParser.PipelineContext;
import dev.dockdiet.shell.antlr.ShellParser.ProcSubstContext;
import dev.dockdiet.shell.antlr.ShellParser.RedirectContext;
import dev.dockdiet.shell.antlr.ShellParser.ScriptContext;
import dev.dockdiet.shell.antlr.ShellParser.SeparatorContext;
import dev.dockdiet.shell.antlr.ShellParser.SimpleCommandContext;
import dev.dockdiet.shell.antlr.ShellParser.WhileClauseContext;
import dev.dockdiet.shell.antlr.ShellParser.WordContext;

/** Runs the ANTLR lexer and parser over one source and turns the tree into the model. */
final class ScriptBuilder {

    /** Nesting limit for backticks, {@code sh -c}, {@code eval} ... inside each other. */
    static final int MAX_DEPTH = 6;

    record Ctx(int flags, Connector connector, AndOrList.Pos[] path) {
        static final Ctx ROOT = new Ctx(0, Connector.START, new AndOrList.Pos[0]);

        Ctx with(Connector c) {
            return new Ctx(flags, c, path);
        }

        Ctx plus(int f) {
            return new Ctx(flags | f, connector, path);
        }

        Ctx sub() {
            return new Ctx(flags | SimpleCommand.SUBSTITUTION, Connector.START, path);
        }

        Ctx in(AndOrList list, int element, Connector c) {
            AndOrList.Pos[] p = Arrays.copyOf(path, path.length + 1);
            p[path.length] = new AndOrList.Pos(list, element);
            return new Ctx(flags, c, p);
        }
    }

    private final Source src;
    private final String text;
    private final int depth;
    final List<SimpleCommand> commands = new ArrayList<>();
    final List<AndOrList> lists = new ArrayList<>();
    final List<ShellError> errors = new ArrayList<>();
    /** Heredoc bodies by redirect, as sources (for {@code bash <<EOF}). */
    final Map<Redirect, Source> heredocSources = new IdentityHashMap<>();
    private final Map<Integer, ShellLexerBase.Heredoc> heredocs = new HashMap<>();

    ScriptBuilder(Source src, int depth) {
        this.src = src;
        this.text = src.text;
        this.depth = depth;
    }

    /** Parses a whole script (top level or nested shell) into a ShellScript. */
    static ShellScript script(Source src, Ctx ctx, int[] orderPrefix, int depth) {
        ScriptBuilder b = new ScriptBuilder(src, depth);
        b.run(ctx);
        b.finish(orderPrefix);
        return new ShellScript(src.text, b.commands, b.lists, b.errors);
    }

    // ------------------------------------------------------------------ ANTLR

    void run(Ctx ctx) {
        CodePointCharStream chars = CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(text.toCharArray())));
        ShellLexer lexer = new ShellLexer(chars);
        lexer.removeErrorListeners();
        lexer.addErrorListener(new Collector());
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        for (ShellLexerBase.Heredoc h : lexer.heredocs()) {
            heredocs.put(h.operatorStart(), h);
            if (!h.terminated()) {
                errors.add(new ShellError(src.outer(h.operatorStart()), src.outerEnd(h.operatorStart() + 2),
                        "here-document has no line '" + h.delimiter() + "' that ends it"));
            }
        }
        int tooDeep = tooDeep(tokens.getTokens());
        if (tooDeep >= 0) {
            // hostile input: the recursive-descent parser would need time and stack in proportion to
            // the depth at every level; the script is reported as not understood instead
            errors.add(new ShellError(src.outer(tooDeep), src.outerEnd(tooDeep + 1),
                    "nested more than " + MAX_NESTING + " levels deep; not analysed"));
            return;
        }
        dev.dockdiet.shell.antlr.ShellParser parser = new dev.dockdiet.shell.antlr.ShellParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        ScriptContext tree;
        try {
            tree = parser.script();
        } catch (ParseCancellationException e) {
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new Collector());
            tree = parser.script();
        }
        if (tree.listBody() != null) {
            listBody(tree.listBody(), ctx);
        }
    }

    /** Deepest nesting of parentheses or compound commands that is parsed. */
    static final int MAX_NESTING = 100;

    /** Start offset of the token where nesting first exceeds {@link #MAX_NESTING}, or -1. */
    private static int tooDeep(List<Token> tokens) {
        int parens = 0;
        int compounds = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case ShellLexer.LPAREN, ShellLexer.DOLLAR_LPAREN, ShellLexer.PROC_SUBST, ShellLexer.ARRAY_ASSIGN -> parens++;
                case ShellLexer.RPAREN -> parens = Math.max(0, parens - 1);
                case ShellLexer.IF, ShellLexer.FOR, ShellLexer.WHILE, ShellLexer.UNTIL, ShellLexer.CASE,
                        ShellLexer.LBRACE -> compounds++;
                case ShellLexer.FI, ShellLexer.DONE, ShellLexer.ESAC, ShellLexer.RBRACE ->
                        compounds = Math.max(0, compounds - 1);
                default -> {
                }
            }
            if (parens > MAX_NESTING || compounds > MAX_NESTING) {
                return Math.max(0, t.getStartIndex());
            }
        }
        return -1;
    }

    private final class Collector extends BaseErrorListener {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                                RecognitionException e) {
            int s;
            int end;
            String message = msg;
            if (offending instanceof Token t) {
                if (t.getType() == Token.EOF || t.getStartIndex() < 0) {
                    s = text.length();
                    end = s;
                } else {
                    s = t.getStartIndex();
                    end = t.getStopIndex() + 1;
                }
            } else if (e instanceof LexerNoViableAltException lx) {
                s = Math.min(lx.getStartIndex(), text.length());
                end = Math.min(s + 1, text.length());
                char c = s < text.length() ? text.charAt(s) : 0;
                if (c == '\'') {
                    message = "unterminated single quote";
                } else if (c == '`') {
                    message = "unterminated backtick";
                } else if (c == '"') {
                    message = "unterminated double quote";
                }
            } else {
                s = text.length();
                end = s;
            }
            int set = message.indexOf(" expecting {");
            if (set > 0 && message.chars().filter(ch -> ch == ',').count() > 4) {
                message = message.substring(0, set); // the full token set helps nobody
            }
            errors.add(new ShellError(src.outer(s), end > s ? src.outerEnd(end) : src.outer(s), message));
        }
    }

    // ------------------------------------------------------------------ lists

    private void listBody(ListBodyContext lb, Ctx ctx) {
        if (lb.children == null) {
            return;
        }
        Connector next = ctx.connector();
        List<ParseTree> ch = lb.children;
        for (int i = 0; i < ch.size(); i++) {
            if (ch.get(i) instanceof AndOrContext ao) {
                int before = commands.size();
                andOr(ao, ctx.with(next));
                next = Connector.SEQUENCE;
                if (i + 1 < ch.size() && ch.get(i + 1) instanceof SeparatorContext sep && sep.AMP() != null) {
                    for (int k = before; k < commands.size(); k++) {
                        commands.get(k).flags |= SimpleCommand.BACKGROUND;
                    }
                    next = Connector.BACKGROUND;
                }
            }
        }
    }

    private void compoundList(CompoundListContext cl, Ctx ctx) {
        if (cl != null && cl.listBody() != null) {
            listBody(cl.listBody(), ctx);
        }
    }

    private void andOr(AndOrContext ao, Ctx ctx) {
        if (ao.children == null) {
            return;
        }
        AndOrList list = new AndOrList();
        lists.add(list);
        Connector op = ctx.connector();
        boolean first = true;
        for (ParseTree child : ao.children) {
            if (child instanceof PipelineContext pc) {
                int element = list.addElement(op);
                pipeline(pc, ctx.in(list, element, first ? ctx.connector() : op));
                first = false;
            } else if (child instanceof TerminalNode t) {
                int type = t.getSymbol().getType();
                if (type == ShellLexer.AND_IF) {
                    op = Connector.AND;
                } else if (type == ShellLexer.OR_IF) {
                    op = Connector.OR;
                }
            }
        }
    }

    private void pipeline(PipelineContext pc, Ctx ctx) {
        List<CommandContext> cmds = pc.command();
        int flags = (pc.BANG() != null ? SimpleCommand.NEGATED : 0) | (cmds.size() > 1 ? SimpleCommand.PIPELINE : 0);
        Ctx c = ctx.plus(flags);
        for (int i = 0; i < cmds.size(); i++) {
            command(cmds.get(i), i == 0 ? c : c.with(Connector.PIPE));
        }
    }

    private void command(CommandContext cc, Ctx ctx) {
        if (cc.simpleCommand() != null) {
            simple(cc.simpleCommand(), ctx);
        } else if (cc.compoundCommand() != null) {
            compound(cc.compoundCommand(), ctx);
            for (RedirectContext r : cc.redirect()) {
                substitutions(r, ctx);
            }
        } else if (cc.functionDef() != null) {
            FunctionDefContext fd = cc.functionDef();
            if (fd.compoundCommand() != null) {
                compound(fd.compoundCommand(), ctx.plus(SimpleCommand.FUNCTION));
            }
        }
    }

    private void compound(CompoundCommandContext cc, Ctx ctx) {
        if (cc.braceGroup() != null) {
            compoundList(cc.braceGroup().compoundList(), ctx);
        } else if (cc.subshell() != null) {
            compoundList(cc.subshell().compoundList(), ctx.plus(SimpleCommand.SUBSHELL));
        } else if (cc.ifClause() != null) {
            IfClauseContext ic = cc.ifClause();
            condition(ic.condition(), ctx);
            body(ic.body(), ctx.plus(SimpleCommand.BRANCH));
            for (ElifPartContext e : ic.elifPart()) {
                condition(e.condition(), ctx.plus(SimpleCommand.BRANCH));
                body(e.body(), ctx.plus(SimpleCommand.BRANCH));
            }
            ElsePartContext e = ic.elsePart();
            if (e != null) {
                body(e.body(), ctx.plus(SimpleCommand.BRANCH));
            }
        } else if (cc.forClause() != null) {
            ForClauseContext fc = cc.forClause();
            if (fc.ARITH_CMD() != null) {
                embedded(fc.ARITH_CMD().getSymbol(), ctx);
            }
            List<WordContext> words = fc.word();
            for (int i = 1; i < words.size(); i++) {
                substitutions(words.get(i), ctx);
            }
            body(fc.body(), ctx.plus(SimpleCommand.LOOP));
        } else if (cc.whileClause() != null) {
            WhileClauseContext wc = cc.whileClause();
            condition(wc.condition(), ctx.plus(SimpleCommand.LOOP));
            body(wc.body(), ctx.plus(SimpleCommand.LOOP));
        } else if (cc.arithCommand() != null) {
            embedded(cc.arithCommand().getStart(), ctx);
        } else if (cc.testCommand() != null) {
            testCommand(cc.testCommand().getStart(), ctx);
        } else if (cc.caseClause() != null) {
            CaseClauseContext cs = cc.caseClause();
            if (cs.word() != null) {
                substitutions(cs.word(), ctx);
            }
            for (CaseItemContext item : cs.caseItem()) {
                if (item.listBody() != null) {
                    listBody(item.listBody(), ctx.plus(SimpleCommand.BRANCH));
                }
            }
        }
    }

    private void condition(ConditionContext c, Ctx ctx) {
        if (c != null) {
            compoundList(c.compoundList(), ctx.plus(SimpleCommand.CONDITION));
        }
    }

    private void body(BodyContext b, Ctx ctx) {
        if (b != null) {
            compoundList(b.compoundList(), ctx);
        }
    }

    // ------------------------------------------------------------------ simple commands

    private void simple(SimpleCommandContext sc, Ctx ctx) {
        if (sc.children == null) {
            return;
        }
        // substitutions run first (execution order)
        substitutions(sc, ctx);

        List<ParserRuleContext> elements = new ArrayList<>();
        collectElements(sc, elements);
        List<Assignment> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        for (ParserRuleContext el : elements) {
            if (el instanceof RedirectContext rc) {
                Redirect r = redirect(rc);
                if (r != null) {
                    redirects.add(r);
                }
                continue;
            }
            Word w = word(el);
            if (w == null) {
                continue;
            }
            int first = el.getStart().getType();
            if (words.isEmpty() && (first == ShellLexer.ASSIGN || first == ShellLexer.ARRAY_ASSIGN)) {
                Assignment a = Assignment.of(w);
                if (a != null) {
                    assignments.add(a);
                    continue;
                }
            }
            words.add(w);
        }
        int s = WordBuilder.startOf(sc);
        int e = WordBuilder.endOf(sc);
        if (s < 0) {
            return;
        }
        SimpleCommand c = new SimpleCommand(words.isEmpty() ? null : words.get(0),
                words.isEmpty() ? List.of() : words.subList(1, words.size()), assignments, redirects,
                ctx.connector(), ctx.flags(), ctx.path(), src.outer(s), src.outerEnd(e), text, s, e);
        commands.add(c);
        for (AndOrList.Pos p : ctx.path()) {
            p.list().add(c);
        }
    }

    private static void collectElements(ParserRuleContext ctx, List<ParserRuleContext> out) {
        for (ParseTree child : ctx.children) {
            if (child instanceof RedirectContext || child instanceof NameWordContext || child instanceof WordContext
                    || child instanceof ArrayAssignContext) {
                out.add((ParserRuleContext) child);
            } else if (child instanceof ParserRuleContext p && p.children != null) {
                collectElements(p, out); // cmdStart
            }
        }
    }

    private Redirect redirect(RedirectContext rc) {
        WordContext wc = rc.word();
        Word target = wc == null ? null : word(wc);
        Token op = rc.getStart();
        if (target == null || op == null || op.getStartIndex() < 0) {
            return null;
        }
        String t = op.getText();
        int k = 0;
        while (k < t.length() && Character.isDigit(t.charAt(k))) {
            k++;
        }
        int fd = -1;
        if (k > 0) {
            try {
                fd = Integer.parseInt(t.substring(0, k));
            } catch (NumberFormatException ex) {
                fd = Integer.MAX_VALUE;
            }
        }
        String body = null;
        boolean quoted = false;
        ShellLexerBase.Heredoc h = op.getType() == ShellLexer.HEREDOC ? heredocs.get(op.getStartIndex()) : null;
        if (h != null) {
            body = text.substring(h.bodyStart(), h.bodyEnd());
            quoted = h.quoted();
        }
        Redirect r = new Redirect(fd, t.substring(k), target, body, quoted, src.outer(op.getStartIndex()), target.end());
        if (h != null) {
            heredocSources.put(r, src.slice(h.bodyStart(), h.bodyEnd()));
        }
        return r;
    }

    /** Visits the commands of $(...), <(...) and backticks inside a subtree, in source order. */
    private void substitutions(ParseTree node, Ctx ctx) {
        if (node instanceof CommandSubstContext cs) {
            if (cs.listBody() != null) {
                listBody(cs.listBody(), ctx.sub());
            }
            return;
        }
        if (node instanceof ProcSubstContext ps) {
            if (ps.listBody() != null) {
                listBody(ps.listBody(), ctx.sub());
            }
            return;
        }
        if (node instanceof TerminalNode t) {
            if (t.getSymbol().getType() == ShellLexer.BACKTICK) {
                backtick(t.getSymbol(), ctx.sub());
            } else if (t.getSymbol().getType() == ShellLexer.ARITH) {
                embedded(t.getSymbol(), ctx);
            }
            return;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            substitutions(node.getChild(i), ctx);
        }
    }

    private void backtick(Token t, Ctx ctx) {
        if (t.getStartIndex() >= 0) {
            backtick(t.getStartIndex() + 1, t.getStopIndex(), ctx);
        }
    }

    /** Parses the text between backticks [from, to) as a nested list of commands. */
    private void backtick(int from, int to, Ctx ctx) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        StringBuilder inner = new StringBuilder(to - from);
        int[] offsets = new int[to - from + 1];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < to && "\\`$".indexOf(text.charAt(i + 1)) >= 0) {
                i++;
                c = text.charAt(i);
            }
            inner.append(c);
            offsets[n++] = src.outer(i);
        }
        offsets[n] = src.outerEnd(to);
        ScriptBuilder child = new ScriptBuilder(Source.mapped(inner.toString(), Arrays.copyOf(offsets, n + 1)),
                depth + 1);
        child.run(ctx);
        merge(child);
    }

    /**
     * Commands of {@code $(...)} and backticks inside a token whose inside is not sh syntax:
     * {@code $(( ... ))}, {@code (( ... ))}, {@code [[ ... ]]}.
     */
    private void embedded(Token t, Ctx ctx) {
        if (t == null || t.getStartIndex() < 0 || depth >= MAX_DEPTH) {
            return;
        }
        int end = t.getStopIndex() + 1;
        int i = t.getStartIndex();
        while (i < end) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'' ) {
                int close = text.indexOf('\'', i + 1);
                i = close < 0 || close >= end ? end : close + 1;
            } else if (c == '`') {
                int close = i + 1;
                while (close < end && text.charAt(close) != '`') {
                    close += text.charAt(close) == '\\' ? 2 : 1;
                }
                if (close < end) {
                    backtick(i + 1, close, ctx.sub());
                }
                i = close + 1;
            } else if (c == '$' && i + 1 < end && text.charAt(i + 1) == '(' && (i + 2 >= end || text.charAt(i + 2) != '(')) {
                int close = matchingParen(i + 1, end);
                if (close < 0) {
                    return;
                }
                ScriptBuilder child = new ScriptBuilder(src.slice(i + 2, close), depth + 1);
                child.run(ctx.sub());
                merge(child);
                i = close + 1;
            } else {
                i++;
            }
        }
    }

    /** Index of the ')' closing the '(' at open, skipping quotes; -1 when there is none before end. */
    private int matchingParen(int open, int end) {
        int level = 0;
        char quote = 0;
        for (int i = open; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                level++;
            } else if (c == ')' && --level == 0) {
                return i;
            }
        }
        return -1;
    }

    private void merge(ScriptBuilder child) {
        commands.addAll(child.commands);
        lists.addAll(child.lists);
        errors.addAll(child.errors);
        heredocSources.putAll(child.heredocSources);
    }

    /** {@code [[ ... ]]}: a command named {@code [[} whose arguments are its blank-separated words. */
    private void testCommand(Token t, Ctx ctx) {
        if (t == null || t.getStartIndex() < 0) {
            return;
        }
        embedded(t, ctx);
        int s = t.getStartIndex();
        int e = t.getStopIndex() + 1;
        List<Word> words = new ArrayList<>();
        int i = s;
        while (i < e) {
            while (i < e && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= e) {
                break;
            }
            int from = i;
            WordBuilder.WordDecoder d = new WordBuilder.WordDecoder(src);
            char quote = 0;
            for (; i < e; i++) {
                char c = text.charAt(i);
                if (quote == 0 && Character.isWhitespace(c)) {
                    break;
                }
                if (c == '\\' && quote != '\'' && i + 1 < e) {
                    d.add(text.charAt(++i), i);
                } else if (quote != 0 && c == quote) {
                    quote = 0;
                } else if (quote == 0 && (c == '\'' || c == '"')) {
                    quote = c;
                    d.quoted = true;
                } else {
                    if (c == '$' || c == '`') {
                        d.literal = false;
                    }
                    d.add(c, i);
                }
            }
            String value = d.value.toString();
            int[] offs = Arrays.copyOf(d.offsets, value.length() + 1);
            offs[value.length()] = value.isEmpty() ? src.outer(from) : offs[value.length() - 1] + 1;
            words.add(new Word(value, text.substring(from, i), src.outer(from), src.outerEnd(i), d.literal, false,
                    d.quoted, offs));
        }
        if (words.isEmpty()) {
            return;
        }
        SimpleCommand c = new SimpleCommand(words.get(0), words.subList(1, words.size()), List.of(), List.of(),
                ctx.connector(), ctx.flags(), ctx.path(), src.outer(s), src.outerEnd(e), text, s, e);
        commands.add(c);
        for (AndOrList.Pos p : ctx.path()) {
            p.list().add(c);
        }
    }

    // ------------------------------------------------------------------ words

    /** Builds a Word from a word or nameWord context; null when it has no real token. */
    Word word(ParserRuleContext w) {
        return WordBuilder.word(src, w);
    }

    // ------------------------------------------------------------------ effective commands

    /** Assigns execution order and resolves wrappers and nested shells. */
    void finish(int[] orderPrefix) {
        for (int i = 0; i < commands.size(); i++) {
            int[] o = Arrays.copyOf(orderPrefix, orderPrefix.length + 1);
            o[orderPrefix.length] = i;
            commands.get(i).order = o;
        }
        Wrappers.Nested nested = new Wrappers.Nested() {
            @Override
            public ShellScript parse(Source source, SimpleCommand owner) {
                if (depth >= MAX_DEPTH) {
                    return null;
                }
                Ctx ctx = new Ctx(owner.flags | SimpleCommand.NESTED_SHELL, owner.connector, owner.path);
                return script(source, ctx, owner.order, depth + 1);
            }

            @Override
            public Source heredocBody(Redirect r) {
                return heredocSources.get(r);
            }
        };
        for (SimpleCommand c : commands) {
            c.effective = Wrappers.unwrap(c, nested);
        }
    }
}
