package dev.dockdiet.config;

import dev.dockdiet.rule.Savings;
import java.util.List;
import java.util.Objects;

/**
 * A knowledge-base entry added by the user in {@code images:}, typically for a private base image.
 *
 * @param name the image name without tag, as written ({@code registry.corp/base/java})
 * @param tags tag patterns ({@code *} and {@code ?} wildcards) this entry covers; {@code ["*"]} when
 *     the config gives none
 * @param bytes the image size
 * @param kind whether {@code bytes} is a compressed (pull) or uncompressed (on disk) size
 * @param source where the figure comes from; when the config gives none, the config file and line
 * @param asOf the date of the figure, ISO-8601 ({@code 2025-01-31})
 * @param alternatives slimmer images to suggest instead, as image references
 * @param origin where this entry was declared ({@code .dockdiet.yaml:12:5}), for messages
 */
public record ImageEntry(String name, List<String> tags, long bytes, Savings.SizeKind kind, String source,
                         String asOf, List<String> alternatives, String origin) {
    public ImageEntry {
        Objects.requireNonNull(name, "name");
        tags = List.copyOf(tags);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        alternatives = List.copyOf(alternatives);
        Objects.requireNonNull(origin, "origin");
    }
}
