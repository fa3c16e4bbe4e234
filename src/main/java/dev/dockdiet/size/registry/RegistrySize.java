package dev.dockdiet.size.registry;

import java.time.Instant;

/**
 * What a registry says of one image for one platform.
 *
 * @param reference the reference looked up, normalised ({@code docker.io/library/alpine:3.20})
 * @param platform {@code os/arch[/variant]} whose manifest was read
 * @param digest the platform manifest's digest
 * @param compressedBytes the sum of the manifest's layer sizes: the bytes a pull downloads
 * @param layers how many layers
 * @param fetchedAt when the registry answered (a cached answer keeps its original time)
 * @param source the manifest URL that was read
 */
public record RegistrySize(String reference, String platform, String digest, long compressedBytes, int layers,
        Instant fetchedAt, String source) {
}
