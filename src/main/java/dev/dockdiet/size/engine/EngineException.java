package dev.dockdiet.size.engine;

/**
 * A run failure of the image tools: no engine, no such image, an unreadable archive, a failed
 * engine call. Its message is one line meant for the user; the CLI prints it and exits 2.
 */
public class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The message of the innermost cause that has one, for "…: reason" lines. */
    public static String reason(Throwable t) {
        String best = t.getClass().getSimpleName();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                best = c.getMessage().strip();
            }
            if (c.getCause() == c) {
                break;
            }
        }
        int nl = best.indexOf('\n');
        return nl < 0 ? best : best.substring(0, nl);
    }
}
