package dev.dockdiet.size.registry;

import dev.dockdiet.syntax.ImageRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Looks several images up at once: from the cache when it has a fresh answer, else from their
 * registries in parallel, all within one deadline. Every image gets an outcome: a size, or one
 * line saying why not (the caller then uses the knowledge base and prints that line).
 */
public final class RegistrySizes {

    /** A size, or the reason there is none. */
    public record Outcome(ImageRef ref, RegistrySize size, String problem) {
        public boolean found() {
            return size != null;
        }
    }

    private final RegistryClient client;
    private final RegistryCache cache;
    private final Duration deadline;

    public RegistrySizes(RegistryClient client, RegistryCache cache, Duration deadline) {
        this.client = client;
        this.cache = cache;
        this.deadline = deadline;
    }

    /** Anonymous or Docker CLI credentials, the user's cache, 5 s per request and 10 s in all. */
    public static RegistrySizes standard() {
        return new RegistrySizes(new RegistryClient(DockerCredentials.fromEnvironment(), Duration.ofSeconds(5)),
                RegistryCache.standard(), Duration.ofSeconds(10));
    }

    static String cacheKey(ImageRef ref) {
        String reference = ref.digest() != null ? "@" + ref.digest() : ":" + (ref.tag() == null ? "latest" : ref.tag());
        return ref.registry() + "/" + ref.repository() + reference;
    }

    public Map<ImageRef, Outcome> lookup(Collection<ImageRef> refs, Platform platform) {
        Map<ImageRef, Outcome> out = new LinkedHashMap<>();
        List<ImageRef> todo = new ArrayList<>();
        for (ImageRef ref : refs) {
            if (out.containsKey(ref) || todo.contains(ref)) {
                continue;
            }
            var cached = cache.get(cacheKey(ref), platform);
            if (cached.isPresent()) {
                out.put(ref, new Outcome(ref, cached.get(), null));
            } else {
                todo.add(ref);
            }
        }
        if (todo.isEmpty()) {
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(todo.size(), 8), r -> {
            Thread t = new Thread(r, "dockdiet-registry");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<ImageRef, Future<RegistrySize>> running = new LinkedHashMap<>();
            for (ImageRef ref : todo) {
                running.put(ref, pool.submit(() -> client.size(ref, platform)));
            }
            long end = System.nanoTime() + deadline.toNanos();
            for (Map.Entry<ImageRef, Future<RegistrySize>> e : running.entrySet()) {
                ImageRef ref = e.getKey();
                try {
                    RegistrySize size = e.getValue().get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                    cache.put(cacheKey(ref), platform, size);
                    out.put(ref, new Outcome(ref, size, null));
                } catch (TimeoutException t) {
                    e.getValue().cancel(true);
                    out.put(ref, new Outcome(ref, null, ref.registry() + " did not answer within "
                            + deadline.toSeconds() + " s"));
                } catch (ExecutionException x) {
                    Throwable c = x.getCause();
                    out.put(ref, new Outcome(ref, null, c instanceof RegistryException ? c.getMessage()
                            : "lookup failed: " + c));
                } catch (InterruptedException i) {
                    Thread.currentThread().interrupt();
                    out.put(ref, new Outcome(ref, null, "interrupted"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Map<ImageRef, Outcome> ordered = new LinkedHashMap<>();
        for (ImageRef ref : refs) {
            if (out.containsKey(ref)) {
                ordered.put(ref, out.get(ref));
            }
        }
        return ordered;
    }
}
