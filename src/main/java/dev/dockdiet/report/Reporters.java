package dev.dockdiet.report;

import java.util.List;
import java.util.Locale;

/** Creates the reporter for a format name. */
public final class Reporters {

    /** The format names, the default first. */
    public static final List<String> NAMES = List.of("text", "json", "sarif", "checkstyle", "github", "gitlab", "rdjson");

    private Reporters() {
    }

    /**
     * @param name a format name (case-insensitive), one of {@link #NAMES}
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static Reporter create(String name, ReportOptions options) {
        ReportOptions o = options == null ? ReportOptions.defaults() : options;
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "text" -> new TextReporter(o);
            case "json" -> new JsonReporter();
            case "sarif" -> new SarifReporter(o);
            case "checkstyle" -> new CheckstyleReporter();
            case "github" -> new GithubReporter();
            case "gitlab" -> new GitlabReporter();
            case "rdjson" -> new RdjsonReporter();
            default -> throw new IllegalArgumentException(
                    "unknown report format '" + name + "'; valid formats: " + String.join(", ", NAMES));
        };
    }
}
