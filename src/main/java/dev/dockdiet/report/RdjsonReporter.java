package dev.dockdiet.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.syntax.SourceRange;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code rdjson} format: reviewdog's {@code DiagnosticResult}, for
 * {@code reviewdog -f=rdjson -reporter=github-pr-review}. A fix becomes one line-based
 * {@code suggestion} (the touched lines, rewritten), which reviewdog posts as a GitHub suggested
 * change. Diagnostic columns are 1-based UTF-8 byte counts, as reviewdog wants them (not SARIF's
 * UTF-16 units); end positions are exclusive. When a file could not be read, columns stay in UTF-16
 * units (identical for ASCII text) and there are no suggestions.
 *
 * <p>A file that could not be read is one diagnostic, severity {@code ERROR}, code
 * {@code unreadable}, on line 1 without a column (reviewdog's line-wise range): reviewdog's format
 * allows no range, but its reporters place and filter comments by line, and line 1 is where
 * checkstyle and GitLab put it too.
 */
final class RdjsonReporter implements Reporter {

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        JsonGenerator g = Json.pretty(out);
        g.writeStartObject();
        g.writeObjectFieldStart("source");
        g.writeStringField("name", "dockdiet");
        g.writeStringField("url", ReportOptions.INFORMATION_URI);
        g.writeEndObject();
        g.writeArrayFieldStart("diagnostics");
        for (FileReport file : report.files()) {
            if (!file.readable()) {
                g.writeStartObject();
                g.writeStringField("message", file.path() + " " + file.unreadableMessage());
                g.writeObjectFieldStart("location");
                g.writeStringField("path", file.path());
                g.writeObjectFieldStart("range");
                g.writeObjectFieldStart("start");
                g.writeNumberField("line", 1);
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
                g.writeStringField("severity", "ERROR");
                g.writeObjectFieldStart("code");
                g.writeStringField("value", "unreadable");
                g.writeEndObject();
                g.writeEndObject();
            }
            SourceText src = file.source() == null ? null : new SourceText(file.source());
            Shown shown = Shown.of(file.source());
            for (Finding f : file.findings()) {
                g.writeStartObject();
                // reviewdog applies a suggestion as is: one that would show a secret value is left out
                String suggestion = f.fix() != null && src != null ? suggestionText(f.fix(), src, shown) : null;
                g.writeStringField("message", Texts.messageWithSaving(f) + (f.fix() != null && src != null
                        && suggestion == null ? " (" + WITHHELD + ")" : ""));
                g.writeObjectFieldStart("location");
                g.writeStringField("path", file.path());
                range(g, f.range(), src);
                g.writeEndObject();
                g.writeStringField("severity", switch (f.severity()) {
                    case ERROR -> "ERROR";
                    case WARNING -> "WARNING";
                    case INFO, STYLE -> "INFO";
                });
                g.writeObjectFieldStart("code");
                g.writeStringField("value", f.rule().id());
                g.writeStringField("url", f.rule().helpUri());
                g.writeEndObject();
                if (suggestion != null) {
                    g.writeArrayFieldStart("suggestions");
                    suggestion(g, f.fix(), suggestion);
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        Json.finish(g, out);
    }

    /**
     * The fix as one line-based suggestion: the whole lines its edits touch, rewritten. reviewdog
     * posts each suggestion as a GitHub suggestion block that replaces the comment's whole line range
     * and requires every suggestion to cover exactly that range, so a fix with several edits must
     * become a single suggestion, not one per edit.
     */
    static final String WITHHELD = "no suggestion: the changed lines hold a secret value; dockdiet --fix applies the fix";

    /** The suggestion's text, or null when it would show a secret value (of the lines or of an edit). */
    private static String suggestionText(Fix fix, SourceText src, Shown shown) {
        List<Edit> edits = new ArrayList<>(fix.edits());
        edits.sort(Comparator.comparingInt(e -> e.range().start()));
        Edit first = edits.get(0);
        Edit last = edits.stream().max(Comparator.comparingInt(e -> e.range().end())).orElseThrow();
        String text = src.text();
        int from = src.lineStart(first.range().start());
        int to = src.lineEnd(last.range().end());
        if (shown.secretIn(from, to)) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        int at = from;
        for (Edit e : edits) {
            int s = src.clamp(e.range().start());
            b.append(text, at, Math.max(at, s)).append(e.text());
            at = Math.max(at, src.clamp(e.range().end()));
        }
        b.append(text, Math.min(at, to), to);
        return shown.leaks(b.toString()) ? null : b.toString();
    }

    private static void suggestion(JsonGenerator g, Fix fix, String text) throws IOException {
        List<Edit> edits = new ArrayList<>(fix.edits());
        edits.sort(Comparator.comparingInt(e -> e.range().start()));
        Edit first = edits.get(0);
        Edit last = edits.stream().max(Comparator.comparingInt(e -> e.range().end())).orElseThrow();
        g.writeStartObject();
        g.writeObjectFieldStart("range");
        g.writeObjectFieldStart("start");
        g.writeNumberField("line", first.range().startLine());
        g.writeEndObject();
        g.writeObjectFieldStart("end");
        g.writeNumberField("line", Math.max(first.range().startLine(), last.range().endLine()));
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    private static void range(JsonGenerator g, SourceRange r, SourceText src) throws IOException {
        g.writeObjectFieldStart("range");
        position(g, "start", r.startLine(), src == null ? r.startColumn() : src.utf8Column(r.start()));
        position(g, "end", r.endLine(), src == null ? r.endColumn() : src.utf8Column(r.end()));
        g.writeEndObject();
    }

    private static void position(JsonGenerator g, String field, int line, int column) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("line", line);
        g.writeNumberField("column", column);
        g.writeEndObject();
    }
}
