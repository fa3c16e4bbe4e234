package dev.dockdiet.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Finding;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The {@code gitlab} format: a GitLab Code Quality report (a JSON array of Code Climate issues) for
 * {@code artifacts:reports:codequality}.
 *
 * <p>Severity: syntax errors {@code blocker}, security errors {@code critical}, other errors
 * {@code major}, warnings {@code minor}, info and style {@code info}.
 *
 * <p>The fingerprint is the MD5 of (rule id, path, the finding's line with blanks collapsed, and
 * the how-manieth such finding it is in the file). It leaves the line number out, so an edit above
 * a finding does not reopen it, and it is unique per finding even for identical findings in one file
 * (GitLab merges issues with equal fingerprints).
 *
 * <p>A file that could not be read is one issue, {@code check_name} {@value #UNREADABLE}, severity
 * {@code blocker}, on line 1, with the fingerprint MD5 of ({@value #UNREADABLE}, path): stable
 * across runs, so GitLab shows it as fixed once the file can be read.
 */
final class GitlabReporter implements Reporter {

    static final String UNREADABLE = "dockdiet.unreadable";

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        JsonGenerator g = Json.pretty(out);
        g.writeStartArray();
        for (FileReport file : report.files()) {
            if (!file.readable()) {
                g.writeStartObject();
                g.writeStringField("description", file.path() + " " + file.unreadableMessage());
                g.writeStringField("check_name", UNREADABLE);
                g.writeStringField("fingerprint", md5(UNREADABLE + '\u0000' + file.path()));
                g.writeStringField("severity", "blocker");
                g.writeObjectFieldStart("location");
                g.writeStringField("path", file.path());
                g.writeObjectFieldStart("lines");
                g.writeNumberField("begin", 1);
                g.writeNumberField("end", 1);
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
            // the fingerprint hashes the line as shown: with secret values masked
            SourceText src = file.source() == null ? null : new SourceText(Shown.of(file.source()).text());
            Map<String, Integer> seen = new HashMap<>();
            for (Finding f : file.findings()) {
                String content = src == null ? f.message() : src.lineAt(f.range().start()).strip().replaceAll("\\s+", " ");
                String key = f.rule().id() + '\u0000' + file.path() + '\u0000' + content;
                int occurrence = seen.merge(key, 1, Integer::sum);
                g.writeStartObject();
                g.writeStringField("description", Texts.messageWithSaving(f));
                g.writeStringField("check_name", f.rule().id());
                g.writeStringField("fingerprint", md5(key + '\u0000' + occurrence));
                g.writeStringField("severity", severity(f));
                g.writeObjectFieldStart("location");
                g.writeStringField("path", file.path());
                g.writeObjectFieldStart("lines");
                g.writeNumberField("begin", f.range().startLine());
                g.writeNumberField("end", Math.max(f.range().startLine(), f.range().endLine()));
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        Json.finish(g, out);
    }

    static String severity(Finding f) {
        return switch (f.severity()) {
            case ERROR -> f.rule().category() == Category.SYNTAX ? "blocker"
                    : f.rule().category() == Category.SECURITY ? "critical" : "major";
            case WARNING -> "minor";
            case INFO, STYLE -> "info";
        };
    }

    private static String md5(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
