package dev.dockdiet.size.registry;

import java.util.Locale;

/** An OCI platform: {@code linux/amd64}, {@code linux/arm64/v8}. */
public record Platform(String os, String architecture, String variant) {

    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);

    /** Parses {@code os/arch[/variant]}; null for anything else (e.g. an unexpanded {@code $BUILDPLATFORM}). */
    public static Platform parse(String text) {
        if (text == null || text.isBlank() || text.contains("$")) {
            return null;
        }
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("/");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        return new Platform(parts[0], parts[1], parts.length == 3 && !parts[2].isEmpty() ? parts[2] : null);
    }

    /** Whether an index entry's platform is this one (arm64 without variant means v8). */
    boolean matches(String os, String arch, String var) {
        if (!this.os.equals(os) || !architecture.equals(arch)) {
            return false;
        }
        if (variant == null) {
            return true;
        }
        String theirs = var == null && arch.equals("arm64") ? "v8" : var;
        return variant.equals(theirs);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
