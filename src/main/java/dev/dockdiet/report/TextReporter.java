package dev.dockdiet.report;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.size.SizePicture;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * The {@code text} format, for people (rustc/ruff style):
 *
 * <pre>
 * Dockerfile:2:6 DD101 oversized-base node:18 is a large base image
 *   |
 * 2 | FROM node:18
 *   |      ^^^^^^^ warning
 *   = help: Use node:18-slim (suggested fix): replace with `node:18-slim`
 *   = saves ~210 MB (compressed, https://..., 2024-05-01)
 * </pre>
 *
 * then each file's size picture, and a summary line. Sizes are decimal (1 MB = 1,000,000 bytes).
 * Files are named by {@link FileReport#localPath()} (as typed from the working directory), not by the
 * repository-relative path the machine formats use; the summary counts a file that could not be read
 * apart ("2 files checked, 1 could not be read").
 */
final class TextReporter implements Reporter {

    private static final int SHORT_REPLACEMENT = 60;

    private final boolean colour;

    TextReporter(ReportOptions options) {
        this.colour = options.colour();
    }

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        boolean sizes = false;
        for (FileReport file : report.files()) {
            // excerpts and removed text come from the masked source (same offsets: carets still line up)
            Shown shown = Shown.of(file.source());
            SourceText src = file.source() == null ? null : new SourceText(shown.text());
            for (Finding f : file.findings()) {
                finding(b, file.localPath(), src, shown, f);
                sizes |= f.savings() != null;
                out.write(b.toString());
                b.setLength(0);
            }
            if (file.size() != null) {
                sizePicture(b, file.localPath(), file.size());
                sizes = true;
            }
            out.write(b.toString());
            b.setLength(0);
        }
        summary(b, report, sizes);
        out.write(b.toString());
        out.flush();
    }

    private void finding(StringBuilder b, String path, SourceText src, Shown shown, Finding f) {
        var r = f.range();
        String lineNo = Integer.toString(r.startLine());
        String pad = " ".repeat(lineNo.length());
        b.append(style(BOLD, clean(path) + ":" + r.startLine() + ":" + r.startColumn()))
                .append(' ')
                .append(style(severityColour(f.severity()) + BOLD, f.rule().id()))
                .append(' ')
                .append(style(DIM, f.rule().name()))
                .append(' ')
                .append(style(BOLD, clean(f.message())))
                .append('\n');
        String label = f.severity().label()
                + (r.endLine() > r.startLine() ? " (lines " + r.startLine() + "-" + r.endLine() + ")" : "");
        if (src != null) {
            int ls = src.lineStart(r.start());
            int le = src.lineEnd(r.start());
            String text = src.text();
            int caretStart = SourceText.displayWidth(text, ls, Math.max(ls, Math.min(r.start(), le)));
            int caretEnd = SourceText.displayWidth(text, ls, Math.max(ls, Math.min(r.end(), le)));
            int carets = Math.max(1, caretEnd - caretStart);
            String line = Texts.sanitize(text.substring(ls, Math.max(ls, le)), "\t").replace("\t", "    ");
            b.append(pad).append(' ').append(style(GUTTER, "|")).append('\n');
            b.append(style(GUTTER, lineNo + " |")).append(line.isEmpty() ? "" : " " + line).append('\n');
            b.append(pad).append(' ').append(style(GUTTER, "|")).append(' ')
                    .append(" ".repeat(caretStart))
                    .append(style(severityColour(f.severity()) + BOLD, "^".repeat(carets) + " " + label))
                    .append('\n');
        } else {
            b.append(pad).append(' ').append(style(GUTTER, "=")).append(' ')
                    .append(style(severityColour(f.severity()) + BOLD, label))
                    .append(" (source not available)\n");
        }
        if (f.fix() != null) {
            b.append(pad).append(' ').append(style(GUTTER, "=")).append(' ')
                    .append(style(HELP, "help:")).append(' ').append(fixText(f.fix(), src, shown)).append('\n');
        }
        if (f.savings() != null) {
            b.append(pad).append(' ').append(style(GUTTER, "=")).append(' ')
                    .append(f.savings().sharedWith() != null
                            ? "same change as " + clean(f.savings().sharedWith()) + ", saving counted there: "
                            + Texts.amount(f.savings())
                            : style(SAVES, "saves " + Texts.amount(f.savings())))
                    .append(' ').append(savingDetails(f.savings())).append('\n');
        }
        b.append('\n');
    }

    private static String savingDetails(Savings s) {
        StringBuilder d = new StringBuilder("(").append(s.kind().label());
        if (s.source() != null) {
            d.append(", ").append(clean(s.source()));
        }
        if (s.asOf() != null) {
            d.append(", ").append(clean(s.asOf()));
        }
        return d.append(')').toString();
    }

    private static String fixText(Fix fix, SourceText src, Shown shown) {
        String desc = fix.description() == null || fix.description().isBlank() ? "apply the fix" : clean(fix.description());
        StringBuilder t = new StringBuilder(desc).append(" (").append(Texts.fixLabel(fix.applicability())).append(')');
        if (fix.edits().size() == 1) {
            Edit e = fix.edits().get(0);
            boolean singleLine = e.text().indexOf('\n') < 0 && e.text().indexOf('\r') < 0;
            if (singleLine && e.text().length() <= SHORT_REPLACEMENT) {
                if (e.range().length() == 0) {
                    t.append(": insert `").append(clean(shown.mask(e.text()))).append('`');
                } else if (e.text().isEmpty()) {
                    String old = src == null || e.range().end() > src.text().length() ? null
                            : src.text().substring(e.range().start(), e.range().end());
                    t.append(old != null && old.length() <= SHORT_REPLACEMENT && old.indexOf('\n') < 0
                            ? ": remove `" + clean(old) + "`" : ": delete " + lines(e));
                } else {
                    t.append(": replace with `").append(clean(shown.mask(e.text()))).append('`');
                }
                return t.toString();
            }
            return t.append(": rewrites ").append(lines(e)).toString();
        }
        return t.append(": ").append(fix.edits().size()).append(" edits").toString();
    }

    /** The lines an edit deletes: one that ends at the start of a line (column 1) does not touch that line. */
    private static String lines(Edit e) {
        int first = e.range().startLine();
        int last = e.range().endColumn() <= 1 && e.range().endLine() > first ? e.range().endLine() - 1 : e.range().endLine();
        return first == last ? "line " + first : "lines " + first + "-" + last;
    }

    private void sizePicture(StringBuilder b, String path, SizePicture p) {
        String kind = p.kind() == null ? "" : " " + p.kind().label();
        String base = baseLine(p, kind);
        if (!p.hasSuggestions()) {
            // no size finding: one line
            b.append(style(BOLD, "Size of " + clean(path))).append(": final base ").append(base).append("\n\n");
            return;
        }
        b.append(style(BOLD, "Size of " + clean(path))).append('\n');
        b.append("  final base ").append(base).append('\n');
        for (SizePicture.Suggestion s : p.suggestions()) {
            b.append("  ").append(clean(s.ruleId())).append(' ').append(clean(s.description()))
                    .append(s.count() > 1 ? " (" + s.count() + " places)" : "").append(": ");
            if (s.savedBytes() == null) {
                b.append("saving unknown");
            } else {
                String amount = Texts.amount(s.savedBytes(), s.savedBytesMax());
                String k = s.kind() == null ? "" : " " + s.kind().label();
                if (s.sharedWith() != null) {
                    b.append("same change as ").append(clean(s.sharedWith())).append(" (").append(amount).append(k)
                            .append(", counted once)");
                } else {
                    b.append(style(SAVES, "saves " + amount)).append(s.kind() != null && s.kind() != p.kind() ? k
                            + " (not added: the base figure is" + kind + ")" : "");
                }
            }
            b.append('\n');
        }
        boolean moved = p.afterImage() != null && !p.afterImage().equals(p.finalBase());
        b.append("  after applying them: ");
        if (moved) {
            b.append("final base ").append(clean(p.afterImage())).append(", ");
        }
        b.append(p.estimatedAfter() == null ? "size unknown"
                : Texts.amount(p.estimatedAfter(), p.estimatedAfterMax()) + kind).append(" excluding your application");
        if (p.layerSavings() != null && p.layerSavings() > 0) {
            b.append("; your own layers ").append(Texts.amount(p.layerSavings(), p.layerSavingsMax())).append(kind)
                    .append(" smaller");
        }
        b.append('\n');
        if (p.platformNote() != null) {
            b.append("  note: ").append(clean(p.platformNote())).append('\n');
        }
        b.append('\n');
    }

    /** {@code node:22: 408 MB compressed (measured on node:22, linux/amd64, 2026-09-19, <source>)}. */
    private String baseLine(SizePicture p, String kind) {
        StringBuilder b = new StringBuilder(style(BOLD, clean(p.finalBase()))).append(": ");
        if (p.baseBytes() == null) {
            b.append("size unknown");
        } else if (!p.baseBytes().equals(p.baseBytesMax())) {
            b.append(Texts.amount(p.baseBytes(), p.baseBytesMax())).append(kind).append(", not measured itself (")
                    .append(clean(p.basis())).append("; ").append(clean(p.source())).append(')');
        } else {
            b.append(Texts.humanBytes(p.baseBytes())).append(kind).append(" (");
            if (p.basis() != null) {
                b.append("measured on ").append(clean(p.basis())).append(", ");
            }
            b.append(p.asOf() == null ? "" : clean(p.asOf()))
                    .append(p.source() == null ? "" : (p.asOf() == null ? "" : ", ") + clean(p.source())).append(')');
        }
        if (!p.hasSuggestions() && p.platformNote() != null) {
            b.append("; ").append(clean(p.platformNote()));
        }
        return b.toString();
    }

    private void summary(StringBuilder b, LintReport report, boolean sizes) {
        int n = Texts.countFindings(report);
        // a file that could not be read was not checked: it has its error line on stderr, and the run exits 2
        long unread = report.files().stream().filter(f -> !f.readable()).count();
        String files = Texts.plural(report.files().size() - (int) unread, "file", "files") + " checked"
                + (unread == 0 ? "" : ", " + unread + " could not be read");
        if (n == 0) {
            b.append(style(BOLD, "No findings")).append("; ").append(files).append(".\n");
        } else {
            Map<Severity, Integer> by = Texts.countBySeverity(report);
            int safe = Texts.countFixable(report, Applicability.SAFE);
            int suggested = Texts.countFixable(report, Applicability.SUGGESTED);
            int refused = Texts.countRefused(report);
            b.append(style(BOLD, "Found " + Texts.plural(n, "finding", "findings")))
                    .append(" (")
                    .append(style(severityColour(Severity.ERROR), Texts.plural(by.get(Severity.ERROR), "error", "errors")))
                    .append(", ")
                    .append(style(severityColour(Severity.WARNING), Texts.plural(by.get(Severity.WARNING), "warning", "warnings")))
                    .append(", ")
                    .append(style(severityColour(Severity.INFO), by.get(Severity.INFO) + " info"))
                    .append(", ")
                    .append(style(severityColour(Severity.STYLE), by.get(Severity.STYLE) + " style"))
                    .append("); ")
                    .append(safe + suggested == 0 ? "none fixable"
                            : (safe + suggested) + " fixable (" + safe + " safe with --fix, " + suggested
                              + " suggested with --fix=suggested)")
                    .append(refused == 0 ? "" : ", " + refused + " refused by --fix (it would add a finding)")
                    .append("; ").append(files).append(".\n");
        }
        if (sizes) {
            b.append("Sizes are decimal: ").append(Texts.UNITS_NOTE).append(".\n");
        }
    }

    private static String clean(String s) {
        return Texts.sanitize(s, "");
    }

    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String GUTTER = "\u001b[1;34m";
    private static final String HELP = "\u001b[1;36m";
    private static final String SAVES = "\u001b[32m";
    private static final String RESET = "\u001b[0m";

    private static String severityColour(Severity s) {
        return switch (s) {
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case INFO -> "\u001b[36m";
            case STYLE -> "\u001b[35m";
        };
    }

    private String style(String code, String s) {
        return colour ? code + s + RESET : s;
    }
}
