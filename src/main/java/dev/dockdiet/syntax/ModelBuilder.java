package dev.dockdiet.syntax;

import dev.dockdiet.syntax.ArgParsers.Maybe;
import dev.dockdiet.syntax.ArgParsers.NameVal;
import dev.dockdiet.syntax.Problem.Layer;
import dev.dockdiet.syntax.antlr.DockerfileLexer;
import dev.dockdiet.syntax.antlr.DockerfileParser;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Builds the typed model from the ANTLR parse: BuildKit's per-instruction line parsers
 * ({@code parser/line_parsers.go}) and the instruction-level checks BuildKit's build applies
 * ({@code instructions/parse.go}), each failure recorded as a {@link Problem} with its position.
 */
final class ModelBuilder {

    static final int MAX_LINE = 65535;
    private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
    // (.*?\S)\s*$ and possessive blanks, not (.+?)\s*$: the same value on stripped text, in linear time
    // on long runs of blanks (it was quadratic: a 19 kB `#syntax=` line took 8 s)
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*+([a-zA-Z][a-zA-Z0-9]*+)\\s*+=\\s*+(.*?\\S)\\s*$");

    /** The automatic platform args in global scope ({@code dockerfile2llb/platform.go}). */
    static final Set<String> PLATFORM_ARGS = Set.of("BUILDPLATFORM", "BUILDOS", "BUILDOSVERSION", "BUILDARCH",
            "BUILDVARIANT", "TARGETPLATFORM", "TARGETOS", "TARGETOSVERSION", "TARGETARCH", "TARGETVARIANT", "TARGETSTAGE");

    /**
     * The instructions, in alphabetical order: the typo suggestion takes the first of equally close
     * ones ({@code rm}: ARG and FROM), so the order must not change from run to run as a {@code Set.of}'s does.
     */
    private static final List<String> KNOWN = List.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
            "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME",
            "WORKDIR");

    private final String text;
    private final LineMap lines;
    private final List<Problem> problems = new ArrayList<>();
    private char escape = '\\';

    private ModelBuilder(String text) {
        this.text = text;
        this.lines = new LineMap(text);
    }

    static Dockerfile build(String input) {
        return build(input, 0);
    }

    /** {@link #build(String)} parsing the text in {@code parts} parts (0: as {@link #parts} says), for tests. */
    static Dockerfile build(String input, int parts) {
        boolean bom = !input.isEmpty() && input.charAt(0) == '\uFEFF';
        String text = bom ? input.substring(1) : input;
        return new ModelBuilder(text).run(bom, parts > 0 ? parts : parts(text));
    }

    /** Parses with SLL and bail-out first, and with full LL only if that fails. */
    static DockerfileParser.DockerfileContext parseTree(CommonTokenStream tokens) {
        DockerfileParser parser = new DockerfileParser(tokens);
        parser.removeErrorListeners();
        return parseTree(parser, tokens);
    }

    /** As {@link #parseTree(CommonTokenStream)} with a parser set up by the caller (profiling). */
    static DockerfileParser.DockerfileContext parseTree(DockerfileParser parser, CommonTokenStream tokens) {
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.dockerfile();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            return parser.dockerfile();
        }
    }

    /**
     * A lexer over the text. The lexer always sees a final line end (a continuation or heredoc
     * terminator on the last line needs one); offsets are UTF-16 indexes, as in the model.
     */
    static DockerfileLexer lexer(String text) {
        if (!text.endsWith("\n")) {
            text = text + "\n";
        }
        CodePointCharStream chars = CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(text.toCharArray())));
        DockerfileLexer lexer = new DockerfileLexer(chars);
        lexer.removeErrorListeners();
        lexer.setSource(text);
        return lexer;
    }

    /** One part of the file, lexed and parsed on its own (see {@link #parse}). */
    private record Part(DockerfileLexer lexer, CommonTokenStream tokens, DockerfileParser.DockerfileContext tree,
                        List<String> errors) {
    }

    /** Into how many parts {@link #parse} splits a text: one, except for a big text on several cores. */
    static int parts(String text) {
        return Parallel.threadsFor(text);
    }

    /**
     * The lexed and parsed file, in {@code n} parts parsed on as many threads when {@code n > 1}: the
     * file is cut at line starts that look like the start of an instruction, and each part is lexed
     * from its first offset as a fresh lexer past the directive block would. That is the lexer's state
     * there when the part before ended between two logical lines (no instruction continued, no
     * heredoc open: {@code DockerfileLexerBase.endedBetweenLines}); as the grammar is a list of
     * lines, the parts' trees are then the whole file's tree, cut. When a part did not end so (the
     * cut fell in a heredoc body or after a continued comment), the file is parsed again in one part.
     */
    private List<Part> parse(int n) {
        String lexed = text.endsWith("\n") ? text : text + "\n";
        char[] chars = lexed.toCharArray();
        if (n > 1) {
            int[] cuts = cuts(lexed, n);
            if (cuts.length > 2) {
                int escapeChar = leadingEscape(lexed);
                Part[] parts = new Part[cuts.length - 1];
                Parallel.run("parse", parts.length, parts.length,
                        k -> parts[k] = part(lexed, chars, cuts[k], cuts[k + 1], escapeChar));
                boolean same = parts[0].lexer().escapeChar() == escapeChar;
                for (int k = 0; k < parts.length - 1 && same; k++) {
                    same = parts[k].lexer().endedBetweenLines();
                }
                if (same) {
                    return List.of(parts);
                }
            }
        }
        return List.of(part(lexed, chars, 0, chars.length, '\\'));
    }

    /** How many parts {@link #parse} parsed {@code text} in when asked for {@code n} (1: it fell back to one), for tests. */
    static int partsParsed(String text, int n) {
        return new ModelBuilder(text).parse(n).size();
    }

    private Part part(String lexed, char[] chars, int from, int to, int escapeChar) {
        CodePointCharStream in = CodePointCharStream.fromBuffer(CodePointBuffer.withChars(CharBuffer.wrap(chars, 0, to)));
        DockerfileLexer lexer = new DockerfileLexer(in);
        lexer.removeErrorListeners();
        lexer.setSource(lexed);
        if (from > 0) {
            in.seek(from);
            lexer.resumeAtLineStart(escapeChar);
            lexer.setLine(lines.line(from));
            lexer.setCharPositionInLine(0);
        }
        List<String> errors = new ArrayList<>();
        lexer.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object sym, int line, int col, String msg, RecognitionException e) {
                errors.add(line + ":" + (col + 1) + ": " + msg);
            }
        });
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        return new Part(lexer, tokens, parseTree(tokens), errors);
    }

    /**
     * Where to cut a text into about {@code n} parts: 0, the starts of lines near each n-th of it that
     * begin with a letter after a line that is not continued and opens no heredoc, and the end. Only
     * a guess: {@link #parse} checks that each cut fell between logical lines.
     */
    static int[] cuts(String t, int n) {
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        for (int k = 1; k < n; k++) {
            int target = (int) ((long) t.length() * k / n);
            int at = lineStartAfter(t, Math.max(target, cuts.get(cuts.size() - 1) + 1));
            if (at > 0) {
                cuts.add(at);
            }
        }
        cuts.add(t.length());
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A line start after {@code from} that {@link #cuts} may cut at (looking at most 1,000 lines on), or -1. */
    private static int lineStartAfter(String t, int from) {
        int nl = t.indexOf('\n', from);
        for (int tries = 0; nl >= 0 && nl + 1 < t.length() && tries < 1000; tries++) {
            int p = nl + 1;
            char c = t.charAt(p);
            if (((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) && !continuedBefore(t, p)) {
                return p;
            }
            nl = t.indexOf('\n', p);
        }
        return -1;
    }

    /**
     * Whether the line at {@code p} may continue an instruction: the last line before it that is not
     * blank or a comment (a continued instruction drops those) ends with an escape character, or it
     * may open a heredoc. Unsure after 100 such lines: true.
     */
    private static boolean continuedBefore(String t, int p) {
        int end = p - 1; // the '\n' ending the line before
        for (int lines = 0; end > 0 && lines < 100; lines++) {
            int start = t.lastIndexOf('\n', end - 1) + 1;
            int e = end;
            while (e > start && (t.charAt(e - 1) == ' ' || t.charAt(e - 1) == '\t' || t.charAt(e - 1) == '\r')) {
                e--;
            }
            int b = start;
            while (b < e && (t.charAt(b) == ' ' || t.charAt(b) == '\t')) {
                b++;
            }
            if (b < e && t.charAt(b) != '#') {
                return t.charAt(e - 1) == '\\' || t.charAt(e - 1) == '`' || opensHeredoc(t, b, e);
            }
            end = start - 1;
        }
        return end > 0;
    }

    private static boolean opensHeredoc(String t, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (t.charAt(i) == '<' && t.charAt(i + 1) == '<') {
                return true;
            }
        }
        return false;
    }

    /** The escape character the directive block at the top of a text sets ({@code \\} by default). */
    private static int leadingEscape(String t) {
        int escapeChar = '\\';
        int at = 0;
        while (at < t.length()) {
            int nl = t.indexOf('\n', at);
            String line = t.substring(at, nl < 0 ? t.length() : nl).strip();
            var m = DIRECTIVE.matcher(line);
            if (!m.matches() || !Set.of("syntax", "escape", "check").contains(m.group(1).toLowerCase(Locale.ROOT))) {
                break; // the directive block ends at the first line that is not a directive
            }
            if (m.group(1).equalsIgnoreCase("escape") && (m.group(2).equals("`") || m.group(2).equals("\\"))) {
                escapeChar = m.group(2).charAt(0);
            }
            at = nl < 0 ? t.length() : nl + 1;
        }
        return escapeChar;
    }

    private Dockerfile run(boolean bom, int nParts) {
        for (int l = 1; l <= lines.lineCount(); l++) {
            if (lines.lineContentEnd(l) - lines.lineStart(l) > MAX_LINE) {
                problems.add(new Problem(Layer.PARSE, "dockerfile line greater than max allowed size of " + MAX_LINE,
                        lines.range(lines.lineStart(l), lines.lineStart(l))));
                return new Dockerfile(text, bom, escape, lines, List.of(), List.of(), List.of(), List.of(), List.of(),
                        problems);
            }
        }
        List<Part> parts = parse(nParts);
        escape = (char) parts.get(0).lexer().escapeChar();
        for (Part part : parts) {
            for (String e : part.errors()) {
                problems.add(new Problem(Layer.PARSE, "cannot read the file: " + e, lines.range(0, 0)));
            }
        }

        List<Directive> directives = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        List<Comment> pending = new ArrayList<>();
        List<Instruction> instructions = new ArrayList<>();
        Map<String, Directive> seenDirectives = new HashMap<>();
        for (Part part : parts) {
            DockerfileParser.DockerfileContext tree = part.tree();
            CommonTokenStream tokens = part.tokens();
            for (int i = 0; i < tree.getChildCount(); i++) {
                ParseTree child = tree.getChild(i);
                if (child instanceof DockerfileParser.DirectiveContext d) {
                    directive(d.DIRECTIVE().getSymbol(), directives, seenDirectives);
                } else if (child instanceof DockerfileParser.CommentContext c) {
                    Token t = c.COMMENT().getSymbol();
                    String body = t.getText().strip();
                    Comment comment = new Comment(body.substring(1).strip(), range(t));
                    comments.add(comment);
                    if (body.equals("#")) {
                        pending.clear();
                    } else {
                        pending.add(comment);
                    }
                } else if (child instanceof DockerfileParser.InstructionContext ic) {
                    Instruction in = instruction(ic, tokens, pending);
                    pending.clear();
                    if (in != null) {
                        instructions.add(in);
                    }
                }
            }
        }
        if (instructions.isEmpty()) {
            problems.add(new Problem(Layer.PARSE, "file with no instructions", lines.range(0, 0)));
        }
        return stages(bom, directives, comments, instructions);
    }

    private void directive(Token t, List<Directive> out, Map<String, Directive> seen) {
        var m = DIRECTIVE.matcher(t.getText().strip());
        if (!m.matches()) {
            return;
        }
        String key = m.group(1).toLowerCase(Locale.ROOT);
        Directive d = new Directive(key, m.group(2), range(t));
        if (seen.containsKey(key)) {
            problems.add(new Problem(Layer.PARSE, "only one " + key + " parser directive can be used", d.range()));
            return;
        }
        seen.put(key, d);
        out.add(d);
        if (key.equals("escape") && !d.value().equals("\\") && !d.value().equals("`")) {
            problems.add(new Problem(Layer.PARSE,
                    "invalid escape token '" + d.value() + "' does not match ` or \\", d.range()));
        }
    }

    private SourceRange range(Token t) {
        int s = Math.min(t.getStartIndex(), text.length());
        int e = Math.min(Math.max(s, t.getStopIndex() + 1), text.length());
        // a token's trailing line end is not part of what it names
        while (e > s && (text.charAt(e - 1) == '\n' || text.charAt(e - 1) == '\r')) {
            e--;
        }
        return lines.range(s, e);
    }

    // ---- one instruction ----

    private Instruction instruction(DockerfileParser.InstructionContext ic, CommonTokenStream tokens,
                                    List<Comment> comments) {
        int from = ic.keyword().getStart().getTokenIndex();
        int to = ic.ARG_NL().getSymbol().getTokenIndex();
        // the default-channel tokens, as contiguous spans of the file (continuations and dropped
        // lines are the gaps); no per-token strings
        int[] spans = new int[16];
        int nSpans = 0;
        boolean emptyContinuation = false;
        int lastContentEnd = ic.keyword().getStart().getStartIndex();
        int limit = text.length();
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                int s = Math.min(t.getStartIndex(), limit);
                int e = Math.min(t.getStopIndex() + 1, limit);
                if (e <= s) {
                    continue;
                }
                if (nSpans > 0 && spans[2 * nSpans - 1] == s) {
                    spans[2 * nSpans - 1] = e;
                } else {
                    if (2 * nSpans + 2 > spans.length) {
                        spans = java.util.Arrays.copyOf(spans, spans.length * 2);
                    }
                    spans[2 * nSpans] = s;
                    spans[2 * nSpans + 1] = e;
                    nSpans++;
                }
                lastContentEnd = e;
            } else if (t.getType() == DockerfileLexer.CONTINUED_BLANK) {
                emptyContinuation = true;
            }
        }
        MappedText.Builder joined = new MappedText.Builder(lines);
        for (int p = 0; p < nSpans; p++) {
            joined.slice(text, spans[2 * p], spans[2 * p + 1]);
        }
        MappedText logical = joined.build();
        int start = ic.keyword().getStart().getStartIndex();

        // heredoc bodies
        List<Heredocs.Opener> openers;
        try {
            openers = Heredocs.parseLine(logical.text());
        } catch (Heredocs.HeredocException e) {
            problems.add(new Problem(Layer.PARSE, e.getMessage(), logical.range(0, logical.length())));
            openers = List.of();
        }
        List<Heredoc> heredocs = new ArrayList<>();
        List<MappedText> heredocTexts = new ArrayList<>();
        int end = lastContentEnd;
        List<DockerfileParser.HeredocContext> bodies = ic.heredoc();
        for (int h = 0; h < bodies.size() && h < openers.size(); h++) {
            DockerfileParser.HeredocContext body = bodies.get(h);
            Heredocs.Opener op = openers.get(h);
            int bodyStart = body.getStart().getStartIndex();
            StringBuilder content = new StringBuilder();
            MappedText.Builder mapped = new MappedText.Builder(lines);
            for (var line : body.HEREDOC_LINE()) {
                Token t = line.getSymbol();
                content.append(t.getText());
                int s = t.getStartIndex();
                int e = Math.min(t.getStopIndex() + 1, text.length());
                if (op.chomp()) {
                    while (s < e && text.charAt(s) == '\t') {
                        s++;
                    }
                }
                mapped.slice(text, s, e);
            }
            int bodyEnd;
            if (body.HEREDOC_END() != null) {
                Token t = body.HEREDOC_END().getSymbol();
                bodyEnd = Math.min(t.getStopIndex() + 1, text.length());
                while (bodyEnd > t.getStartIndex() && (text.charAt(bodyEnd - 1) == '\n' || text.charAt(bodyEnd - 1) == '\r')) {
                    bodyEnd--;
                }
                mapped.synthetic(op.name(), t.getStartIndex());
            } else {
                bodyEnd = text.length();
                problems.add(new Problem(Layer.PARSE, "unterminated heredoc <<" + op.name()
                        + " (no line \"" + op.name() + "\" ends it)", logical.range(0, logical.length())));
            }
            end = Math.max(end, bodyEnd);
            heredocs.add(new Heredoc(op.name(), op.fd(), op.expand(), op.chomp(), content.toString(),
                    lines.range(bodyStart, Math.max(bodyStart, bodyEnd))));
            heredocTexts.add(mapped.build());
        }
        SourceRange whole = lines.range(start, Math.max(start, end));
        Instruction in = fromLine(logical, whole, heredocs, heredocTexts, comments, false);
        if (emptyContinuation) {
            problems.add(new Problem(Layer.WARNING,
                    "Empty continuation line found in: " + logical.text().strip()
                            + " (empty continuation lines will become errors in a future release)",
                    lines.lineRange(whole.endLine())));
        }
        return in;
    }

    /** BuildKit's newNodeFromLine plus the typed instruction and its checks. */
    private Instruction fromLine(MappedText logical, SourceRange whole, List<Heredoc> heredocs,
                                 List<MappedText> heredocTexts, List<Comment> comments, boolean inOnbuild) {
        LineSplit split = LineSplit.of(logical.text());
        String keyword = split.keyword().toUpperCase(Locale.ROOT);
        SourceRange kwRange = split.keyword().isEmpty() ? whole
                : logical.range(split.keywordOffset(), split.keywordOffset() + split.keyword().length());
        Flags.Extracted ex = Flags.extract(split.rest(), escape);
        List<Flag> flags = new ArrayList<>();
        for (Flags.Raw r : ex.flags()) {
            flags.add(Flag.of(r.text(), logical.range(split.restOffset() + r.start(), split.restOffset() + r.end())));
        }
        int restStart = split.restOffset() + ex.restOffset();
        String restText = ex.rest().strip();
        int lead = ex.rest().indexOf(restText.isEmpty() ? "\u0000" : restText.substring(0, 1));
        if (restText.isEmpty()) {
            restStart = logical.length();
        } else {
            restStart += Math.max(0, lead);
        }
        MappedText rest = logical.substring(Math.min(restStart, logical.length()),
                Math.min(restStart + restText.length(), logical.length()));
        ArgParsers a = new ArgParsers(rest, lines, problems, escape);

        Instruction in;
        switch (keyword) {
            case "FROM" -> {
                List<Word> w = a.whitespace();
                Node n = node(keyword, whole, kwRange, flags, w, false, heredocs, rest, logical, comments);
                Word image = w.isEmpty() ? null : w.get(0);
                Word stageName = null;
                if (w.size() == 3 && w.get(1).text().equalsIgnoreCase("as")) {
                    stageName = w.get(2);
                    if (!STAGE_NAME.matcher(stageName.text().toLowerCase(Locale.ROOT)).matches()) {
                        instructionError("invalid name for build stage: \"" + stageName.text()
                                + "\", name can't start with a number or contain symbols", stageName.range());
                    }
                } else if (w.size() != 1) {
                    instructionError("FROM requires either one or three arguments", n.restRange());
                }
                in = new Instruction.From(n, image, stageName);
            }
            case "RUN", "CMD", "ENTRYPOINT" -> {
                Maybe m = a.maybeJson(keyword, whole);
                Node n = node(keyword, whole, kwRange, flags, m.words(), m.json(), heredocs, rest, logical, comments);
                Instruction.Command cmd = new Instruction.Command(m.json(), m.json() ? m.words() : List.of(),
                        m.json() ? MappedText.synthetic("", whole.start(), lines) : rest);
                if (keyword.equals("RUN")) {
                    in = new Instruction.Run(n, cmd, runScript(cmd, rest, heredocs, heredocTexts, whole));
                } else if (keyword.equals("CMD")) {
                    in = new Instruction.Cmd(n, cmd);
                } else {
                    in = new Instruction.Entrypoint(n, cmd);
                }
            }
            case "COPY", "ADD" -> {
                Maybe m = a.maybeJsonList(keyword, whole);
                Node n = node(keyword, whole, kwRange, flags, m.words(), m.json(), heredocs, rest, logical, comments);
                List<Word> w = m.words();
                if (w.size() < 2) {
                    instructionError(keyword + " requires at least two arguments, but only "
                            + "one was provided. Destination could not be determined",
                            n.restRange());
                }
                Word dest = w.isEmpty() ? null : w.get(w.size() - 1);
                List<Word> sources = w.size() < 2 ? List.of() : w.subList(0, w.size() - 1);
                if (dest != null && !m.json() && !heredocs.isEmpty()) {
                    try {
                        if (Heredocs.parseWord(dest.text()) != null) {
                            instructionError(keyword + " cannot accept a heredoc as a destination", dest.range());
                        }
                    } catch (Heredocs.HeredocException e) {
                        instructionError(e.getMessage(), dest.range());
                    }
                }
                in = keyword.equals("COPY") ? new Instruction.Copy(n, sources, dest) : new Instruction.Add(n, sources, dest);
            }
            case "ENV", "LABEL" -> {
                NameVal nv = a.nameVal(keyword, whole);
                Node n = node(keyword, whole, kwRange, flags, nv.nodes(), false, heredocs, rest, logical, comments);
                if (nv.pairs().isEmpty() && nv.error() == null) {
                    instructionError(keyword + " requires at least one argument", n.keywordRange());
                }
                for (Instruction.KeyValue kv : nv.pairs()) {
                    if (kv.key().isEmpty()) {
                        instructionError(keyword + " names can not be blank", kv.range());
                    }
                }
                in = keyword.equals("ENV") ? new Instruction.Env(n, nv.pairs(), nv.legacy())
                        : new Instruction.Label(n, nv.pairs(), nv.legacy());
            }
            case "ARG" -> {
                List<Word> w = a.words();
                Node n = node(keyword, whole, kwRange, flags, w, false, heredocs, rest, logical, comments);
                List<Instruction.ArgDef> defs = new ArrayList<>();
                for (Word word : w) {
                    int eq = word.text().indexOf('=');
                    String name = eq < 0 ? word.text() : word.text().substring(0, eq);
                    if (name.isEmpty()) {
                        instructionError("ARG names can not be blank", word.range());
                    }
                    defs.add(new Instruction.ArgDef(name, eq < 0 ? null : word.text().substring(eq + 1), word.range()));
                }
                if (w.isEmpty()) {
                    instructionError("ARG requires at least one argument", n.keywordRange());
                }
                in = new Instruction.Arg(n, defs);
            }
            case "EXPOSE" -> {
                List<Word> w = a.whitespace();
                Node n = node(keyword, whole, kwRange, flags, w, false, heredocs, rest, logical, comments);
                if (w.isEmpty()) {
                    instructionError("EXPOSE requires at least one argument", n.keywordRange());
                }
                in = new Instruction.Expose(n, w);
            }
            case "VOLUME" -> {
                Maybe m = a.maybeJsonList(keyword, whole);
                Node n = node(keyword, whole, kwRange, flags, m.words(), m.json(), heredocs, rest, logical, comments);
                if (m.words().isEmpty()) {
                    instructionError("VOLUME requires at least one argument", n.keywordRange());
                }
                for (Word w : m.words()) {
                    if (w.text().isBlank()) {
                        instructionError("VOLUME specified can not be an empty string", w.range());
                    }
                }
                in = new Instruction.Volume(n, m.words());
            }
            case "SHELL" -> {
                Maybe m = a.maybeJson(keyword, whole);
                Node n = node(keyword, whole, kwRange, flags, m.words(), m.json(), heredocs, rest, logical, comments);
                if (!m.json()) {
                    instructionError("SHELL requires the arguments to be in JSON form", n.restRange());
                } else if (m.words().isEmpty()) {
                    instructionError("SHELL requires at least one argument", n.restRange());
                }
                in = new Instruction.Shell(n, m.json() ? m.words() : List.of());
            }
            case "HEALTHCHECK" -> in = healthcheck(a, rest, whole, kwRange, flags, heredocs, logical, comments);
            case "ONBUILD" -> {
                Instruction trigger = null;
                if (rest.length() > 0) {
                    trigger = fromLine(rest, whole, heredocs, heredocTexts, List.of(), true);
                }
                Node n = node(keyword, whole, kwRange, flags, List.of(), false, heredocs, rest, logical, comments);
                if (trigger == null) {
                    instructionError("ONBUILD requires at least one argument", n.keywordRange());
                } else {
                    String tk = trigger.keyword();
                    if (tk.equals("ONBUILD")) {
                        instructionError("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", n.restRange());
                    } else if (tk.equals("FROM") || tk.equals("MAINTAINER")) {
                        instructionError(tk + " isn't allowed as an ONBUILD trigger", n.restRange());
                    }
                }
                in = new Instruction.Onbuild(n, trigger);
            }
            case "WORKDIR", "USER", "STOPSIGNAL", "MAINTAINER" -> {
                Word w = rest.length() == 0 ? null : new Word(rest.text(), rest.range(0, rest.length()));
                Node n = node(keyword, whole, kwRange, flags, w == null ? List.of() : List.of(w), false, heredocs, rest,
                        logical, comments);
                if (w == null) {
                    instructionError(keyword + " requires exactly one argument", n.keywordRange());
                }
                in = switch (keyword) {
                    case "WORKDIR" -> new Instruction.Workdir(n, w);
                    case "USER" -> new Instruction.User(n, w);
                    case "STOPSIGNAL" -> new Instruction.StopSignal(n, w);
                    default -> new Instruction.Maintainer(n, w);
                };
            }
            default -> {
                Word empty = new Word("", whole);
                Node n = node(keyword, whole, kwRange, flags, List.of(empty), false, heredocs, rest, logical, comments);
                instructionError("unknown instruction: " + split.keyword() + suggestion(keyword), kwRange);
                in = new Instruction.Unknown(n);
            }
        }
        checkFlags(in);
        return in;
    }

    private static String suggestion(String keyword) {
        String best = null;
        int bestD = 3;
        for (String k : KNOWN) {
            int d = EditDistance.levenshtein(keyword, k);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best == null ? "" : " (did you mean " + best.toLowerCase(Locale.ROOT) + "?)";
    }

    private Instruction healthcheck(ArgParsers a, MappedText rest, SourceRange whole, SourceRange kwRange, List<Flag> flags,
                                    List<Heredoc> heredocs, MappedText logical, List<Comment> comments) {
        String r = rest.text();
        int sep = 0;
        while (sep < r.length() && !ShellLex.isSpace(r.charAt(sep))) {
            sep++;
        }
        int next = sep;
        while (next < r.length() && ShellLex.isSpace(r.charAt(next))) {
            next++;
        }
        if (sep == 0) {
            Node n = node("HEALTHCHECK", whole, kwRange, flags, List.of(), false, heredocs, rest, logical, comments);
            instructionError("HEALTHCHECK requires at least one argument", kwRange);
            return new Instruction.Healthcheck(n, null, null);
        }
        String type = r.substring(0, sep);
        Word typeWord = new Word(type, rest.range(0, sep));
        MappedText cmdText = rest.substring(next);
        Maybe m = new ArgParsers(cmdText, lines, problems, escape).maybeJson("HEALTHCHECK", whole);
        List<Word> nodes = new ArrayList<>();
        nodes.add(typeWord);
        nodes.addAll(m.words());
        Node n = node("HEALTHCHECK", whole, kwRange, flags, nodes, m.json(), heredocs, rest, logical, comments);
        String t = type.toUpperCase(Locale.ROOT);
        Instruction.Command cmd = null;
        switch (t) {
            case "NONE" -> {
                if (!m.words().isEmpty()) {
                    instructionError("HEALTHCHECK NONE takes no arguments", typeWord.range());
                }
            }
            case "CMD" -> {
                if (m.words().isEmpty()) {
                    instructionError("Missing command after HEALTHCHECK CMD", typeWord.range());
                }
                cmd = new Instruction.Command(m.json(), m.json() ? m.words() : List.of(),
                        m.json() ? MappedText.synthetic("", whole.start(), lines) : cmdText);
            }
            default -> instructionError("Unknown type \"" + t + "\" in HEALTHCHECK (try CMD)", typeWord.range());
        }
        return new Instruction.Healthcheck(n, t, cmd);
    }

    private static final Map<String, Set<String>> FLAGS = Map.of(
            "FROM", Set.of("platform"),
            "RUN", Set.of("mount", "network", "security", "device"),
            "COPY", Set.of("from", "chown", "chmod", "link", "parents", "exclude"),
            "ADD", Set.of("chown", "chmod", "link", "keep-git-dir", "checksum", "unpack", "exclude"),
            "HEALTHCHECK", Set.of("interval", "timeout", "start-period", "start-interval", "retries"));
    private static final Set<String> REPEATABLE = Set.of("mount", "device", "exclude");
    private static final Set<String> BOOLEAN = Set.of("link", "parents", "keep-git-dir", "unpack");
    private static final Set<String> UNCHECKED = Set.of("ARG", "STOPSIGNAL");

    private void checkFlags(Instruction in) {
        String kw = in.keyword();
        if (UNCHECKED.contains(kw) || !KNOWN.contains(kw)) {
            return;
        }
        if (in instanceof Instruction.Healthcheck h && "NONE".equals(h.type())) {
            return;
        }
        Set<String> allowed = FLAGS.getOrDefault(kw, Set.of());
        Map<String, Flag> seen = new LinkedHashMap<>();
        for (Flag f : in.node().flags()) {
            if (!f.text().startsWith("--")) {
                continue;
            }
            if (!allowed.contains(f.name())) {
                instructionError("unknown flag: --" + f.name() + " (" + kw + " accepts "
                        + (allowed.isEmpty() ? "no flags" : String.join(", ", allowed.stream().sorted().map(x -> "--" + x).toList()))
                        + ")", f.range());
                continue;
            }
            if (seen.containsKey(f.name()) && !REPEATABLE.contains(f.name())) {
                instructionError("duplicate flag specified: --" + f.name(), f.range());
            }
            seen.put(f.name(), f);
            if (BOOLEAN.contains(f.name())) {
                if (f.value() != null && !f.value().equalsIgnoreCase("true") && !f.value().equalsIgnoreCase("false")) {
                    instructionError("expecting boolean value for flag --" + f.name() + ", not: " + f.value(), f.range());
                }
            } else if (f.value() == null) {
                instructionError("missing a value on flag: --" + f.name(), f.range());
            } else if (kw.equals("HEALTHCHECK")) {
                healthcheckFlag(f);
            }
        }
    }

    /** parseHealthcheck's option checks: Go durations (0, or at least 1ms) and an int32 retry count. */
    private void healthcheckFlag(Flag f) {
        String v = f.value();
        if (v.isEmpty()) {
            return;
        }
        if (f.name().equals("retries")) {
            long n;
            try {
                n = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                boolean digits = v.matches("[+-]?[0-9]+");
                instructionError("strconv.ParseInt: parsing " + AstDump.goQuote(v) + ": "
                        + (digits ? "value out of range" : "invalid syntax"), f.range());
                return;
            }
            if (n < 0) {
                instructionError("--retries cannot be negative (" + n + ")", f.range());
            }
            return;
        }
        try {
            long ns = GoDuration.parse(v);
            if (ns != 0 && ns < 1_000_000L) {
                instructionError("Interval " + AstDump.goQuote(f.name()) + " cannot be less than 1ms", f.range());
            }
        } catch (GoDuration.DurationException e) {
            instructionError(e.getMessage(), f.range());
        }
    }

    private Node node(String keyword, SourceRange whole, SourceRange kwRange, List<Flag> flags, List<Word> args,
                      boolean json, List<Heredoc> heredocs, MappedText rest, MappedText logical, List<Comment> comments) {
        return new Node(keyword, whole, kwRange, flags, args, json, heredocs, rest, logical.text(), comments);
    }

    /** What the shell runs for a RUN, as BuildKit's dispatchRun assembles it. */
    private MappedText runScript(Instruction.Command cmd, MappedText rest, List<Heredoc> heredocs,
                                 List<MappedText> heredocTexts, SourceRange whole) {
        if (cmd.exec()) {
            MappedText.Builder out = new MappedText.Builder(lines);
            for (int i = 0; i < cmd.args().size(); i++) {
                Word w = cmd.args().get(i);
                if (i > 0) {
                    out.synthetic(" ", w.range().start());
                }
                out.synthetic(w.text(), w.range().start());
            }
            return out.build();
        }
        if (heredocs.isEmpty() || heredocTexts.isEmpty()) {
            return rest;
        }
        try {
            if (Heredocs.parseWord(rest.text()) != null) {
                MappedText body = heredocTexts.get(0);
                String name = heredocs.get(0).name();
                // an unterminated heredoc has no terminator line to cut off
                return body.text().endsWith(name) ? body.substring(0, body.length() - name.length()) : body;
            }
        } catch (Heredocs.HeredocException e) {
            // fall through to the multi-heredoc form
        }
        MappedText.Builder out = new MappedText.Builder(lines).append(rest);
        for (int i = 0; i < heredocTexts.size(); i++) {
            out.synthetic("\n", heredocs.get(i).body().start()).append(heredocTexts.get(i));
        }
        return out.build();
    }

    private void instructionError(String message, SourceRange range) {
        problems.add(new Problem(Layer.INSTRUCTION, message, range));
    }

    private void parseError(String message, SourceRange range) {
        problems.add(new Problem(Layer.PARSE, message, range));
    }

    // ---- stages ----

    private Dockerfile stages(boolean bom, List<Directive> directives, List<Comment> comments,
                              List<Instruction> instructions) {
        List<Instruction.Arg> metaArgs = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        ShellLex lex = ShellLex.of(escape);
        Instruction.From currentFrom = null;
        List<Instruction> body = new ArrayList<>();
        for (Instruction in : instructions) {
            if (in instanceof Instruction.From f) {
                if (currentFrom != null) {
                    stages.add(stage(stages, currentFrom, body, meta, lex));
                }
                currentFrom = f;
                body = new ArrayList<>();
            } else if (currentFrom == null) {
                if (in instanceof Instruction.Arg a) {
                    metaArgs.add(a);
                    for (Instruction.ArgDef d : a.definitions()) {
                        if (d.defaultValue() == null) {
                            meta.putIfAbsent(d.name(), null);
                            continue;
                        }
                        try {
                            meta.put(d.name(), lex.processWord(d.defaultValue(), nonNull(meta)));
                        } catch (ShellLex.ExpansionException e) {
                            instructionError(e.getMessage(), d.range());
                        }
                    }
                } else {
                    instructionError("no build stage in current context: " + in.keyword()
                            + " must come after a FROM (only ARG may come first)", in.node().keywordRange());
                }
            } else {
                body.add(in);
            }
        }
        if (currentFrom != null) {
            stages.add(stage(stages, currentFrom, body, meta, lex));
        }
        return new Dockerfile(text, bom, escape, lines, directives, comments, instructions, metaArgs, stages, problems);
    }

    private static Map<String, String> nonNull(Map<String, String> m) {
        Map<String, String> out = new HashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private Stage stage(List<Stage> previous, Instruction.From f, List<Instruction> body, Map<String, String> meta,
                        ShellLex lex) {
        int index = previous.size();
        String name = f.stageName() == null ? null : f.stageName().text().toLowerCase(Locale.ROOT);
        String baseName = null;
        if (f.image() != null) {
            try {
                ShellLex.Result r = lex.process(f.image().text(), nonNull(meta));
                // as BuildKit: unset meta args expand to "" (their defaults apply); a name that
                // depends on the platform the build runs for is not known before the build
                if (!r.result().isEmpty() && r.unmatched().stream().noneMatch(PLATFORM_ARGS::contains)) {
                    baseName = r.result();
                }
            } catch (ShellLex.ExpansionException e) {
                instructionError(e.getMessage(), f.image().range());
            }
        }
        int baseStage = -1;
        ImageRef base = null;
        if (baseName != null) {
            // stage names are case-insensitive: BuildKit lowercases both the AS name and the reference
            String ref = baseName.toLowerCase(Locale.ROOT);
            for (Stage s : previous) {
                if (ref.equals(s.name())) {
                    baseStage = s.index();
                }
            }
            if (baseStage < 0 && !baseName.equals("scratch")) {
                base = ImageRef.parse(baseName);
            }
        }
        return new Stage(index, name, f, body, baseName, base, baseStage);
    }
}
