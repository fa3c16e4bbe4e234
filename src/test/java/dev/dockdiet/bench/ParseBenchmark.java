package dev.dockdiet.bench;

import dev.dockdiet.syntax.Corpus;
import dev.dockdiet.syntax.Dockerfile;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-threaded parse throughput over the whole corpus: one operation parses every file once
 * ({@link Dockerfile#parse}). The corpus is loaded once; MB/s and files/s are reported as
 * auxiliary counters ({@code mb} and {@code files} per second).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class ParseBenchmark {

    private List<Corpus.Entry> files;
    private double megabytes;

    @Setup
    public void load() {
        files = Corpus.load();
        long bytes = files.stream().mapToLong(Corpus.Entry::bytes).sum();
        megabytes = bytes / 1_000_000.0;
    }

    /** Per-iteration counters; JMH turns them into rates (per second) for Throughput mode. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rates {
        public double mb;
        public long files;

        @Setup(Level.Iteration)
        public void reset() {
            mb = 0;
            files = 0;
        }
    }

    @Benchmark
    public void parseCorpus(Rates rates, Blackhole bh) {
        for (Corpus.Entry e : files) {
            bh.consume(Dockerfile.parse(e.text()));
        }
        rates.mb += megabytes;
        rates.files += files.size();
    }
}
