package dev.dockdiet.syntax;

/**
 * Something BuildKit rejects (or warns about) in the file, as data.
 *
 * @param layer {@code PARSE}: BuildKit's parser rejects the file (so does {@code parse --dump});
 *     {@code INSTRUCTION}: the parse succeeds but the build rejects the instruction (unknown
 *     instruction, bad flag, wrong argument count...); {@code WARNING}: accepted with a warning
 */
public record Problem(Layer layer, String message, SourceRange range) {

    public enum Layer { PARSE, INSTRUCTION, WARNING }

    public boolean isError() {
        return layer != Layer.WARNING;
    }
}
