package dev.dockdiet.rules;

/** The services rules get when their docs examples run: the same as the CLI's defaults. */
final class DocsServices {

    private DocsServices() {
    }

    static Object get(Class<?> type) {
        return dev.dockdiet.lint.DefaultServices.get(type);
    }
}
