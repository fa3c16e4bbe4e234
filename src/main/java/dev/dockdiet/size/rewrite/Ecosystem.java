package dev.dockdiet.size.rewrite;

/** The builds the rewrite engine knows how to split into a build stage and a runtime stage. */
public enum Ecosystem {
    GO("Go"), NODE("Node.js"), MAVEN("Java (Maven)"), GRADLE("Java (Gradle)"), PYTHON("Python"), RUST("Rust"),
    DOTNET(".NET");

    private final String label;

    Ecosystem(String label) {
        this.label = label;
    }

    /** A name for people, e.g. {@code Java (Maven)}. */
    public String label() {
        return label;
    }
}
