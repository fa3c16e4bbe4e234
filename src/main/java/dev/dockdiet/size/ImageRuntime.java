package dev.dockdiet.size;

import java.util.Locale;

/** What an image is for: the runtime it serves (for a build image, the runtime its output needs). */
public enum ImageRuntime {
    NODE("node"),
    PYTHON("python"),
    JVM("jvm"),
    /** Statically linked binaries: Go built with {@code CGO_ENABLED=0}, Rust for a musl target. */
    GO_STATIC("go-static"),
    /** Dynamically linked native binaries (glibc): C/C++, Rust, Go with CGO. */
    NATIVE("native"),
    DOTNET("dotnet"),
    RUBY("ruby"),
    PHP("php"),
    HTTP_SERVER("http-server"),
    /** An operating-system base (debian, ubuntu, alpine, busybox). */
    NONE("none");

    private final String label;

    ImageRuntime(String label) {
        this.label = label;
    }

    /** The name used in the data file and in {@code .dockdiet.yaml}. */
    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException naming the accepted labels */
    public static ImageRuntime fromLabel(String label) {
        if (label != null) {
            String l = label.trim().toLowerCase(Locale.ROOT);
            for (ImageRuntime r : values()) {
                if (r.label.equals(l)) {
                    return r;
                }
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (ImageRuntime r : values()) {
            accepted.append(accepted.length() == 0 ? "" : ", ").append(r.label);
        }
        throw new IllegalArgumentException("unknown runtime '" + label + "' (expected one of: " + accepted + ")");
    }
}
