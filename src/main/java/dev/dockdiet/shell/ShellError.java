package dev.dockdiet.shell;

/**
 * A syntax problem in a script. Offsets are into the script given to {@link ShellParser#parse(String)}
 * (UTF-16 indexes, end exclusive; {@code start == end} at the end of the script).
 */
public record ShellError(int start, int end, String message) {

    @Override
    public String toString() {
        return start + ".." + end + ": " + message;
    }
}
