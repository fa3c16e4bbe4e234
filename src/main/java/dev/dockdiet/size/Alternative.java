package dev.dockdiet.size;

import dev.dockdiet.syntax.ImageRef;
import java.util.List;

/**
 * A slimmer image that serves the same runtime, keeping the user's pinned version and tag style
 * ({@code node:18} gives {@code node:18-slim}, never {@code node:22-slim}).
 *
 * @param image the reference to write in FROM, e.g. {@code node:18-slim}
 * @param ref {@code image} parsed
 * @param family its family in the knowledge base
 * @param variant its variant, null if unknown
 * @param figure its size, of the same kind as the base's figure; when the base has both kinds, the
 *     kind both share (compressed first). Null when no such figure is known. When the base has no
 *     figure at all, the alternative's own preferred figure (nothing is compared then).
 * @param savingBytes base figure minus {@code figure}, both of one kind; null unless both are known.
 *     Negative when the alternative is bigger (distroless node against alpine, for example)
 * @param traps what can break when moving to it
 * @param note why or when to choose it (null if nothing to add)
 */
public record Alternative(String image, ImageRef ref, String family, String variant, SizeFigure figure,
                          Long savingBytes, List<Trap> traps, String note) {

    public Alternative {
        traps = List.copyOf(traps);
    }
}
