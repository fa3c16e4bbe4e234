package dev.dockdiet.config;

/**
 * A configuration, suppression-baseline or other user-supplied input that cannot be used. The
 * message is one line meant for the user as is, e.g.
 * {@code .dockdiet.yaml:4:3: unknown key 'ignor' (did you mean 'ignore'?)}; the CLI prints it and
 * exits 2.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;

    /** An error at a place in a file ({@code line}, {@code column} 1-based). */
    public ConfigException(String file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** An error about a whole file (cannot be read, ...). */
    public ConfigException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.line = 0;
        this.column = 0;
    }

    /** The file as shown in the message. */
    public String file() {
        return file;
    }

    /** 1-based line, 0 when the error is about the whole file. */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when the error is about the whole file. */
    public int column() {
        return column;
    }
}
