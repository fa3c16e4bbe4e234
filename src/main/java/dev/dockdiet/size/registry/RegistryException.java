package dev.dockdiet.size.registry;

/** A registry lookup that did not give a size; its message is one line for the user. */
public final class RegistryException extends Exception {

    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
