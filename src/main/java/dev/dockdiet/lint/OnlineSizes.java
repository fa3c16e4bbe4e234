package dev.dockdiet.lint;

import dev.dockdiet.size.ExtraImage;
import dev.dockdiet.size.KnowledgeBase;
import dev.dockdiet.size.registry.Platform;
import dev.dockdiet.size.registry.RegistrySize;
import dev.dockdiet.size.registry.RegistrySizes;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.ImageRef;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Exact sizes from registries for the bases of one Dockerfile that the knowledge base does not
 * know ({@code --online}, or {@code sizes: {registry: true}}). Each answer becomes a private
 * knowledge-base entry for that exact tag (source: the manifest URL, date: the lookup), so the
 * size picture, savings and reports use it like any other sourced figure. A base whose lookup
 * fails keeps what the knowledge base says, with one line saying why.
 */
public final class OnlineSizes {

    /** The services to lint the file with, and one line per base the registry could not size. */
    public record Prepared(Function<Class<?>, Object> services, List<String> notes) {
    }

    private final RegistrySizes registry;
    /** Answers of this run: a fix loop lints a file again and again, a base is asked once. */
    private final Map<String, RegistrySizes.Outcome> seen = new java.util.concurrent.ConcurrentHashMap<>();

    public OnlineSizes(RegistrySizes registry) {
        this.registry = registry;
    }

    public Prepared prepare(Dockerfile df, Function<Class<?>, Object> services) {
        Object known = services.apply(KnowledgeBase.class);
        KnowledgeBase kb = known instanceof KnowledgeBase k ? k : KnowledgeBase.get();
        Map<Platform, List<ImageRef>> wanted = new LinkedHashMap<>();
        for (Stage s : df.stages()) {
            ImageRef ref = s.base();
            if (ref == null || hasFigure(kb, ref)) {
                continue;
            }
            Platform p = s.from().platform().map(Platform::parse).orElse(null);
            wanted.computeIfAbsent(p == null ? Platform.LINUX_AMD64 : p, x -> new ArrayList<>()).add(ref);
        }
        if (wanted.isEmpty()) {
            return new Prepared(services, List.of());
        }
        List<ExtraImage> extra = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<Platform, List<ImageRef>> e : wanted.entrySet()) {
            List<RegistrySizes.Outcome> outcomes = new ArrayList<>();
            List<ImageRef> ask = new ArrayList<>();
            for (ImageRef ref : e.getValue()) {
                RegistrySizes.Outcome before = seen.get(ref.raw() + " " + e.getKey());
                if (before != null) {
                    outcomes.add(before);
                } else {
                    ask.add(ref);
                }
            }
            for (RegistrySizes.Outcome o : registry.lookup(ask, e.getKey()).values()) {
                seen.put(o.ref().raw() + " " + e.getKey(), o);
                outcomes.add(o);
            }
            for (RegistrySizes.Outcome o : outcomes) {
                if (o.found()) {
                    extra.add(entry(o.ref(), o.size()));
                } else {
                    notes.add("registry size of " + o.ref().raw() + " unavailable (" + o.problem()
                            + "); using the knowledge base");
                }
            }
        }
        if (extra.isEmpty()) {
            return new Prepared(services, notes);
        }
        KnowledgeBase extended = kb.withExtra(extra);
        Function<Class<?>, Object> with = type -> type == KnowledgeBase.class ? extended : services.apply(type);
        return new Prepared(with, notes);
    }

    private static boolean hasFigure(KnowledgeBase kb, ImageRef ref) {
        return kb.match(ref).map(m -> !m.figures().isEmpty()).orElse(false);
    }

    /** The registry's answer as a knowledge-base entry for exactly this reference. */
    static ExtraImage entry(ImageRef ref, RegistrySize size) {
        String name = ref.familiarName();
        // a digest without tag: the entry is for any tag of this repository in this one file
        String tag = ref.tag() != null ? ref.tag() : ref.digest() != null ? "*" : "latest";
        return new ExtraImage(name, tag, size.compressedBytes(), "compressed",
                size.source() + " (" + size.platform() + ", " + size.digest() + ")",
                size.fetchedAt().toString().substring(0, 10), null, List.of());
    }
}
