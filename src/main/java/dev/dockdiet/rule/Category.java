package dev.dockdiet.rule;

/** Rule families; the hundreds digit of a rule id. */
public enum Category {
    SYNTAX("DD0"), SIZE("DD1"), BUILD("DD2"), SECURITY("DD3"), STYLE("DD4");

    private final String idPrefix;

    Category(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    public String idPrefix() {
        return idPrefix;
    }
}
