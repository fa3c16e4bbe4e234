package dev.dockdiet.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.syntax.SourceRange;
import java.io.IOException;
import java.io.Writer;

/**
 * The {@code rdjson} format: reviewdog's {@code DiagnosticResult}, for
 * {@code reviewdog -f=rdjson -reporter=github-pr-review}. Fixes become {@code suggestions}, which
 * reviewdog posts as GitHub suggested changes. Columns are 1-based UTF-8 byte counts, as reviewdog
 * wants them (not SARIF's UTF-16 units); end positions are exclusive. When a file could not be read,
 * columns stay in UTF-16 units (identical for ASCII text).
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
                if (f.fix() != null) {
                    g.writeArrayFieldStart("suggestions");
                    for (Edit e : f.fix().edits()) {
                        g.writeStartObject();
                        range(g, e.range(), src);
                        g.writeStringField("text", e.text());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        Json.finish(g, out);
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
