package dev.dockdiet.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Expected outputs were checked against GNU diffutils' {@code diff -u}. */
class UnifiedDiffTest {

    private static String numbers(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void oneHunk() {
        String a = "FROM node:20\nRUN apt-get update\nRUN apt-get install -y curl\nCOPY . /app\nWORKDIR /app\n"
                + "RUN npm install\nCMD node server.js\n";
        String b = a.replace("node:20", "node:20-slim").replace("npm install", "npm ci")
                .replace("CMD node server.js", "CMD [\"node\", \"server.js\"]");
        assertThat(UnifiedDiff.diff("Dockerfile", a, b)).isEqualTo("""
                --- a/Dockerfile
                +++ b/Dockerfile
                @@ -1,7 +1,7 @@
                -FROM node:20
                +FROM node:20-slim
                 RUN apt-get update
                 RUN apt-get install -y curl
                 COPY . /app
                 WORKDIR /app
                -RUN npm install
                -CMD node server.js
                +RUN npm ci
                +CMD ["node", "server.js"]
                """);
    }

    @Test
    void distantChangesMakeTwoHunks() {
        String a = numbers(20);
        String b = a.replace("\n2\n", "\ntwo\n").replace("\n18\n", "\neighteen\n");
        assertThat(UnifiedDiff.diff("f", a, b)).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -1,5 +1,5 @@
                 1
                -2
                +two
                 3
                 4
                 5
                @@ -15,6 +15,6 @@
                 15
                 16
                 17
                -18
                +eighteen
                 19
                 20
                """);
    }

    @Test
    void hunksMergeWhenContextsTouch() {
        String a = numbers(20);
        String six = a.replace("\n2\n", "\ntwo\n").replace("\n9\n", "\nnine\n");
        assertThat(UnifiedDiff.diff("f", a, six)).contains("@@ -1,12 +1,12 @@").containsOnlyOnce("@@ -");
        String seven = a.replace("\n2\n", "\ntwo\n").replace("\n10\n", "\nten\n");
        assertThat(UnifiedDiff.diff("f", a, seven)).contains("@@ -1,5 +1,5 @@\n").contains("@@ -7,7 +7,7 @@\n");
    }

    @Test
    void missingFinalNewline() {
        assertThat(UnifiedDiff.diff("x", "a\nb", "a\nb\n")).isEqualTo("""
                --- a/x
                +++ b/x
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +b
                """);
    }

    @Test
    void emptySides() {
        assertThat(UnifiedDiff.diff("x", "", "a\nb\n")).isEqualTo("--- a/x\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n");
        assertThat(UnifiedDiff.diff("x", "a\nb\n", "")).isEqualTo("--- a/x\n+++ b/x\n@@ -1,2 +0,0 @@\n-a\n-b\n");
        assertThat(UnifiedDiff.diff("x", "same\n", "same\n")).isEmpty();
    }

    @Test
    void singleLineCountsAreLeftOut() {
        assertThat(UnifiedDiff.diff("x", "a\n", "b\n")).isEqualTo("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n");
        assertThat(UnifiedDiff.diff("x", "a\n", "a\nb\n")).isEqualTo("--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n a\n+b\n");
    }

    @Test
    void crlfLinesKeepTheirEnds() {
        String a = "FROM a\r\nRUN b\r\nCMD c\r\n";
        String b = "FROM a\r\nRUN b && c\r\nCMD c\r\n";
        assertThat(UnifiedDiff.diff("Dockerfile", a, b)).isEqualTo(
                "--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,3 +1,3 @@\n FROM a\r\n-RUN b\r\n+RUN b && c\r\n CMD c\r\n");
        // a changed line end is a change
        assertThat(UnifiedDiff.diff("f", "a\nb\n", "a\r\nb\n")).isEqualTo("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n-a\n+a\r\n b\n");
    }

    @Test
    void windowsPathsUseSlashes() {
        assertThat(UnifiedDiff.diff("svc\\Dockerfile", "a\n", "b\n")).startsWith("--- a/svc/Dockerfile\n+++ b/svc/Dockerfile\n");
    }

    @Test
    void randomEditsRoundTripThroughPatch() {
        Random rnd = new Random(42);
        String[] vocab = {"FROM x\n", "RUN a\n", "RUN b\r\n", "COPY . .\n", "\n", "# c\n", "CMD d\n"};
        for (int round = 0; round < 300; round++) {
            List<String> a = new ArrayList<>();
            int n = rnd.nextInt(30);
            for (int i = 0; i < n; i++) {
                a.add(vocab[rnd.nextInt(vocab.length)]);
            }
            List<String> b = new ArrayList<>(a);
            int edits = rnd.nextInt(6);
            for (int e = 0; e < edits; e++) {
                int op = rnd.nextInt(3);
                if (op == 0 || b.isEmpty()) {
                    b.add(rnd.nextInt(b.size() + 1), vocab[rnd.nextInt(vocab.length)]);
                } else if (op == 1) {
                    b.remove(rnd.nextInt(b.size()));
                } else {
                    b.set(rnd.nextInt(b.size()), vocab[rnd.nextInt(vocab.length)]);
                }
            }
            String sa = String.join("", a);
            String sb = String.join("", b);
            if (rnd.nextBoolean() && sb.endsWith("\n")) {
                sb = sb.substring(0, sb.length() - 1);
            }
            String diff = UnifiedDiff.diff("f", sa, sb);
            assertThat(diff.isEmpty()).isEqualTo(sa.equals(sb));
            assertThat(apply(sa, diff)).as("round %d:\n%s", round, diff).isEqualTo(sb);
            // Myers finds a shortest edit script: as many changed lines as an LCS says
            List<String> la = UnifiedDiff.splitLines(sa);
            List<String> lb = UnifiedDiff.splitLines(sb);
            long changed = UnifiedDiff.splitLines(diff).stream()
                    .filter(l -> (l.startsWith("-") && !l.startsWith("--- ")) || (l.startsWith("+") && !l.startsWith("+++ ")))
                    .count();
            assertThat(changed).isEqualTo(la.size() + lb.size() - 2L * lcs(la, lb));
        }
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
            }
        }
        return t[0][0];
    }

    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    /** A strict applier: checks every context and removed line and the hunk counts. */
    private static String apply(String original, String diff) {
        if (diff.isEmpty()) {
            return original;
        }
        List<String> src = UnifiedDiff.splitLines(original);
        List<String> lines = UnifiedDiff.splitLines(diff);
        List<String> out = new ArrayList<>();
        int pos = 0; // next source line to copy
        int i = 2;
        while (i < lines.size()) {
            Matcher m = HUNK.matcher(lines.get(i));
            assertThat(m.lookingAt()).as(lines.get(i)).isTrue();
            int oldStart = Integer.parseInt(m.group(1));
            int oldLen = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int newLen = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            int from = oldLen == 0 ? oldStart : oldStart - 1;
            while (pos < from) {
                out.add(src.get(pos++));
            }
            i++;
            int seenOld = 0;
            int seenNew = 0;
            while (i < lines.size() && !lines.get(i).startsWith("@@")) {
                String l = lines.get(i);
                String body = l.substring(1);
                if (i + 1 < lines.size() && lines.get(i + 1).startsWith("\\ No newline")) {
                    body = body.substring(0, body.length() - 1);
                    i++;
                }
                char c = l.charAt(0);
                if (c == ' ' || c == '-') {
                    assertThat(src.get(pos)).isEqualTo(body);
                    pos++;
                    seenOld++;
                }
                if (c == ' ' || c == '+') {
                    out.add(body);
                    seenNew++;
                }
                i++;
            }
            assertThat(seenOld).isEqualTo(oldLen);
            assertThat(seenNew).isEqualTo(newLen);
        }
        while (pos < src.size()) {
            out.add(src.get(pos++));
        }
        return String.join("", out);
    }
}
