package dev.dockdiet.bench;

import dev.dockdiet.syntax.Corpus;
import dev.dockdiet.syntax.Dockerfile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import org.openjdk.jmh.annotations.TearDown;
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
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 3)
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

    /** Per-iteration counters; JMH turns them into rates (per wall-clock second). */
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

    /**
     * The same throughput per second of CPU time of the benchmark thread, printed after each
     * iteration: on a shared machine wall-clock rates fall with the load, this much less.
     */
    @State(Scope.Thread)
    public static class CpuRates {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private double mb;
        private long files;
        private long cpuNanos;

        @Setup(Level.Iteration)
        public void reset() {
            mb = 0;
            files = 0;
            cpuNanos = 0;
        }

        long start() {
            return THREADS.getCurrentThreadCpuTime();
        }

        void stop(long start, double megabytes, int count) {
            cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
            mb += megabytes;
            files += count;
        }

        @TearDown(Level.Iteration)
        public void report() {
            double s = cpuNanos / 1e9;
            System.out.printf("  [cpu time: %.1f MB/s, %.0f files/s]", mb / s, files / s);
        }
    }

    @Benchmark
    public void parseCorpus(Rates rates, CpuRates cpu, Blackhole bh) {
        long t0 = cpu.start();
        for (Corpus.Entry e : files) {
            bh.consume(Dockerfile.parse(e.text()));
        }
        cpu.stop(t0, megabytes, files.size());
        rates.mb += megabytes;
        rates.files += files.size();
    }
}
