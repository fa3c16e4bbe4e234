package dev.dockdiet.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.size.SizePicture;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * The {@code json} format: dockdiet's own stable contract (documented in docs-formats.md). Every key
 * is always present, in a fixed order; unknown values are {@code null}, empty lists {@code []}.
 */
final class JsonReporter implements Reporter {

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        JsonGenerator g = Json.pretty(out);
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", "dockdiet");
        g.writeStringField("version", report.toolVersion());
        g.writeEndObject();
        g.writeArrayFieldStart("files");
        for (FileReport file : report.files()) {
            writeFile(g, file);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("files", report.files().size());
        g.writeNumberField("unreadable", report.files().stream().filter(f -> !f.readable()).count());
        g.writeNumberField("findings", Texts.countFindings(report));
        g.writeObjectFieldStart("bySeverity");
        for (Map.Entry<Severity, Integer> e : Texts.countBySeverity(report).entrySet()) {
            g.writeNumberField(e.getKey().label(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("fixable", Texts.countFixable(report, null));
        g.writeNumberField("refused", Texts.countRefused(report));
        g.writeEndObject();
        g.writeEndObject();
        Json.finish(g, out);
    }

    private static void writeFile(JsonGenerator g, FileReport file) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", file.path());
        g.writeBooleanField("readable", file.readable());
        if (!file.readable() && file.readError() != null) {
            g.writeStringField("error", file.readError());
        }
        g.writeArrayFieldStart("findings");
        Shown shown = Shown.of(file.source());
        for (Finding f : file.findings()) {
            writeFinding(g, f, shown);
        }
        g.writeEndArray();
        g.writeFieldName("size");
        writeSize(g, file.size());
        g.writeEndObject();
    }

    private static void writeFinding(JsonGenerator g, Finding f, Shown shown) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", f.rule().id());
        g.writeStringField("name", f.rule().name());
        g.writeArrayFieldStart("aliases");
        for (String a : f.rule().aliases()) {
            g.writeString(a);
        }
        g.writeEndArray();
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("message", f.message());
        g.writeNumberField("line", f.range().startLine());
        g.writeNumberField("column", f.range().startColumn());
        g.writeNumberField("endLine", f.range().endLine());
        g.writeNumberField("endColumn", f.range().endColumn());
        if (f.fix() == null) {
            g.writeNullField("fix");
        } else {
            g.writeObjectFieldStart("fix");
            g.writeStringField("applicability", f.fix().applicability().label());
            // edits are exact text to apply: when one would show a secret value, the list is empty
            // (masked text would corrupt the file) and the description says why
            boolean withheld = f.fix().edits().stream().anyMatch(e -> shown.leaks(e.text()));
            Json.stringOrNull(g, "description", withheld ? withheldNote(f.fix().description()) : f.fix().description());
            Json.stringOrNull(g, "refused", f.fix().refused());
            g.writeArrayFieldStart("edits");
            for (Edit e : withheld ? java.util.List.<Edit>of() : f.fix().edits()) {
                g.writeStartObject();
                g.writeNumberField("line", e.range().startLine());
                g.writeNumberField("column", e.range().startColumn());
                g.writeNumberField("endLine", e.range().endLine());
                g.writeNumberField("endColumn", e.range().endColumn());
                g.writeStringField("text", e.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeFieldName("savings");
        writeSavings(g, f.savings());
        g.writeEndObject();
    }

    /** The description of a fix whose edits are left out of a report because they would show a secret value. */
    static String withheldNote(String description) {
        return (description == null || description.isBlank() ? "" : description + " ")
                + "(edits not shown: they contain a secret value; dockdiet --fix applies them)";
    }

    static void writeSavings(JsonGenerator g, Savings s) throws IOException {
        if (s == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("bytes", s.bytes());
        g.writeNumberField("bytesMax", s.upTo());
        g.writeStringField("kind", s.kind() == null ? null : s.kind().label());
        Json.stringOrNull(g, "source", s.source());
        Json.stringOrNull(g, "asOf", s.asOf());
        Json.stringOrNull(g, "change", s.change());
        Json.stringOrNull(g, "sharedWith", s.sharedWith());
        g.writeEndObject();
    }

    /** The size picture object, shared with the SARIF writer (an artifact property there). */
    static void writeSize(JsonGenerator g, SizePicture p) throws IOException {
        if (p == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        Json.stringOrNull(g, "finalBase", p.finalBase());
        Json.longOrNull(g, "baseBytes", p.baseBytes());
        Json.longOrNull(g, "baseBytesMax", p.baseBytesMax());
        Json.stringOrNull(g, "kind", p.kind() == null ? null : p.kind().label());
        Json.stringOrNull(g, "basis", p.basis());
        Json.stringOrNull(g, "source", p.source());
        Json.stringOrNull(g, "asOf", p.asOf());
        Json.stringOrNull(g, "platformNote", p.platformNote());
        g.writeArrayFieldStart("suggestions");
        for (SizePicture.Suggestion s : p.suggestions()) {
            g.writeStartObject();
            Json.stringOrNull(g, "rule", s.ruleId());
            Json.stringOrNull(g, "description", s.description());
            Json.longOrNull(g, "savedBytes", s.savedBytes());
            Json.longOrNull(g, "savedBytesMax", s.savedBytesMax());
            Json.stringOrNull(g, "kind", s.kind() == null ? null : s.kind().label());
            Json.stringOrNull(g, "sharedWith", s.sharedWith());
            g.writeNumberField("count", s.count());
            g.writeEndObject();
        }
        g.writeEndArray();
        Json.stringOrNull(g, "afterImage", p.afterImage());
        Json.longOrNull(g, "estimatedAfter", p.estimatedAfter());
        Json.longOrNull(g, "estimatedAfterMax", p.estimatedAfterMax());
        Json.longOrNull(g, "layerSavings", p.layerSavings());
        Json.longOrNull(g, "layerSavingsMax", p.layerSavingsMax());
        g.writeEndObject();
    }
}
