package dev.dockdiet.cli;

/**
 * The run itself failed (unreadable file, broken config, bad option value): exit code 2 with
 * one line on stderr.
 */
final class RunFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunFailure(String message) {
        super(message);
    }

    RunFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
