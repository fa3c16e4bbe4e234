package dev.dockdiet.fix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unified diff (as {@code diff -u} / {@code git diff} print it) between two texts, computed with
 * Myers' O(ND) algorithm over lines.
 *
 * <p>Lines are compared with their terminators, so a line whose {@code \n} became {@code \r\n}
 * shows as changed, and every line is printed with its own terminator: the diff of a CRLF file
 * keeps the CRLFs, and applying it with {@code patch} or {@code git apply} restores the exact bytes.
 * A last line without terminator is followed by {@code \ No newline at end of file}. Headers and
 * hunk headers end with {@code \n}.
 */
public final class UnifiedDiff {

    public static final int DEFAULT_CONTEXT = 3;

    private static final byte EQ = 0;
    private static final byte DEL = 1;
    private static final byte INS = 2;

    private UnifiedDiff() {
    }

    /** {@code --- a/path}, {@code +++ b/path}, hunks with 3 lines of context; "" when the texts are equal. */
    public static String diff(String path, String original, String revised) {
        String p = path.replace('\\', '/');
        String sep = p.startsWith("/") ? "" : "/";
        return diff("a" + sep + p, "b" + sep + p, original, revised, DEFAULT_CONTEXT);
    }

    /** A diff with the header names exactly as given; "" when the texts are equal. */
    public static String diff(String oldName, String newName, String original, String revised, int context) {
        if (context < 0) {
            throw new IllegalArgumentException("context must not be negative");
        }
        if (original.equals(revised)) {
            return "";
        }
        List<String> a = splitLines(original);
        List<String> b = splitLines(revised);
        byte[] ops = editScript(a, b);

        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n');
        out.append("+++ ").append(newName).append('\n');

        // positions in a and b before each op
        int n = ops.length;
        int[] aPos = new int[n + 1];
        int[] bPos = new int[n + 1];
        for (int i = 0; i < n; i++) {
            aPos[i + 1] = aPos[i] + (ops[i] != INS ? 1 : 0);
            bPos[i + 1] = bPos[i] + (ops[i] != DEL ? 1 : 0);
        }
        int i = 0;
        while (i < n) {
            if (ops[i] == EQ) {
                i++;
                continue;
            }
            // a hunk starts at change i; extend while the next change is within 2*context equal lines
            int lastChange = i;
            int j = i + 1;
            while (j < n) {
                if (ops[j] != EQ) {
                    lastChange = j;
                    j++;
                } else {
                    int k = j;
                    while (k < n && ops[k] == EQ) {
                        k++;
                    }
                    if (k < n && k - j <= 2 * context) {
                        j = k;
                    } else {
                        break;
                    }
                }
            }
            int from = Math.max(0, i - context);
            int to = Math.min(n, lastChange + 1 + context);
            writeHunk(out, ops, a, b, aPos, bPos, from, to);
            i = to;
        }
        return out.toString();
    }

    private static void writeHunk(StringBuilder out, byte[] ops, List<String> a, List<String> b, int[] aPos,
                                  int[] bPos, int from, int to) {
        int aLen = aPos[to] - aPos[from];
        int bLen = bPos[to] - bPos[from];
        out.append("@@ -").append(range(aPos[from], aLen)).append(" +").append(range(bPos[from], bLen)).append(" @@\n");
        for (int k = from; k < to; k++) {
            String line;
            char mark;
            if (ops[k] == INS) {
                line = b.get(bPos[k]);
                mark = '+';
            } else {
                line = a.get(aPos[k]);
                mark = ops[k] == DEL ? '-' : ' ';
            }
            out.append(mark).append(line);
            if (!line.endsWith("\n")) {
                out.append("\n\\ No newline at end of file\n");
            }
        }
    }

    /** {@code start[,len]} as diff prints it: the count is left out when 1; an empty range names the line before it. */
    private static String range(int startIndex, int len) {
        if (len == 0) {
            return startIndex + ",0";
        }
        return len == 1 ? String.valueOf(startIndex + 1) : (startIndex + 1) + "," + len;
    }

    /** Lines with their terminators ({@code \n} or {@code \r\n}); the last may have none. */
    static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            lines.add(s.substring(start, i + 1));
            start = i + 1;
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    /** One op per output line: EQ, DEL (line of a) or INS (line of b), in order. */
    private static byte[] editScript(List<String> aLines, List<String> bLines) {
        Map<String, Integer> ids = new HashMap<>();
        int[] a = new int[aLines.size()];
        int[] b = new int[bLines.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ids.computeIfAbsent(aLines.get(i), k -> ids.size());
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = ids.computeIfAbsent(bLines.get(i), k -> ids.size());
        }
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix] == b[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
            suffix++;
        }
        int[] am = Arrays.copyOfRange(a, prefix, a.length - suffix);
        int[] bm = Arrays.copyOfRange(b, prefix, b.length - suffix);
        byte[] middle = myers(am, bm);
        byte[] ops = new byte[prefix + middle.length + suffix];
        System.arraycopy(middle, 0, ops, prefix, middle.length);
        return ops; // prefix and suffix are EQ (0)
    }

    /** Myers' greedy shortest edit script with a saved V array per step, then backtracking. */
    private static byte[] myers(int[] a, int[] b) {
        int n = a.length;
        int m = b.length;
        int max = n + m;
        if (max == 0) {
            return new byte[0];
        }
        int off = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) {
                    x = v[off + k + 1];
                } else {
                    x = v[off + k - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && a[x] == b[y]) {
                    x++;
                    y++;
                }
                v[off + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        // backtrack from (n, m)
        byte[] rev = new byte[n + m];
        int len = 0;
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] vd = trace.get(d); // V before step d, i.e. after step d-1
            int k = x - y;
            int prevK;
            if (k == -d || (k != d && vd[off + k - 1] < vd[off + k + 1])) {
                prevK = k + 1;
            } else {
                prevK = k - 1;
            }
            int prevX = vd[off + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                rev[len++] = EQ;
                x--;
                y--;
            }
            if (x == prevX) {
                rev[len++] = INS;
                y--;
            } else {
                rev[len++] = DEL;
                x--;
            }
        }
        while (x > 0 && y > 0) {
            rev[len++] = EQ;
            x--;
            y--;
        }
        byte[] ops = new byte[len];
        for (int i = 0; i < len; i++) {
            ops[i] = rev[len - 1 - i];
        }
        return ops;
    }
}
