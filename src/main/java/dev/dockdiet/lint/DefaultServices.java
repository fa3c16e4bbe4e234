package dev.dockdiet.lint;

import dev.dockdiet.config.Config;
import dev.dockdiet.config.ImageEntry;
import dev.dockdiet.size.ExtraImage;
import dev.dockdiet.size.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The collaborators rules may ask for through {@code RuleContext.service}: the embedded size
 * knowledge base (loaded on first use), extended with a config's private base images.
 */
public final class DefaultServices {

    private static final Map<List<ImageEntry>, KnowledgeBase> WITH_EXTRAS = new ConcurrentHashMap<>();

    private DefaultServices() {
    }

    /** The services with no configuration. */
    public static Object get(Class<?> type) {
        if (type == KnowledgeBase.class) {
            return KnowledgeBase.get();
        }
        return null;
    }

    /** The services for files under one config (its {@code images:} added to the knowledge base). */
    public static Function<Class<?>, Object> forConfig(Config config) {
        if (config.images().isEmpty()) {
            return DefaultServices::get;
        }
        return type -> {
            if (type == KnowledgeBase.class) {
                return WITH_EXTRAS.computeIfAbsent(config.images(), DefaultServices::extend);
            }
            return get(type);
        };
    }

    private static KnowledgeBase extend(List<ImageEntry> entries) {
        List<ExtraImage> extra = new ArrayList<>();
        for (ImageEntry e : entries) {
            for (String tag : e.tags()) {
                extra.add(new ExtraImage(e.name(), tag, e.bytes(), e.kind() == null ? null : e.kind().label(), e.source(),
                        e.asOf(), e.runtime(), e.alternatives(), e.toolchain()));
            }
        }
        return KnowledgeBase.get().withExtra(extra);
    }
}
