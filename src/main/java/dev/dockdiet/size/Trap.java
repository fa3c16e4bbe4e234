package dev.dockdiet.size;

/**
 * Something that can break when moving to an image (musl on alpine, no shell in distroless, no CA
 * certificates in scratch ...).
 *
 * @param id a stable key, e.g. {@code musl-node}, {@code no-shell}, {@code scratch-ca-certs}
 * @param text one sentence for people
 */
public record Trap(String id, String text) {
}
