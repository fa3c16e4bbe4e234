package dev.dockdiet.report;

import java.net.URI;
import java.nio.file.Path;

/**
 * Settings the CLI passes to reporters.
 *
 * @param colour ANSI colour in the text format (the CLI decides: a terminal and no {@code NO_COLOR})
 * @param srcRoot the directory that relative report paths are relative to, as an absolute
 *     {@code file:} URI ending in {@code /}; SARIF writes it as {@code originalUriBaseIds["%SRCROOT%"]}
 * @param automationId SARIF {@code run.automationDetails.id} (e.g. {@code dockdiet/lint/}), or null to
 *     leave it out so that {@code upload-sarif}'s {@code category:} input applies
 */
public record ReportOptions(boolean colour, URI srcRoot, String automationId) {

    public static final String INFORMATION_URI = "https://github.com/dockdiet/dockdiet";

    public ReportOptions {
        if (srcRoot == null) {
            srcRoot = directoryUri(Path.of("").toAbsolutePath());
        } else {
            if (!srcRoot.isAbsolute()) {
                throw new IllegalArgumentException("the source root must be an absolute URI: " + srcRoot);
            }
            if (!srcRoot.toString().endsWith("/")) {
                srcRoot = URI.create(srcRoot + "/");
            }
        }
        if (automationId != null && automationId.isBlank()) {
            automationId = null;
        }
    }

    /** No colour, the working directory as source root, no automation id. */
    public static ReportOptions defaults() {
        return new ReportOptions(false, null, null);
    }

    public ReportOptions withColour(boolean on) {
        return new ReportOptions(on, srcRoot, automationId);
    }

    public ReportOptions withSrcRoot(Path dir) {
        return new ReportOptions(colour, directoryUri(dir.toAbsolutePath().normalize()), automationId);
    }

    public ReportOptions withSrcRoot(URI uri) {
        return new ReportOptions(colour, uri, automationId);
    }

    public ReportOptions withAutomationId(String id) {
        return new ReportOptions(colour, srcRoot, id);
    }

    /** {@code file:///abs/dir/}, with the trailing slash even when the directory does not exist. */
    public static URI directoryUri(Path dir) {
        String s = dir.toUri().toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }
}
