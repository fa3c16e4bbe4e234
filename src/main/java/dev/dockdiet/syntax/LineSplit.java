package dev.dockdiet.syntax;

/**
 * BuildKit's splitCommand first step: the keyword is the text up to the first blank of the
 * trimmed line ({@code [\t\v\f\r ]+}); the rest starts at the next non-blank.
 *
 * @param keyword the keyword as written
 * @param rest everything after the keyword and its blanks (not yet flag-split), right-trimmed
 * @param restOffset where {@code rest} starts in the line given to {@link #of}
 * @param keywordOffset where the keyword starts in that line
 */
record LineSplit(String keyword, String rest, int restOffset, int keywordOffset) {

    static boolean isSplitBlank(char c) {
        return c == '\t' || c == 0x0B || c == '\f' || c == '\r' || c == ' ';
    }

    static LineSplit of(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && ShellLex.isSpace(line.charAt(start))) {
            start++;
        }
        while (end > start && ShellLex.isSpace(line.charAt(end - 1))) {
            end--;
        }
        int k = start;
        while (k < end && !isSplitBlank(line.charAt(k))) {
            k++;
        }
        String keyword = line.substring(start, k);
        int r = k;
        while (r < end && isSplitBlank(line.charAt(r))) {
            r++;
        }
        return new LineSplit(keyword, line.substring(r, end), r, start);
    }
}
