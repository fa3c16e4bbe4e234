package dev.dockdiet.shell;

/**
 * A redirection: {@code > f}, {@code 2>&1}, {@code &>/dev/null}, {@code <<EOF}, {@code <<<"$x"}.
 *
 * @param fd          the file descriptor written before the operator, or -1 when none
 * @param operator    the operator without the fd: one of {@code > >> >| < <> >& <& &> &>> << <<- <<<}
 * @param target      the word after the operator (the file, fd, heredoc delimiter or here-string)
 * @param heredocBody for {@code <<} and {@code <<-}: the body text (without the delimiter line), else null
 * @param heredocQuoted for heredocs: true when the delimiter was quoted (no expansion in the body)
 * @param start       start offset of the redirection in the outermost script
 * @param end         end offset (exclusive)
 */
public record Redirect(int fd, String operator, Word target, String heredocBody, boolean heredocQuoted,
                       int start, int end) {

    /** True for {@code <<} and {@code <<-}. */
    public boolean isHeredoc() {
        return operator.equals("<<") || operator.equals("<<-");
    }

    /** True when this redirects output (stdout or another fd) to a file or fd. */
    public boolean isOutput() {
        return operator.startsWith(">") || operator.startsWith("&>");
    }
}
