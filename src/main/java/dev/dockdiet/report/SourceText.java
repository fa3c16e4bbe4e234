package dev.dockdiet.report;

/**
 * Line look-ups in a file's text by UTF-16 offset: the line around an offset, UTF-8 byte columns
 * (reviewdog) and terminal display widths (carets). A line ends at {@code \n}; a {@code \r} before it
 * is not part of the line (Dockerfiles are split on LF, as BuildKit does).
 */
final class SourceText {

    private final String text;

    SourceText(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** Offset of the first character of the line holding {@code offset}. */
    int lineStart(int offset) {
        int o = clamp(offset);
        int nl = text.lastIndexOf('\n', o - 1);
        return nl + 1;
    }

    /** Offset just after the last character (before {@code \r\n} / {@code \n}) of the line holding {@code offset}. */
    int lineEnd(int offset) {
        int o = clamp(offset);
        int nl = text.indexOf('\n', o);
        int end = nl < 0 ? text.length() : nl;
        if (end > lineStart(o) && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** The text of the line holding {@code offset}, without its line break. */
    String lineAt(int offset) {
        int s = lineStart(offset);
        int e = lineEnd(offset);
        return text.substring(s, Math.max(s, e));
    }

    /** 1-based column of {@code offset} counted in UTF-8 bytes, as reviewdog wants it. */
    int utf8Column(int offset) {
        int o = clamp(offset);
        int s = lineStart(o);
        return 1 + utf8Length(text, s, o);
    }

    int clamp(int offset) {
        return Math.max(0, Math.min(offset, text.length()));
    }

    static int utf8Length(CharSequence s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3; // BMP, or a lone surrogate that an encoder replaces with U+FFFD (3 bytes)
            }
        }
        return n;
    }

    /** Terminal columns taken by {@code s[from, to)}: tabs as 4, wide (CJK, emoji) as 2, combining marks as 0. */
    static int displayWidth(String s, int from, int to) {
        int w = 0;
        int i = from;
        while (i < to) {
            int cp = s.codePointAt(i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    static int width(int cp) {
        if (cp == '\t') {
            return 4;
        }
        if (cp < 0x20 || cp == 0x7f) {
            return 1; // shown as U+FFFD
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0x200B) {
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x1F680 && cp <= 0x1F6FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
