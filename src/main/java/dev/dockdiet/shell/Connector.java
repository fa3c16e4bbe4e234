package dev.dockdiet.shell;

/** The operator that precedes a command (or the construct that starts with it). */
public enum Connector {
    /** The very first command of a script, substitution or nested shell. */
    START("", "start"),
    /** {@code a && b} */
    AND("&&", "and"),
    /** {@code a || b} */
    OR("||", "or"),
    /** {@code a; b} or a newline */
    SEQUENCE(";", "sequence"),
    /** {@code a | b} (also {@code |&}) */
    PIPE("|", "pipe"),
    /** {@code a & b}: the command before ran in the background */
    BACKGROUND("&", "background");

    private final String symbol;
    private final String label;

    Connector(String symbol, String label) {
        this.symbol = symbol;
        this.label = label;
    }

    /** The shell operator, empty for START. */
    public String symbol() {
        return symbol;
    }

    @Override
    public String toString() {
        return label;
    }
}
