package dev.dockdiet.size.engine;

/**
 * One instruction of a Dockerfile, as the image tools need it. Filled by the caller from the parse.
 *
 * @param line 1-based line of the instruction's keyword
 * @param endLine 1-based last line (continuations included)
 * @param keyword the instruction keyword, upper case: {@code RUN}, {@code COPY}, {@code FROM}…
 * @param text everything after the keyword (flags included), continuation lines joined with the
 *     escape character and newline removed; for exec form the JSON array as written
 */
public record DockerfileStep(int line, int endLine, String keyword, String text) {
    public DockerfileStep {
        keyword = keyword.toUpperCase(java.util.Locale.ROOT);
        text = text == null ? "" : text;
    }
}
