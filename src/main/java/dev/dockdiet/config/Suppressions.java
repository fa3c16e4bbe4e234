package dev.dockdiet.config;

import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rules.syntax.SuppressionFindings;
import dev.dockdiet.syntax.LineMap;
import dev.dockdiet.syntax.SourceRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions: comments that silence rules for one instruction or for the whole file.
 *
 * <pre>
 * # dockdiet ignore=DD101,DD203        the next instruction
 * # dockdiet global ignore=DD401       the whole file, wherever the comment is
 * # hadolint ignore=DL3008,DL3015      the same, through the rules' aliases
 * # hadolint global ignore=DL3008
 * # dockdiet ignore=oversized-base # the reason, after a second '#'
 * </pre>
 *
 * <p>A suppression applies to the instruction that follows it when only comment lines lie between
 * (no blank line, no other instruction); a suppression inside an instruction's range (a comment
 * line within a continued {@code RUN}) applies to that instruction. A finding is suppressed when
 * its rule is listed and its range starts inside the instruction. Ids, aliases and rule names are
 * all accepted; the keywords are case-insensitive and blanks may sit around {@code =} and
 * {@code ,}. Ids may also be separated by blanks, so free text after the list without a {@code #}
 * shows up as unknown ids instead of being silently dropped.
 *
 * <p>Suppressions are checked: {@link #UNUSED} ({@code DD002}) reports a listed rule that
 * suppressed nothing, with a safe fix deleting it (or the whole comment line when nothing in it is
 * used), and {@link #UNKNOWN_RULE} ({@code DD003}) reports a name that is no rule. A rule that did
 * not run (turned off by configuration) is never reported unused. {@code # hadolint} comments
 * are honoured but, by default, not checked: a project may still run hadolint, which needs codes
 * dockdiet lacks (ShellCheck's) and codes whose dockdiet twin does not fire on the same line.
 * {@code # hadolint stage ignore=} is not supported (it is left alone). BuildKit's
 * {@code # check=skip=} directive is handled elsewhere.
 */
public final class Suppressions {

    public static final RuleMeta UNUSED = SuppressionFindings.UNUSED;

    public static final RuleMeta UNKNOWN_RULE = SuppressionFindings.UNKNOWN_RULE;

    /** A comment of the Dockerfile: its text (with or without the leading {@code #}) and where it is. */
    public record Comment(String text, SourceRange range) {
        public Comment {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(range, "range");
        }
    }

    /** One parsed suppression comment. */
    public record Suppression(Comment comment, String tool, boolean global, List<Token> tokens, SourceRange target) {
        public Suppression {
            tokens = List.copyOf(tokens);
        }
    }

    /**
     * One name in a suppression's list.
     *
     * @param ruleId the canonical id, null when the name is no known rule
     */
    public record Token(String text, String ruleId, SourceRange range) {
    }

    /**
     * @param kept the findings that stay
     * @param suppressed the findings a suppression silenced
     * @param added new {@code DD002}/{@code DD003} findings about the suppressions themselves
     * @param suppressions every suppression comment found
     */
    public record Result(List<Finding> kept, List<Finding> suppressed, List<Finding> added,
                         List<Suppression> suppressions) {
        public Result {
            kept = List.copyOf(kept);
            suppressed = List.copyOf(suppressed);
            added = List.copyOf(added);
            suppressions = List.copyOf(suppressions);
        }

        /** {@code kept} followed by {@code added}. */
        public List<Finding> all() {
            List<Finding> all = new ArrayList<>(kept);
            all.addAll(added);
            return all;
        }
    }

    /** Possessive quantifiers: a long run of blanks must not backtrack (it was quadratic: 16 kB of tabs, 4 s). */
    private static final Pattern PRAGMA = Pattern.compile(
            "^\\s*+#?+\\s*+(dockdiet|hadolint)[ \\t]++(?:(global)[ \\t]++)?ignore[ \\t]*+=(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("[^\\s,#]+");

    private final Function<String, Optional<String>> resolveRuleId;
    private final Predicate<String> ruleRan;
    private final boolean checkHadolintPragmas;

    /**
     * @param resolveRuleId id, alias or name to canonical id
     * @param ruleRan whether a rule (canonical id) ran on this file; suppressions of rules that did
     *     not run are never reported unused
     * @param checkHadolintPragmas also report unused and unknown codes in {@code # hadolint} comments
     */
    public Suppressions(Function<String, Optional<String>> resolveRuleId, Predicate<String> ruleRan,
                        boolean checkHadolintPragmas) {
        this.resolveRuleId = Objects.requireNonNull(resolveRuleId, "resolveRuleId");
        this.ruleRan = Objects.requireNonNull(ruleRan, "ruleRan");
        this.checkHadolintPragmas = checkHadolintPragmas;
    }

    /** Every rule counts as run; {@code # hadolint} comments are not checked. */
    public Suppressions(Function<String, Optional<String>> resolveRuleId) {
        this(resolveRuleId, id -> true, false);
    }

    /**
     * Filters {@code findings}.
     *
     * @param source the file text (no BOM) the ranges index into
     * @param comments the file's comments
     * @param instructions the instructions' ranges, each from its keyword to its last character
     */
    public Result apply(String source, List<Comment> comments, List<SourceRange> instructions, List<Finding> findings) {
        LineMap lines = new LineMap(source);
        Set<Integer> commentLines = new HashSet<>();
        for (Comment c : comments) {
            for (int l = c.range().startLine(); l <= c.range().endLine(); l++) {
                commentLines.add(l);
            }
        }
        List<SourceRange> sorted = new ArrayList<>(instructions);
        sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));

        List<Suppression> suppressions = new ArrayList<>();
        for (Comment c : comments) {
            Suppression s = parse(source, lines, c, sorted, commentLines);
            if (s != null) {
                suppressions.add(s);
            }
        }

        // which tokens suppressed something
        Set<Token> used = new HashSet<>();
        List<Finding> kept = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        for (Finding f : findings) {
            if (matches(f, suppressions, used)) {
                suppressed.add(f);
            } else {
                kept.add(f);
            }
        }

        List<Finding> added = new ArrayList<>();
        for (Suppression s : suppressions) {
            if (s.tool().equals("hadolint") && !checkHadolintPragmas) {
                continue;
            }
            report(s, source, lines, used, added);
        }
        // a global suppression may silence DD002/DD003 themselves
        List<Finding> addedKept = new ArrayList<>();
        for (Finding f : added) {
            if (matches(f, suppressions, used)) {
                suppressed.add(f);
            } else {
                addedKept.add(f);
            }
        }
        return new Result(kept, suppressed, addedKept, suppressions);
    }

    private boolean matches(Finding f, List<Suppression> suppressions, Set<Token> used) {
        boolean hit = false;
        for (Suppression s : suppressions) {
            if (!s.global() && (s.target() == null || !startsInside(f.range(), s.target()))) {
                continue;
            }
            for (Token t : s.tokens()) {
                if (f.rule().id().equals(t.ruleId())) {
                    used.add(t);
                    hit = true;
                }
            }
        }
        return hit;
    }

    private static boolean startsInside(SourceRange finding, SourceRange instruction) {
        return instruction.start() <= finding.start()
                && (finding.start() < instruction.end() || finding.start() == instruction.start());
    }

    private Suppression parse(String source, LineMap lines, Comment c, List<SourceRange> instructions,
                              Set<Integer> commentLines) {
        String text = c.text();
        int base = locate(source, c);
        if (base < 0) {
            text = source.substring(c.range().start(), Math.min(c.range().end(), source.length()));
            base = c.range().start();
        }
        Matcher m = PRAGMA.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String tool = m.group(1).toLowerCase(Locale.ROOT);
        boolean global = m.group(2) != null;
        String list = m.group(3);
        int listStart = m.start(3);
        int hash = list.indexOf('#');
        if (hash >= 0) {
            list = list.substring(0, hash);
        }
        List<Token> tokens = new ArrayList<>();
        Matcher t = TOKEN.matcher(list);
        while (t.find()) {
            int start = base + listStart + t.start();
            int end = base + listStart + t.end();
            String name = t.group();
            String id = resolve(name);
            tokens.add(new Token(name, id, lines.range(start, end)));
        }
        SourceRange target = global ? null : target(c, instructions, commentLines);
        return new Suppression(c, tool, global, tokens, target);
    }

    /** Where {@code c.text()} starts in the source, or -1 if the text is not the source there. */
    private static int locate(String source, Comment c) {
        int start = c.range().start();
        int end = Math.min(c.range().end(), source.length());
        if (start > end) {
            return -1;
        }
        int at = source.indexOf(c.text(), start);
        return at >= 0 && at + c.text().length() <= end ? at : -1;
    }

    private String resolve(String name) {
        Optional<String> id = resolveRuleId.apply(name);
        if (id.isEmpty() && !name.equals(name.toUpperCase(Locale.ROOT))) {
            id = resolveRuleId.apply(name.toUpperCase(Locale.ROOT));
        }
        if (id.isEmpty() && !name.equals(name.toLowerCase(Locale.ROOT))) {
            id = resolveRuleId.apply(name.toLowerCase(Locale.ROOT));
        }
        return id.orElse(null);
    }

    private static SourceRange target(Comment c, List<SourceRange> instructions, Set<Integer> commentLines) {
        for (SourceRange i : instructions) {
            if (i.start() <= c.range().start() && c.range().start() < i.end()) {
                return i; // a comment line inside a continued instruction
            }
            if (i.start() >= c.range().end()) {
                for (int l = c.range().endLine() + 1; l < i.startLine(); l++) {
                    if (!commentLines.contains(l)) {
                        return null; // a blank line or something else in between
                    }
                }
                return i.startLine() > c.range().endLine() ? i : null;
            }
        }
        return null;
    }

    private void report(Suppression s, String source, LineMap lines, Set<Token> used, List<Finding> out) {
        List<Token> tokens = s.tokens();
        if (tokens.isEmpty()) {
            out.add(new Finding(UNKNOWN_RULE, "suppression lists no rule after 'ignore='", s.comment().range())
                    .withFix(Fix.safe("delete the empty suppression", deleteLine(s.comment(), source, lines))));
            return;
        }
        List<Token> unused = new ArrayList<>();
        List<Token> unknown = new ArrayList<>();
        for (Token t : tokens) {
            if (t.ruleId() == null) {
                unknown.add(t);
            } else if (!used.contains(t) && ruleRan.test(t.ruleId()) && !isSelfReference(s, t)) {
                unused.add(t);
            }
        }
        if (unused.isEmpty() && unknown.isEmpty()) {
            return;
        }
        boolean nothingLeft = unused.size() + unknown.size() == tokens.size();
        Edit wholeLine = deleteLine(s.comment(), source, lines);
        if (nothingLeft && !unused.isEmpty()) {
            String why;
            if (s.global()) {
                why = "this global suppression suppresses nothing: no finding of " + names(unused) + " in this file";
            } else if (s.target() == null) {
                why = "this suppression suppresses nothing: it is not directly above an instruction";
            } else {
                why = "this suppression suppresses nothing: no finding of " + names(unused) + " on the next instruction";
            }
            out.add(new Finding(UNUSED, why, s.comment().range())
                    .withFix(Fix.safe("delete the unused suppression", wholeLine)));
        } else {
            for (Token t : unused) {
                String where = s.global() ? "in this file" : s.target() == null
                        ? "(the suppression is not directly above an instruction)" : "on the next instruction";
                out.add(new Finding(UNUSED, "'" + t.text() + "' suppresses nothing: no finding of it " + where, t.range())
                        .withFix(Fix.safe("remove '" + t.text() + "' from the suppression", deleteToken(s, t))));
            }
        }
        for (Token t : unknown) {
            Edit edit = nothingLeft ? wholeLine : deleteToken(s, t);
            out.add(new Finding(UNKNOWN_RULE, "unknown rule '" + t.text() + "' in suppression", t.range())
                    .withFix(Fix.safe(nothingLeft ? "delete the suppression" : "remove '" + t.text() + "' from the suppression",
                            edit)));
        }
    }

    /** A global ignore of DD002/DD003 silences those findings; it is never "unused" itself. */
    private static boolean isSelfReference(Suppression s, Token t) {
        return s.global() && (UNUSED.id().equals(t.ruleId()) || UNKNOWN_RULE.id().equals(t.ruleId()));
    }

    private static String names(List<Token> tokens) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            b.append(i == 0 ? "" : i == tokens.size() - 1 ? " or " : ", ").append(tokens.get(i).text());
        }
        return b.toString();
    }

    /**
     * Deletes a token and one separator: the one before it, or for the first token the one after
     * it ({@code A, B} minus {@code A} is {@code B}).
     */
    private static Edit deleteToken(Suppression s, Token t) {
        List<Token> tokens = s.tokens();
        int i = tokens.indexOf(t);
        SourceRange r;
        if (i > 0) {
            r = new SourceRange(tokens.get(i - 1).range().end(), t.range().end(), tokens.get(i - 1).range().endLine(),
                    tokens.get(i - 1).range().endColumn(), t.range().endLine(), t.range().endColumn());
        } else if (tokens.size() > 1) {
            SourceRange next = tokens.get(1).range();
            r = new SourceRange(t.range().start(), next.start(), t.range().startLine(), t.range().startColumn(),
                    next.startLine(), next.startColumn());
        } else {
            r = t.range();
        }
        return new Edit(r, "");
    }

    /** Deletes the comment's lines with their line end, when nothing else is on them; else the comment only. */
    private static Edit deleteLine(Comment c, String source, LineMap lines) {
        SourceRange r = c.range();
        int lineStart = lines.lineStart(r.startLine());
        // the comment's last character (never the empty line after a final newline)
        int endLine = lines.line(Math.min(Math.max(r.start(), r.end() - 1), Math.max(0, source.length() - 1)));
        int lineEnd = lines.lineContentEnd(endLine);
        boolean alone = source.substring(lineStart, r.start()).isBlank() && source.substring(r.end(), lineEnd).isBlank();
        if (!alone) {
            return new Edit(r, "");
        }
        int next = lines.nextLineStart(endLine);
        if (source.substring(0, lineStart).lines().allMatch(l -> l.strip().startsWith("#"))
                && DIRECTIVE_LIKE.matcher(source.substring(next, lines.lineContentEnd(Math.min(endLine + 1, lines.lineCount())))).find()) {
            // in the directive region at the top: deleting the line would turn the comment below into a
            // parser directive (e.g. `# escape=`); an empty line keeps it a comment
            return new Edit(lines.range(lineStart, lines.lineContentEnd(endLine)), "");
        }
        return new Edit(lines.range(lineStart, next), "");
    }

    /** A comment line that BuildKit would read as a parser directive if it were at the top. */
    private static final java.util.regex.Pattern DIRECTIVE_LIKE = java.util.regex.Pattern.compile("^\\s*#\\s*[a-zA-Z][a-zA-Z0-9_-]*\\s*=");
}
