package dev.dockdiet.size;

import java.util.List;

/**
 * A private base image declared by the user in {@code .dockdiet.yaml} under {@code images:}. A plain
 * record the config layer fills; {@link KnowledgeBase#withExtra} validates it and reports problems as
 * {@link IllegalArgumentException} with a message naming the entry.
 *
 * <pre>
 * images:
 *   - name: registry.example.com/platform/java
 *     tag: "21-*"
 *     bytes: 187000000
 *     kind: compressed
 *     source: https://registry.example.com/platform/java/tags
 *     asOf: 2026-05-02
 *     runtime: jvm
 *     toolchain: false
 *     alternatives: [registry.example.com/platform/java-jre:21]
 * </pre>
 *
 * @param name the repository without tag, as written in FROM ({@code registry.example.com/platform/java},
 *     {@code node} for an override of an official image)
 * @param tagPattern a glob over the tag ({@code *}, {@code 21-*}, {@code 1.?}); null or blank means {@code *}
 * @param bytes the size, or null when unknown; requires kind, source and asOf
 * @param kind {@code compressed} or {@code uncompressed}
 * @param source where the figure comes from (URL, or {@code measured: ...})
 * @param asOf ISO-8601 date of the figure
 * @param runtime one of the {@link ImageRuntime} labels, null for {@code none}
 * @param alternatives slimmer images in order of preference (full references)
 * @param toolchain whether it is a build image; null means false
 */
public record ExtraImage(String name, String tagPattern, Long bytes, String kind, String source, String asOf,
                         String runtime, List<String> alternatives, Boolean toolchain) {

    public ExtraImage {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** The same entry without the {@code toolchain} flag (false). */
    public ExtraImage(String name, String tagPattern, Long bytes, String kind, String source, String asOf,
                      String runtime, List<String> alternatives) {
        this(name, tagPattern, bytes, kind, source, asOf, runtime, alternatives, null);
    }
}
