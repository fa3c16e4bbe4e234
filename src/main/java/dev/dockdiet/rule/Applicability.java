package dev.dockdiet.rule;

/**
 * Whether a fix keeps behaviour ({@code SAFE}: applied by {@code --fix}) or may change it
 * ({@code SUGGESTED}: shown, applied only with {@code --fix=suggested}).
 */
public enum Applicability {
    SAFE, SUGGESTED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
