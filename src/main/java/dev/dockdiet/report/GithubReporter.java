package dev.dockdiet.report;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code github} format: GitHub Actions workflow commands, which the runner turns into
 * annotations on the pull request diff.
 *
 * <pre>::warning file=Dockerfile,line=2,col=6,endColumn=13,title=DD101 oversized-base::message</pre>
 *
 * <ul>
 *   <li>error -> {@code ::error}, warning -> {@code ::warning}, info and style -> {@code ::notice}.
 *   <li>Escaping as {@code @actions/core} does: in the message {@code %}, CR, LF; in property values
 *       also {@code :} and {@code ,}.
 *   <li>{@code col}/{@code endColumn} only for single-line ranges: GitHub's annotations accept
 *       columns only when start and end line are equal; {@code endColumn} (exclusive, as in SARIF)
 *       is left out for an empty range.
 *   <li>A file that could not be read is one {@code ::error file=…,title=dockdiet::… could not be
 *       read: …} without a line (GitHub annotates the file), before every finding.
 *   <li>GitHub shows at most 10 annotations of each kind per step, so the most severe come first,
 *       and a closing notice says how many were past the limit (they are still in the log).
 * </ul>
 */
final class GithubReporter implements Reporter {

    static final int ANNOTATIONS_PER_KIND = 10;

    private record Item(FileReport file, Finding finding, int order) {
    }

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        List<Item> items = new ArrayList<>();
        for (FileReport file : report.files()) {
            for (Finding f : file.findings()) {
                items.add(new Item(file, f, items.size()));
            }
        }
        items.sort(Comparator.comparingInt((Item i) -> command(i.finding().severity()).ordinal())
                .thenComparingInt(Item::order));
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        StringBuilder b = new StringBuilder();
        int unread = 0;
        for (FileReport file : report.files()) {
            if (!file.readable()) {
                counts.merge(Kind.ERROR, 1, Integer::sum);
                unread++;
                b.append("::error file=").append(property(file.path()))
                        .append(",title=").append(property("dockdiet"))
                        .append("::").append(data(file.path() + " " + file.unreadableMessage()))
                        .append('\n');
            }
        }
        out.write(b.toString());
        b.setLength(0);
        for (Item item : items) {
            Finding f = item.finding();
            Kind kind = command(f.severity());
            counts.merge(kind, 1, Integer::sum);
            var r = f.range();
            b.append("::").append(kind.word).append(" file=").append(property(item.file().path()))
                    .append(",line=").append(r.startLine());
            if (r.endLine() == r.startLine()) {
                b.append(",col=").append(r.startColumn());
                if (r.endColumn() > r.startColumn()) {
                    b.append(",endColumn=").append(r.endColumn());
                }
            } else {
                b.append(",endLine=").append(r.endLine());
            }
            b.append(",title=").append(property(Texts.ruleTitle(f.rule())))
                    .append("::").append(data(body(f)))
                    .append('\n');
            out.write(b.toString());
            b.setLength(0);
        }
        int hidden = 0;
        for (int n : counts.values()) {
            hidden += Math.max(0, n - ANNOTATIONS_PER_KIND);
        }
        if (hidden > 0) {
            out.write("::notice title=" + property("dockdiet") + "::"
                    + data(Texts.plural(hidden, "finding is", "findings are")
                           + " not shown as annotations (GitHub shows " + ANNOTATIONS_PER_KIND
                           + " per kind and step); all " + (items.size() + unread) + " are listed in this log.")
                    + "\n");
        }
        out.flush();
    }

    private static String body(Finding f) {
        StringBuilder s = new StringBuilder(Texts.messageWithSaving(f));
        if (f.fix() != null && f.fix().description() != null && !f.fix().description().isBlank()) {
            s.append("\nhelp: ").append(f.fix().description())
                    .append(" (").append(Texts.fixLabel(f.fix().applicability())).append(')');
        }
        s.append("\nSee ").append(f.rule().helpUri());
        return s.toString();
    }

    enum Kind {
        ERROR("error"), WARNING("warning"), NOTICE("notice");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    static Kind command(Severity s) {
        return switch (s) {
            case ERROR -> Kind.ERROR;
            case WARNING -> Kind.WARNING;
            case INFO, STYLE -> Kind.NOTICE;
        };
    }

    /** Escapes a command's message (after {@code ::}) as {@code @actions/core}'s {@code escapeData}. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value as {@code @actions/core}'s {@code escapeProperty}. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
