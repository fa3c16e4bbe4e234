package dev.dockdiet.fix;

/** The line ending a file mostly uses, so inserted text can follow it. */
public final class LineEndings {

    public static final String LF = "\n";
    public static final String CRLF = "\r\n";

    private LineEndings() {
    }

    /** {@code "\r\n"} when more lines end with CRLF than with a bare LF, else {@code "\n"}. */
    public static String dominant(String text) {
        int crlf = 0;
        int lf = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (i > 0 && text.charAt(i - 1) == '\r') {
                crlf++;
            } else {
                lf++;
            }
        }
        return crlf > lf ? CRLF : LF;
    }

    /**
     * Rewrites the line ends of inserted text to {@code eol}. Edits are written with {@code "\n"};
     * text that already holds {@code "\r\n"} is not doubled.
     */
    public static String convert(String inserted, String eol) {
        if (inserted.indexOf('\n') < 0) {
            return inserted;
        }
        String lf = inserted.replace(CRLF, LF);
        return eol.equals(LF) ? lf : lf.replace(LF, eol);
    }
}
