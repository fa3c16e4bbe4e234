package dev.dockdiet.report;

import dev.dockdiet.rule.Finding;
import java.io.IOException;
import java.io.Writer;

/**
 * The {@code checkstyle} format (reviewdog {@code -f=checkstyle}, Jenkins warnings-ng, Danger): one
 * {@code <file>} per file checked, one {@code <error>} per finding, {@code source} = the rule id.
 * Severities: error, warning, and info for both info and style. Columns are UTF-16 units.
 *
 * <p>A file that could not be read gets one {@code <error>} on line 1 without a column, severity
 * error, source {@code dockdiet}: checkstyle itself reports a file it could not process that way (a
 * violation on line 1 from its {@code Checker}), and consumers that need a line (Jenkins
 * warnings-ng, reviewdog) accept it; an empty {@code <file/>} would read as "checked, clean".
 */
final class CheckstyleReporter implements Reporter {

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<checkstyle version=\"4.3\">\n");
        for (FileReport file : report.files()) {
            b.append("  <file name=\"").append(attr(file.path())).append('"');
            if (file.readable() && file.findings().isEmpty()) {
                b.append("/>\n");
                continue;
            }
            b.append(">\n");
            if (!file.readable()) {
                b.append("    <error line=\"1\" severity=\"error\" message=\"")
                        .append(attr(file.unreadableMessage())).append("\" source=\"dockdiet\"/>\n");
            }
            for (Finding f : file.findings()) {
                b.append("    <error line=\"").append(f.range().startLine())
                        .append("\" column=\"").append(f.range().startColumn())
                        .append("\" severity=\"").append(severity(f))
                        .append("\" message=\"").append(attr(Texts.messageWithSaving(f)))
                        .append("\" source=\"").append(attr(f.rule().id()))
                        .append("\"/>\n");
            }
            b.append("  </file>\n");
            out.write(b.toString());
            b.setLength(0);
        }
        b.append("</checkstyle>\n");
        out.write(b.toString());
        out.flush();
    }

    private static String severity(Finding f) {
        return switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO, STYLE -> "info";
        };
    }

    /**
     * An attribute value: markup characters as entities, tab/CR/LF as character references (so
     * attribute normalisation keeps them), and characters XML 1.0 forbids (other controls, lone
     * surrogates, U+FFFE/U+FFFF) replaced with U+FFFD.
     */
    static String attr(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\t' -> b.append("&#9;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
