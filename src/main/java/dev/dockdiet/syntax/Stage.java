package dev.dockdiet.syntax;

import java.util.List;
import java.util.Optional;

/**
 * A build stage: a FROM and the instructions up to the next FROM.
 *
 * @param index 0-based
 * @param name lower-cased {@code AS} name, or null
 * @param from the FROM instruction
 * @param instructions the instructions after the FROM, in order
 * @param baseName the base as BuildKit resolves it: meta ARGs expanded with their defaults (an
 *     ARG without default expands to nothing); null if it cannot be resolved statically (an
 *     expansion error, an empty result, or a use of an automatic platform arg such as
 *     {@code TARGETARCH})
 * @param base the base parsed as an image reference; null when the base is another stage,
 *     {@code scratch}, or not resolvable
 * @param baseStage the index of the stage this one is built on ({@code FROM builder}); -1 if none
 */
public record Stage(int index, String name, Instruction.From from, List<Instruction> instructions,
                    String baseName, ImageRef base, int baseStage) {

    public Stage {
        instructions = List.copyOf(instructions);
    }

    public boolean isScratch() {
        return baseStage < 0 && baseName != null && baseName.equals("scratch");
    }

    /** {@code name} if it has one, else its index. */
    public String label() {
        return name != null ? name : Integer.toString(index);
    }

    public Optional<ImageRef> baseImage() {
        return Optional.ofNullable(base);
    }

    /** The stage's doc comment ({@code # builder compiles the app} above {@code FROM x AS builder}). */
    public String docComment() {
        return from.node().docComment(name);
    }

    /** The instructions of one kind, in order. */
    public <T extends Instruction> List<T> all(Class<T> kind) {
        return instructions.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The stage's range: its FROM to its last instruction. */
    public SourceRange range() {
        SourceRange r = from.range();
        return instructions.isEmpty() ? r : r.union(instructions.get(instructions.size() - 1).range());
    }
}
