package dev.dockdiet.rule;

import java.nio.file.Path;
import java.util.List;

/**
 * What configuration a rule may read (from {@code .dockdiet.yaml}, {@code .hadolint.yaml} or
 * the command line). Plain data: rules do not see the config file format.
 *
 * @param trustedRegistries registries FROM may pull from; empty means any
 * @param allowedBaseImages patterns ({@code node:*-slim}, {@code gcr.io/distroless/*}); empty means any
 * @param contextDir the build context (for {@code .dockerignore}); null when unknown
 * @param sizeBudget the largest final base image size allowed, in bytes; null when unset
 */
public record RuleSettings(List<String> trustedRegistries, List<String> allowedBaseImages, Path contextDir,
                           Long sizeBudget) {

    public RuleSettings {
        trustedRegistries = List.copyOf(trustedRegistries);
        allowedBaseImages = List.copyOf(allowedBaseImages);
    }

    public static RuleSettings defaults() {
        return new RuleSettings(List.of(), List.of(), null, null);
    }

    public RuleSettings withContextDir(Path dir) {
        return new RuleSettings(trustedRegistries, allowedBaseImages, dir, sizeBudget);
    }
}
