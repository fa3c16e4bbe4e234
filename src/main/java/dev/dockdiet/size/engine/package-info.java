/**
 * Real images: reading an image (from a Docker engine through docker-java, or a {@code docker save}
 * archive) layer by layer, wasted bytes, matching layers to Dockerfile steps, building and
 * comparing images for {@code dockdiet measure}, and {@link dev.dockdiet.size.engine.Sizes}, the
 * one parser and printer of human sizes.
 *
 * <p>May use: syntax, shell, rule, fix, size; docker-java, commons-compress.
 */
package dev.dockdiet.size.engine;
