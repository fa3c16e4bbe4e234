package dev.dockdiet.rule;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What configuration a rule may read (from {@code .dockdiet.yaml}, {@code .hadolint.yaml} or
 * the command line). Plain data: rules do not see the config file format.
 *
 * @param trustedRegistries registries FROM may pull from; empty means any
 * @param allowedBaseImages patterns ({@code node:*-slim}, {@code gcr.io/distroless/*}); empty means any
 * @param contextDir the build context (for {@code .dockerignore}); null when unknown
 * @param sizeBudget the largest final base image size allowed, in bytes; null when unset
 * @param labelSchema hadolint's label schema: label name to type ({@code text url semver hash rfc3339 spdx
 *     email}), in the order written; empty means the label rules have nothing to check
 * @param strictLabels labels outside the schema are reported
 */
public record RuleSettings(List<String> trustedRegistries, List<String> allowedBaseImages, Path contextDir,
                           Long sizeBudget, Map<String, String> labelSchema, boolean strictLabels) {

    public RuleSettings {
        trustedRegistries = List.copyOf(trustedRegistries);
        allowedBaseImages = List.copyOf(allowedBaseImages);
        labelSchema = Collections.unmodifiableMap(new LinkedHashMap<>(labelSchema));
    }

    public RuleSettings(List<String> trustedRegistries, List<String> allowedBaseImages, Path contextDir,
                        Long sizeBudget) {
        this(trustedRegistries, allowedBaseImages, contextDir, sizeBudget, Map.of(), false);
    }

    public static RuleSettings defaults() {
        return new RuleSettings(List.of(), List.of(), null, null);
    }

    public RuleSettings withContextDir(Path dir) {
        return new RuleSettings(trustedRegistries, allowedBaseImages, dir, sizeBudget, labelSchema, strictLabels);
    }

    public RuleSettings withLabels(Map<String, String> schema, boolean strict) {
        return new RuleSettings(trustedRegistries, allowedBaseImages, contextDir, sizeBudget, schema, strict);
    }
}
