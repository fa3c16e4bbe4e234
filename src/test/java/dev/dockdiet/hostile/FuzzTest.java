package dev.dockdiet.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.config.Config;
import dev.dockdiet.lint.DefaultServices;
import dev.dockdiet.lint.Linter;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rules.Rules;
import dev.dockdiet.syntax.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer over the real-world corpus (issue 11): each input is a corpus file with a
 * few of the mutations that once crashed or hung dockdiet (runs of shell metacharacters, unterminated
 * heredocs and brackets, deep nesting, spliced lines, truncation, random bytes). Every rule runs on
 * every input; a rule that throws, or a parse that throws, is a crash and its input is written to
 * {@code target/fuzz/crash-N.Dockerfile}. An input still running after 30 s is a hang: it is written to
 * {@code target/fuzz/hang.Dockerfile} and the run stops there, failing. The ten slowest inputs are
 * written too ({@code slowest.Dockerfile}, {@code slow-1..10.Dockerfile}), for re-timing alone in a
 * cold process (not asserted). Tagged "fuzz", excluded by default; run it with {@code bench/fuzz.sh [COUNT] [SEED]}.
 */
@Tag("fuzz")
class FuzzTest {

    private static final String[] RUNS = {"=", "\"", "`", "$", "${", "$(", "((", "$((", "[[ ", "[", "{", "}", "(", ")",
        "\\", "'", "<<", "<<EOF\n", "*", "a*", "&&", "|", ";", "\n", "\\\n", "#", " ", "\t", "\r\n", "${a:-",
        "if true; then ", "case x in ", "[\"", "--mount=type=cache,target=", "-", "\u00e9", "\ud83d\ude00"};
    private static final String[] LINES = {"RUN <<EOF", "RUN <<-\"EOF\"", "EOF", "FROM", "RUN dnf", "RUN yum",
        "RUN apt-get", "RUN apk", "RUN rm -rf /var/lib/apt/lists/[[x]", "RUN rm -f /tmp/*a*a*a*a*a*a*a*a*b",
        "CMD [", "ENTRYPOINT [\"a\",", "# escape=`", "# syntax=", "# dockdiet ignore=", "ONBUILD", "ONBUILD ONBUILD",
        "COPY --from=", "ARG", "ENV A=${", "HEALTHCHECK CMD", "SHELL [", "USER", "WORKDIR", "FROM a AS", "\\",
        "RUN npm", "RUN pip install", "RUN curl https://u:p@x/?token=1", "LABEL a=\"", "EXPOSE 99999999999999999999"};

    @Test
    void mutatedCorpusNeverCrashes() throws IOException {
        long count = Long.getLong("dockdiet.fuzz.count", 20_000);
        long seed = Long.getLong("dockdiet.fuzz.seed", 11);
        List<String> corpus = new ArrayList<>();
        for (Corpus.Entry e : Corpus.load()) {
            corpus.add(e.text());
        }
        Path out = Path.of("target", "fuzz");
        Files.createDirectories(out);
        Linter linter = new Linter(Rules.all(), DefaultServices::get);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> crashes = new ArrayList<>();
        long slowestNanos = 0;
        String slowest = "";
        List<java.util.Map.Entry<Long, String>> slow = new ArrayList<>();
        long started = System.nanoTime();
        // a hang is a finding too: an input still being linted after HANG_SECONDS is written to
        // target/fuzz/hang.Dockerfile and the run ends with a failing summary (a regex that backtracks
        // cannot be interrupted, so the watchdog exits the test JVM)
        Input current = new Input();
        Thread watchdog = watchdog(current, out, seed);
        for (long i = 0; i < count; i++) {
            String base = corpus.get(rnd.nextInt(corpus.size()));
            String text = mutate(base, corpus, rnd);
            long t0 = System.nanoTime();
            current.set(i, text, t0);
            String crash = null;
            try {
                Linter.Result r = linter.lint(text, Path.of("Dockerfile"), "Dockerfile", Config.defaults(),
                        RuleSettings.defaults(), null);
                if (!r.failures().isEmpty()) {
                    crash = r.failures().get(0).ruleId() + ": " + r.failures().get(0).error();
                }
            } catch (RuntimeException | StackOverflowError e) {
                crash = "parse: " + e;
            }
            long took = System.nanoTime() - t0;
            if (took > slowestNanos) {
                slowestNanos = took;
                slowest = text;
            }
            keepSlow(slow, took, text);
            if (crash != null) {
                Path f = out.resolve("crash-" + crashes.size() + ".Dockerfile");
                write(f, text);
                crashes.add(f + ": " + crash);
            }
        }
        current.set(-1, null, 0);
        watchdog.interrupt();
        write(out.resolve("slowest.Dockerfile"), slowest);
        // the next slowest too: a warm JVM's times rank inputs differently from a cold process's
        for (int k = 0; k < slow.size(); k++) {
            write(out.resolve("slow-" + (k + 1) + ".Dockerfile"), slow.get(k).getValue());
        }
        String summary = String.format("fuzz: %d inputs (seed %d) in %.1f s, %d crashes, slowest %.3f s (%s)%n",
                count, seed, (System.nanoTime() - started) / 1e9, crashes.size(), slowestNanos / 1e9,
                out.resolve("slowest.Dockerfile"));
        Files.writeString(out.resolve("summary.txt"), summary + String.join("\n", crashes) + "\n", StandardCharsets.UTF_8);
        System.out.print(summary);
        assertThat(crashes).isEmpty();
    }

    /**
     * Writes an input as UTF-8; a lone surrogate (a splice can cut a pair in two) becomes '?', where
     * Files.writeString would throw and lose the run's summary (it did, on seed 705).
     */
    private static void write(Path f, String text) throws IOException {
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps the SLOW_KEPT slowest inputs, slowest first. */
    private static void keepSlow(List<java.util.Map.Entry<Long, String>> slow, long took, String text) {
        if (slow.size() == SLOW_KEPT && took <= slow.get(SLOW_KEPT - 1).getKey()) {
            return;
        }
        slow.add(java.util.Map.entry(took, text));
        slow.sort((a, b) -> Long.compare(b.getKey(), a.getKey()));
        if (slow.size() > SLOW_KEPT) {
            slow.remove(SLOW_KEPT);
        }
    }

    private static final int SLOW_KEPT = 10;

    /** Inputs slower than this are hangs. */
    private static final long HANG_SECONDS = 30;

    /** The input being linted (index, text, start), as the watchdog sees it. */
    private static final class Input {
        private long index = -1;
        private String text;
        private long started;

        synchronized void set(long i, String t, long at) {
            index = i;
            text = t;
            started = at;
        }

        synchronized Object[] get() {
            return new Object[] {index, text, started};
        }
    }

    private static Thread watchdog(Input current, Path out, long seed) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(1000);
                    Object[] now = current.get();
                    long index = (Long) now[0];
                    if (index >= 0 && System.nanoTime() - (Long) now[2] > HANG_SECONDS * 1_000_000_000L) {
                        Path f = out.resolve("hang.Dockerfile");
                        write(f, (String) now[1]);
                        String summary = String.format("fuzz: HANG on input %d (seed %d): still linting after %d s (%s)%n",
                                index, seed, HANG_SECONDS, f);
                        Files.writeString(out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
                        System.out.print(summary);
                        System.out.flush();
                        Runtime.getRuntime().halt(3);
                    }
                }
            } catch (InterruptedException | IOException e) {
                // the run ended
            }
        }, "fuzz-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }

    static String mutate(String base, List<String> corpus, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(base);
        int n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            int at = sb.length() == 0 ? 0 : rnd.nextInt(sb.length() + 1);
            switch (rnd.nextInt(8)) {
                case 0 -> {
                    // a run of a metacharacter: up to 20 KB
                    String r = RUNS[rnd.nextInt(RUNS.length)];
                    int reps = rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(20_000 / r.length()) : 1 + rnd.nextInt(50);
                    sb.insert(at, r.repeat(reps));
                }
                case 1 -> sb.insert(at, "\n" + LINES[rnd.nextInt(LINES.length)] + (rnd.nextBoolean() ? "\n" : " "));
                case 2 -> sb.setLength(at); // truncation: unterminated everything
                case 3 -> {
                    int end = Math.min(sb.length(), at + rnd.nextInt(200));
                    sb.delete(at, end);
                }
                case 4 -> {
                    // splice lines of another corpus file
                    String other = corpus.get(rnd.nextInt(corpus.size()));
                    int s = other.isEmpty() ? 0 : rnd.nextInt(other.length());
                    sb.insert(at, other, s, Math.min(other.length(), s + rnd.nextInt(400)));
                }
                case 5 -> {
                    // random characters, control characters included
                    for (int j = rnd.nextInt(8); j >= 0; j--) {
                        sb.insert(Math.min(at, sb.length()), (char) (rnd.nextBoolean() ? rnd.nextInt(32, 127) : rnd.nextInt(0, 0x3000)));
                    }
                }
                case 6 -> {
                    // duplicate a chunk
                    int end = Math.min(sb.length(), at + rnd.nextInt(300));
                    String chunk = sb.substring(at, end);
                    sb.insert(end, chunk.repeat(1 + rnd.nextInt(5)));
                }
                default -> {
                    // nest: wrap in $( ... ) or an if
                    String[] open = {"$(", "if true; then ", "{ ", "(", "\"$(", "`"};
                    String[] close = {")", "; fi", "; }", ")", ")\"", "`"};
                    int w = rnd.nextInt(open.length);
                    int depth = rnd.nextInt(10) == 0 ? rnd.nextInt(500) : 1 + rnd.nextInt(5);
                    sb.insert(at, open[w].repeat(depth) + "x" + (rnd.nextBoolean() ? close[w].repeat(depth) : ""));
                }
            }
        }
        return sb.toString();
    }
}
