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
            SourceText src = file.source() == null ? null : new SourceText(file.source());
            for (Finding f : file.findings()) {
                g.writeStartObject();
                g.writeStringField("message", Texts.messageWithSaving(f));
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
                if (f.fix() != null && src != null) {
                    g.writeArrayFieldStart("suggestions");
                    suggestion(g, f.fix(), src);
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
    private static void suggestion(JsonGenerator g, Fix fix, SourceText src) throws IOException {
        List<Edit> edits = new ArrayList<>(fix.edits());
        edits.sort(Comparator.comparingInt(e -> e.range().start()));
        Edit first = edits.get(0);
        Edit last = edits.stream().max(Comparator.comparingInt(e -> e.range().end())).orElseThrow();
        String text = src.text();
        int from = src.lineStart(first.range().start());
        int to = src.lineEnd(last.range().end());
        StringBuilder b = new StringBuilder();
        int at = from;
        for (Edit e : edits) {
            int s = src.clamp(e.range().start());
            b.append(text, at, Math.max(at, s)).append(e.text());
            at = Math.max(at, src.clamp(e.range().end()));
        }
        b.append(text, Math.min(at, to), to);
        g.writeStartObject();
        g.writeObjectFieldStart("range");
        g.writeObjectFieldStart("start");
        g.writeNumberField("line", first.range().startLine());
        g.writeEndObject();
        g.writeObjectFieldStart("end");
        g.writeNumberField("line", Math.max(first.range().startLine(), last.range().endLine()));
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("text", b.toString());
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
