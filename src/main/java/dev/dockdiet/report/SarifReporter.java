package dev.dockdiet.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.SourceRange;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code sarif} format: SARIF 2.1.0, one run, as GitHub code scanning, the VS Code SARIF Viewer,
 * JetBrains' SARIF plugins and reviewdog read it. Every result has an explicit {@code level}, a
 * {@code rule} reference next to {@code ruleId}, a full region (UTF-16 columns, end exclusive) and,
 * when the file could be read, GitHub's {@code primaryLocationLineHash}.
 */
final class SarifReporter implements Reporter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

    private final ReportOptions options;

    SarifReporter(ReportOptions options) {
        this.options = options;
    }

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        List<RuleMeta> rules = new ArrayList<>();
        Map<String, Integer> ruleIndex = Texts.ruleIndex(report, rules);

        JsonGenerator g = Json.pretty(out);
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();

        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "dockdiet");
        g.writeStringField("version", report.toolVersion());
        if (SEMVER.matcher(report.toolVersion()).matches()) {
            g.writeStringField("semanticVersion", report.toolVersion());
        }
        g.writeStringField("informationUri", ReportOptions.INFORMATION_URI);
        g.writeArrayFieldStart("rules");
        for (RuleMeta r : rules) {
            writeRule(g, r, report.docsOf(r.id()));
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();

        if (options.automationId() != null) {
            g.writeObjectFieldStart("automationDetails");
            g.writeStringField("id", options.automationId());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        // a file that could not be read fails the run (exit 2): say so, with one notification each
        List<FileReport> unread = report.files().stream().filter(f -> !f.readable()).toList();
        g.writeBooleanField("executionSuccessful", unread.isEmpty());
        if (!unread.isEmpty()) {
            g.writeArrayFieldStart("toolExecutionNotifications");
            for (FileReport f : unread) {
                g.writeStartObject();
                g.writeStringField("level", "error");
                message(g, "message", f.readError() != null ? f.path() + " " + f.unreadableMessage()
                        : f.path() + " could not be linted (see the error on stderr)");
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();

        // %SRCROOT% is the report's root; files of another repository (or outside any) get %SRCROOT2%, ...
        Map<URI, String> baseIds = baseIds(report);
        g.writeObjectFieldStart("originalUriBaseIds");
        for (Map.Entry<URI, String> e : baseIds.entrySet()) {
            g.writeObjectFieldStart(e.getValue());
            g.writeStringField("uri", e.getKey().toString());
            g.writeEndObject();
        }
        g.writeEndObject();

        g.writeArrayFieldStart("artifacts");
        for (FileReport file : report.files()) {
            g.writeStartObject();
            g.writeFieldName("location");
            artifactLocation(g, file.path(), baseIds.get(rootOf(file)), -1);
            g.writeStringField("sourceLanguage", "dockerfile");
            if (file.size() != null) {
                // the file's size picture, as in the JSON report: base size, savings, estimate after
                g.writeObjectFieldStart("properties");
                g.writeFieldName("dockdiet/size");
                JsonReporter.writeSize(g, file.size());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("results");
        for (int i = 0; i < report.files().size(); i++) {
            FileReport file = report.files().get(i);
            // line hashes of the text as shown (secret values masked: a weak hash of a line with a
            // password must not be published); fixes that would show a secret are left out
            Shown shown = Shown.of(file.source());
            String masked = shown.text();
            String[] hashes = masked == null ? null : LineHash.hashLines(file.hadBom() ? "\uFEFF" + masked : masked);
            for (Finding f : file.findings()) {
                writeResult(g, file, baseIds.get(rootOf(file)), i, f, ruleIndex.get(f.rule().id()), hashes, shown);
            }
        }
        g.writeEndArray();
        g.writeStringField("columnKind", "utf16CodeUnits");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        Json.finish(g, out);
    }

    private static void writeRule(JsonGenerator g, RuleMeta r, String docs) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("name", r.name());
        String summary = Docs.cap(r.summary(), Docs.MAX_DESCRIPTION);
        message(g, "shortDescription", summary);
        String full = Docs.firstParagraph(docs);
        message(g, "fullDescription", full == null ? sentence(summary) : full);
        g.writeObjectFieldStart("help");
        if (docs == null || docs.isBlank()) {
            g.writeStringField("text", sentence(r.summary()) + " See " + r.helpUri());
            g.writeStringField("markdown", sentence(r.summary()) + " See [" + Texts.ruleTitle(r) + "](" + r.helpUri() + ").");
        } else {
            g.writeStringField("text", Docs.plainText(docs));
            g.writeStringField("markdown", docs.strip());
        }
        g.writeEndObject();
        g.writeStringField("helpUri", r.helpUri());
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(r.severity()));
        if (!r.enabledByDefault()) {
            g.writeBooleanField("enabled", false);
        }
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("dockerfile");
        g.writeString(r.category().name().toLowerCase(Locale.ROOT));
        g.writeEndArray();
        g.writeStringField("precision", r.category() == Category.SYNTAX ? "very-high" : "high");
        if (r.category() == Category.SECURITY) {
            g.writeStringField("security-severity", securitySeverity(r.severity()));
        } else {
            g.writeStringField("problem.severity", problemSeverity(r.severity()));
        }
        g.writeArrayFieldStart("aliases");
        for (String a : r.aliases()) {
            g.writeString(a);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeResult(JsonGenerator g, FileReport file, String baseId, int artifactIndex, Finding f,
                             int ruleIndex, String[] hashes, Shown shown) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule().id());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeObjectFieldStart("rule");
        g.writeStringField("id", f.rule().id());
        g.writeNumberField("index", ruleIndex);
        g.writeEndObject();
        g.writeStringField("level", level(f.severity()));
        message(g, "message", Texts.messageWithSaving(f));
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeFieldName("artifactLocation");
        artifactLocation(g, file.path(), baseId, artifactIndex);
        region(g, "region", f.range());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        int line = f.range().startLine();
        if (hashes != null && line >= 1 && line <= hashes.length) {
            g.writeObjectFieldStart("partialFingerprints");
            g.writeStringField("primaryLocationLineHash", hashes[line - 1]);
            g.writeEndObject();
        }
        if (f.fix() != null && f.fix().edits().stream().noneMatch(e -> shown.leaks(e.text()))) {
            g.writeArrayFieldStart("fixes");
            g.writeStartObject();
            if (f.fix().description() != null && !f.fix().description().isBlank()) {
                message(g, "description", f.fix().description() + " (" + Texts.fixLabel(f.fix().applicability()) + ")");
            }
            g.writeArrayFieldStart("artifactChanges");
            g.writeStartObject();
            g.writeFieldName("artifactLocation");
            artifactLocation(g, file.path(), baseId, artifactIndex);
            g.writeArrayFieldStart("replacements");
            for (Edit e : f.fix().edits()) {
                g.writeStartObject();
                region(g, "deletedRegion", e.range());
                if (!e.text().isEmpty()) {
                    g.writeObjectFieldStart("insertedContent");
                    g.writeStringField("text", e.text());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeObjectFieldStart("properties");
            g.writeStringField("applicability", f.fix().applicability().label());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeObjectFieldStart("properties");
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("qodanaSeverity", qodanaSeverity(f));
        if (f.savings() != null) {
            g.writeFieldName("savings");
            JsonReporter.writeSavings(g, f.savings());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The root a file's relative path resolves against. */
    private URI rootOf(FileReport file) {
        return file.root() != null ? file.root() : options.srcRoot();
    }

    /** {@code %SRCROOT%} for the report's root (always written), then one id per other root a file uses. */
    private Map<URI, String> baseIds(LintReport report) {
        Map<URI, String> ids = new LinkedHashMap<>();
        ids.put(options.srcRoot(), SRCROOT);
        for (FileReport f : report.files()) {
            if (!Uris.isAbsolute(f.path()) && !ids.containsKey(rootOf(f))) {
                ids.put(rootOf(f), "%SRCROOT" + (ids.size() + 1) + "%");
            }
        }
        return ids;
    }

    /**
     * The artifact location: the (repository-relative) path as {@code uri}, which GitHub code scanning
     * reads as relative to the repository without looking at {@code originalUriBaseIds}, and the
     * {@code uriBaseId} that other viewers resolve it against.
     */
    private static void artifactLocation(JsonGenerator g, String path, String baseId, int index) throws IOException {
        g.writeStartObject();
        String uri = Uris.of(path);
        g.writeStringField("uri", uri);
        if (!Uris.isAbsolute(path)) {
            g.writeStringField("uriBaseId", baseId);
        }
        if (index >= 0) {
            g.writeNumberField("index", index);
        }
        g.writeEndObject();
    }

    private static void region(JsonGenerator g, String field, SourceRange r) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("startLine", Math.max(1, r.startLine()));
        g.writeNumberField("startColumn", Math.max(1, r.startColumn()));
        g.writeNumberField("endLine", Math.max(Math.max(1, r.startLine()), r.endLine()));
        g.writeNumberField("endColumn", Math.max(1, r.endColumn()));
        g.writeEndObject();
    }

    private static void message(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text);
        g.writeEndObject();
    }

    private static String sentence(String s) {
        return s.endsWith(".") ? s : s + ".";
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, STYLE -> "note";
        };
    }

    /** GitHub's scale: errors high (7.0-8.9), warnings medium (4.0-6.9), the rest low (0.1-3.9). */
    private static String securitySeverity(Severity s) {
        return switch (s) {
            case ERROR -> "8.0";
            case WARNING -> "5.5";
            case INFO, STYLE -> "2.0";
        };
    }

    private static String problemSeverity(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, STYLE -> "recommendation";
        };
    }

    private static String qodanaSeverity(Finding f) {
        return switch (f.severity()) {
            case ERROR -> f.rule().category() == Category.SECURITY ? "Critical" : "High";
            case WARNING -> "Moderate";
            case INFO -> "Low";
            case STYLE -> "Info";
        };
    }
}
