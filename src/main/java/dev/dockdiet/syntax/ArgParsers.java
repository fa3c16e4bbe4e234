package dev.dockdiet.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's line parsers over an instruction's argument text ({@code parseStringsWhitespaceDelimited},
 * {@code parseMaybeJSON}, {@code parseMaybeJSONToList}, {@code parseNameVal} ...), producing
 * {@link Word}s with their ranges in the file; parse errors go to the builder's problem list.
 * Split out of {@link ModelBuilder} unchanged.
 */
final class ArgParsers {

    record Maybe(List<Word> words, boolean json) {
    }

    record NameVal(List<Word> nodes, List<Instruction.KeyValue> pairs, boolean legacy, String error) {
    }

    private final MappedText rest;
    private final LineMap lines;
    private final List<Problem> problems;
    /** The file's escape character ({@code # escape=}). */
    private final char escape;

    ArgParsers(MappedText rest, LineMap lines, List<Problem> problems, char escape) {
        this.rest = rest;
        this.lines = lines;
        this.problems = problems;
        this.escape = escape;
    }

    private void parseError(String message, SourceRange range) {
        problems.add(new Problem(Problem.Layer.PARSE, message, range));
    }

    private Word word(String value, int start, int end) {
        if (rest.length() == 0) {
            return new Word(value, lines.range(0, 0));
        }
        return new Word(value, rest.range(start, end));
    }

    /** parseStringsWhitespaceDelimited. */
    List<Word> whitespace() {
        List<Word> out = new ArrayList<>();
        String s = rest.text();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && LineSplit.isSplitBlank(s.charAt(i))) {
                i++;
            }
            int st = i;
            while (i < s.length() && !LineSplit.isSplitBlank(s.charAt(i))) {
                i++;
            }
            if (i > st) {
                out.add(word(s.substring(st, i), st, i));
            }
        }
        return out;
    }

    /** parseMaybeJSON: JSON array of strings, or the whole text as one node. */
    Maybe maybeJson(String keyword, SourceRange whole) {
        if (rest.length() == 0) {
            return new Maybe(List.of(), false);
        }
        JsonForm.Result r = JsonForm.parse(rest.text());
        if (r.kind() == JsonForm.Kind.STRINGS) {
            return new Maybe(jsonWords(r), true);
        }
        if (r.kind() == JsonForm.Kind.NOT_STRINGS) {
            parseError("when using JSON array syntax, arrays must be comprised of strings only", rest.range(0, rest.length()));
            return new Maybe(List.of(), true);
        }
        return new Maybe(List.of(word(rest.text(), 0, rest.length())), false);
    }

    /** parseMaybeJSONToList: JSON array of strings, or blank-separated words. */
    Maybe maybeJsonList(String keyword, SourceRange whole) {
        JsonForm.Result r = JsonForm.parse(rest.text());
        if (r.kind() == JsonForm.Kind.STRINGS) {
            return new Maybe(jsonWords(r), true);
        }
        if (r.kind() == JsonForm.Kind.NOT_STRINGS) {
            parseError("when using JSON array syntax, arrays must be comprised of strings only", rest.range(0, rest.length()));
            return new Maybe(List.of(), true);
        }
        return new Maybe(whitespace(), false);
    }

    private List<Word> jsonWords(JsonForm.Result r) {
        List<Word> out = new ArrayList<>();
        for (JsonForm.Element e : r.elements()) {
            out.add(word(e.value(), e.start(), e.end()));
        }
        return out;
    }

    /** parseWords: blank-separated words, quotes and escapes kept in the word. */
    List<Word> words() {
        List<Word> out = new ArrayList<>();
        String s = rest.text();
        final int inSpaces = 0;
        final int inWord = 1;
        final int inQuote = 2;
        int phase = inSpaces;
        StringBuilder w = new StringBuilder();
        int wStart = 0;
        char quote = 0;
        boolean blankOk = false;
        int n = s.length();
        for (int pos = 0; pos <= n; pos++) {
            char ch = pos < n ? s.charAt(pos) : 0;
            if (phase == inSpaces) {
                if (pos == n) {
                    break;
                }
                if (ShellLex.isSpace(ch)) {
                    continue;
                }
                phase = inWord;
                wStart = pos;
            }
            if ((phase == inWord || phase == inQuote) && pos == n) {
                if (blankOk || w.length() > 0) {
                    out.add(word(w.toString(), wStart, pos));
                }
                break;
            }
            if (phase == inWord) {
                if (ShellLex.isSpace(ch)) {
                    phase = inSpaces;
                    if (blankOk || w.length() > 0) {
                        out.add(word(w.toString(), wStart, pos));
                    }
                    w.setLength(0);
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    phase = inQuote;
                }
                if (ch == escape) {
                    if (pos + 1 == n) {
                        continue;
                    }
                    w.append(ch);
                    pos++;
                    ch = s.charAt(pos);
                }
                w.append(ch);
                continue;
            }
            if (phase == inQuote) {
                if (ch == quote) {
                    phase = inWord;
                }
                if (ch == escape && quote != '\'') {
                    if (pos + 1 == n) {
                        phase = inWord;
                        continue;
                    }
                    pos++;
                    w.append(ch);
                    ch = s.charAt(pos);
                }
                w.append(ch);
            }
        }
        return out;
    }

    /** parseNameVal for ENV and LABEL. */
    NameVal nameVal(String keyword, SourceRange whole) {
        List<Word> ws = words();
        if (ws.isEmpty()) {
            return new NameVal(List.of(), List.of(), false, null);
        }
        String s = rest.text();
        if (!ws.get(0).text().contains("=")) {
            int i = 0;
            while (i < s.length() && !LineSplit.isSplitBlank(s.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < s.length() && LineSplit.isSplitBlank(s.charAt(j))) {
                j++;
            }
            if (i == s.length()) {
                String msg = keyword + " must have two arguments";
                parseError(msg, rest.range(0, rest.length()));
                return new NameVal(List.of(), List.of(), true, msg);
            }
            Word k = word(s.substring(0, i), 0, i);
            Word v = word(s.substring(j), j, s.length());
            Word sep = new Word("", v.range());
            return new NameVal(List.of(k, v, sep),
                    List.of(new Instruction.KeyValue(k.text(), v.text(), k.range().union(v.range()))), true, null);
        }
        List<Word> nodes = new ArrayList<>();
        List<Instruction.KeyValue> pairs = new ArrayList<>();
        for (Word w : ws) {
            int eq = w.text().indexOf('=');
            if (eq < 0) {
                String msg = "Syntax error - can't find = in \"" + w.text() + "\". Must be of the form: name=value";
                parseError(msg, w.range());
                return new NameVal(nodes, pairs, false, msg);
            }
            SourceRange r = w.range();
            int keyEnd = r.start() + eq;
            SourceRange kr = lines.range(r.start(), Math.max(r.start(), Math.min(keyEnd, r.end())));
            SourceRange vr = lines.range(Math.min(keyEnd + 1, r.end()), r.end());
            nodes.add(new Word(w.text().substring(0, eq), kr));
            nodes.add(new Word(w.text().substring(eq + 1), vr));
            nodes.add(new Word("=", lines.range(Math.min(keyEnd, r.end()), Math.min(keyEnd + 1, r.end()))));
            pairs.add(new Instruction.KeyValue(w.text().substring(0, eq), w.text().substring(eq + 1), r));
        }
        return new NameVal(nodes, pairs, false, null);
    }
}
