package dev.dockdiet.syntax;

/**
 * A heredoc opened by RUN, COPY or ADD.
 *
 * @param name the terminator word, quotes removed
 * @param fd the file descriptor ({@code 3<<EOF}); 0 when absent
 * @param expand false when any part of the name was quoted (no variable expansion)
 * @param chomp {@code <<-}: leading tabs are removed
 * @param content the raw body lines, each with its line end, terminator excluded
 * @param body the range of the body lines and the terminator line
 */
public record Heredoc(String name, int fd, boolean expand, boolean chomp, String content, SourceRange body) {

    /** The content as the build sees it: leading tabs removed for {@code <<-}. */
    public String effectiveContent() {
        return chomp ? Heredocs.chompContent(content) : content;
    }
}
