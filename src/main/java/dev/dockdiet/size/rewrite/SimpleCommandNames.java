package dev.dockdiet.size.rewrite;

/** Command-name helpers shared by the planning code. */
final class SimpleCommandNames {
    private SimpleCommandNames() {
    }

    static String base(String name) {
        int slash = name.lastIndexOf('/');
        return slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name;
    }
}
