/**
 * Exact image sizes from registries, on request only ({@code --online}, or {@code sizes:
 * {registry: true}} in the config): the OCI distribution API's image index and manifest for
 * the requested platform, whose layer sizes sum to the compressed size of the image, without
 * downloading a layer. Anonymous bearer tokens as Docker Hub and ghcr.io issue them, or
 * credentials from {@code ~/.docker/config.json} (including credential helpers); answers are
 * cached under the user's cache directory. Nothing here runs unless asked: the lint path never
 * loads these classes otherwise.
 *
 * <p>May use: {@code syntax} (image references) and the JDK's HTTP client; Jackson to read the
 * registry's JSON.
 */
package dev.dockdiet.size.registry;
