package dev.dockdiet.report;

import java.util.HashMap;
import java.util.Map;

/**
 * GitHub's {@code primaryLocationLineHash}, computed exactly as {@code github/codeql-action}'s
 * {@code src/fingerprints.ts} does when {@code upload-sarif} fills it in: a rolling hash (base 37,
 * wrapping 64-bit arithmetic) over the next 100 characters from each line start, blanks and tabs
 * skipped, CR and CRLF read as LF, an end marker (65535) and zero padding after the text; the value
 * is {@code hex(unsigned hash) + ":" + occurrence}, where occurrence counts earlier lines with the
 * same hash. Characters are UTF-16 code units, as JavaScript's {@code charCodeAt}.
 *
 * <p>Lines are numbered the way GitHub numbers them (a lone CR also ends a line).
 */
public final class LineHash {

    private static final int BLOCK_SIZE = 100;
    private static final long MOD = 37;
    private static final int EOF = 65535;
    private static final long FIRST_MOD;

    static {
        long m = 1;
        for (int i = 0; i < BLOCK_SIZE; i++) {
            m *= MOD;
        }
        FIRST_MOD = m;
    }

    private final int[] window = new int[BLOCK_SIZE];
    private final int[] lineNumbers = new int[BLOCK_SIZE];
    private final Map<String, Integer> counts = new HashMap<>();
    private final java.util.List<String> hashes = new java.util.ArrayList<>();
    private long hash;
    private int index;
    private int lineNumber;
    private boolean lineStart = true;
    private boolean prevCr;

    private LineHash() {
        java.util.Arrays.fill(lineNumbers, -1);
    }

    /**
     * The hash of every line of {@code text}; element {@code i} belongs to line {@code i + 1}.
     * Pass the text exactly as on disk (with its BOM, if any): GitHub hashes what it reads.
     */
    public static String[] hashLines(String text) {
        LineHash h = new LineHash();
        for (int i = 0; i < text.length(); i++) {
            h.process(text.charAt(i));
        }
        h.process(EOF);
        for (int i = 0; i < BLOCK_SIZE; i++) {
            if (h.lineNumbers[h.index] != -1) {
                h.output();
            }
            h.update(0);
        }
        return h.hashes.toArray(String[]::new);
    }

    private void process(int c) {
        if (c == ' ' || c == '\t' || (prevCr && c == '\n')) {
            prevCr = false;
            return;
        }
        if (c == '\r') {
            c = '\n';
            prevCr = true;
        } else {
            prevCr = false;
        }
        if (lineNumbers[index] != -1) {
            output();
        }
        if (lineStart) {
            lineStart = false;
            lineNumber++;
            lineNumbers[index] = lineNumber;
        }
        if (c == '\n') {
            lineStart = true;
        }
        update(c);
    }

    private void update(int c) {
        int begin = window[index];
        window[index] = c;
        hash = MOD * hash + c - FIRST_MOD * begin;
        index = (index + 1) % BLOCK_SIZE;
    }

    private void output() {
        String value = Long.toHexString(hash);
        int n = counts.merge(value, 1, Integer::sum);
        // lines are reported in order, so line k lands at index k - 1
        hashes.add(value + ":" + n);
        lineNumbers[index] = -1;
    }
}
