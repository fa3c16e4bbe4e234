package dev.dockdiet.report;

/** Reads a rule's Markdown docs page into the plain texts SARIF wants. */
final class Docs {

    /** GitHub's limit for short and full descriptions. */
    static final int MAX_DESCRIPTION = 1024;

    private Docs() {
    }

    /** The first prose paragraph of the page (headings, code, lists and tables skipped), as plain text; null if none. */
    static String firstParagraph(String markdown) {
        if (markdown == null) {
            return null;
        }
        StringBuilder para = new StringBuilder();
        boolean fence = false;
        boolean frontMatter = false;
        int lineNo = 0;
        for (String raw : markdown.split("\r?\n", -1)) {
            String line = raw.strip();
            lineNo++;
            if (lineNo == 1 && line.equals("---")) {
                frontMatter = true;
                continue;
            }
            if (frontMatter) {
                frontMatter = !line.equals("---");
                continue;
            }
            if (line.startsWith("```") || line.startsWith("~~~")) {
                fence = !fence;
                if (para.length() > 0) {
                    break;
                }
                continue;
            }
            if (fence) {
                continue;
            }
            boolean prose = !line.isEmpty() && !line.startsWith("#") && !line.startsWith("|") && !line.startsWith(">")
                    && !line.startsWith("- ") && !line.startsWith("* ") && !line.startsWith("<")
                    && !line.startsWith("**Severity:**"); // the metadata line is not the description
            if (prose) {
                if (para.length() > 0) {
                    para.append(' ');
                }
                para.append(line);
            } else if (para.length() > 0) {
                break;
            }
        }
        return para.length() == 0 ? null : cap(plain(para.toString()), MAX_DESCRIPTION);
    }

    /** The page as plain text: no fences, heading marks, emphasis or link syntax. */
    static String plainText(String markdown) {
        StringBuilder b = new StringBuilder();
        boolean fence = false;
        for (String raw : markdown.split("\r?\n", -1)) {
            String line = raw.stripTrailing();
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                fence = !fence;
                continue;
            }
            if (fence) {
                b.append("    ").append(line).append('\n');
            } else {
                b.append(plain(line.replaceFirst("^#{1,6}\\s+", ""))).append('\n');
            }
        }
        return b.toString().strip();
    }

    /** Inline Markdown to text: {@code [t](u)} -> {@code t (u)}, code and emphasis marks dropped. */
    static String plain(String s) {
        return s.replaceAll("!?\\[([^\\]]*)\\]\\(([^)\\s]*)\\)", "$1 ($2)")
                .replace("`", "")
                .replaceAll("(\\*\\*|__)(\\S.*?\\S|\\S)\\1", "$2")
                .replaceAll("(?<![\\w*])\\*(\\S.*?\\S|\\S)\\*(?![\\w*])", "$1");
    }

    static String cap(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1) + "\u2026";
    }
}
