package dev.dockdiet.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Work on a big file spread over the machine's cores: the parts of its parse, the parsing of its RUN
 * scripts, its rules. A small file is done on one thread (threads cost more than they save there).
 */
public final class Parallel {

    private Parallel() {
    }

    /**
     * Texts at least this long (in chars) are worked on by several threads: below it, starting them
     * and running their cold code costs more than it saves (bench/README.md).
     */
    public static final int MIN_CHARS = 256 * 1024;

    /** How many threads work on a text: one, except for a big text on a machine with several cores (at most 8). */
    public static int threadsFor(CharSequence text) {
        if (text.length() < MIN_CHARS) {
            return 1;
        }
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    }

    /**
     * Runs {@code task} for 0..n-1 on this thread and {@code threads - 1} more, each taking the next
     * index (tasks differ widely in cost). A throwable of a task is thrown here once all have stopped.
     */
    public static void run(String name, int threads, int n, java.util.function.IntConsumer task) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable worker = () -> {
            try {
                for (int i = next.getAndIncrement(); i < n && thrown.get() == null; i = next.getAndIncrement()) {
                    task.accept(i);
                }
            } catch (Throwable t) {
                thrown.compareAndSet(null, t);
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < Math.min(threads, n); t++) {
            helpers.add(start(name, worker));
        }
        worker.run();
        for (Thread h : helpers) {
            join(h);
        }
        Throwable t = thrown.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error er) {
            throw er;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /** Starts {@code task} on a daemon thread of its own (named {@code dockdiet-name}), to be ended with {@link #join}. */
    public static Thread start(String name, Runnable task) {
        Thread t = new Thread(task, "dockdiet-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits for {@code t} to end; an interrupt meanwhile is kept for the caller. */
    public static void join(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
