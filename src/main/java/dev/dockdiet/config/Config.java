package dev.dockdiet.config;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.RuleMeta;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The settings that apply to one Dockerfile, from a {@code .dockdiet.yaml}, a
 * {@code .hadolint.yaml}, or the built-in defaults. Rule references are already resolved to
 * canonical ids ({@code DD101}), whatever the file wrote (id, alias or name).
 *
 * @param file the config file, null for the defaults
 * @param baseDir the directory {@code exclude} patterns are relative to (the config file's), null for the defaults
 * @param dialect which kind of file it came from
 * @param ignore rules that never run
 * @param select if non-empty, only these rules run (minus {@code ignore})
 * @param severity per-rule severity overrides; {@link RuleLevel#OFF} turns a rule off
 * @param trustedRegistries registries images may come from ({@code *}, {@code *.corp.com}, {@code gcr.io}); empty = no restriction
 * @param allowedBaseImages base-image patterns ({@code node:*-slim}, {@code gcr.io/distroless/*}); empty = no restriction
 * @param sizeBudget the largest acceptable final image, in bytes, if set
 * @param failOn the failure threshold, if set ({@link FailOn#DEFAULT} otherwise, unless the CLI says)
 * @param exclude path globs of Dockerfiles not to lint, relative to {@code baseDir}
 * @param images user-added knowledge-base entries
 * @param labelSchema hadolint's {@code label-schema}: label name to value type ({@code text url semver hash
 *     rfc3339 spdx email}), read by the label rules (DL3049–DL3058)
 * @param strictLabels hadolint's {@code strict-labels}: labels outside the schema are reported (DL3050)
 * @param disableIgnorePragma hadolint's {@code disable-ignore-pragma}: inline, global and stage ignore
 *     comments ({@code # hadolint ignore=}, {@code # dockdiet ignore=}) are not honoured
 * @param registrySizes {@code sizes: {registry: true}}: ask registries for the sizes of bases the
 *     knowledge base does not know, as {@code --online} does
 * @param warnings non-fatal remarks about the file (e.g. hadolint codes dockdiet does not know), as
 *     {@code file:line:col: text}; the CLI shows them with {@code --verbose}
 */
public record Config(Path file, Path baseDir, Dialect dialect, List<String> ignore, List<String> select,
                     Map<String, RuleLevel> severity, List<String> trustedRegistries, List<String> allowedBaseImages,
                     OptionalLong sizeBudget, Optional<FailOn> failOn, List<String> exclude, List<ImageEntry> images,
                     Map<String, String> labelSchema, boolean strictLabels, boolean disableIgnorePragma,
                     boolean registrySizes, List<String> warnings) {

    /** Where a config came from. */
    public enum Dialect {
        DEFAULTS, DOCKDIET, HADOLINT
    }

    private static final Config DEFAULTS = new Config(null, null, Dialect.DEFAULTS, List.of(), List.of(), Map.of(),
            List.of(), List.of(), OptionalLong.empty(), Optional.empty(), List.of(), List.of(), Map.of(), false, false, false,
            List.of());

    public Config {
        ignore = List.copyOf(ignore);
        select = List.copyOf(select);
        severity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(severity));
        trustedRegistries = List.copyOf(trustedRegistries);
        allowedBaseImages = List.copyOf(allowedBaseImages);
        java.util.Objects.requireNonNull(sizeBudget, "sizeBudget");
        java.util.Objects.requireNonNull(failOn, "failOn");
        exclude = List.copyOf(exclude);
        images = List.copyOf(images);
        labelSchema = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labelSchema));
        warnings = List.copyOf(warnings);
    }

    /** This config with other ignore and select lists (the command line adds to them). */
    public Config withRules(List<String> newIgnore, List<String> newSelect) {
        return new Config(file, baseDir, dialect, newIgnore, newSelect, severity, trustedRegistries, allowedBaseImages,
                sizeBudget, failOn, exclude, images, labelSchema, strictLabels, disableIgnorePragma, registrySizes,
                warnings);
    }

    /** No config file: every rule at its default severity, no restrictions. */
    public static Config defaults() {
        return DEFAULTS;
    }

    /** True if the rule runs: not ignored, selected (or no selection), not turned off. */
    public boolean isEnabled(String ruleId) {
        if (ignore.contains(ruleId)) {
            return false;
        }
        if (!select.isEmpty() && !select.contains(ruleId)) {
            return false;
        }
        return severity.get(ruleId) != RuleLevel.OFF;
    }

    /** True if the configuration turns the rule on by name: it is selected, or given a severity other than off. */
    public boolean explicitlyEnables(String ruleId) {
        if (!isEnabled(ruleId)) {
            return false;
        }
        RuleLevel level = severity.get(ruleId);
        return select.contains(ruleId) || (level != null && level != RuleLevel.OFF);
    }

    /**
     * True if the rule runs, as {@link #isEnabled(String)}; a rule that is off by default
     * ({@link RuleMeta#enabledByDefault()}) runs only when selected or given a severity, as hadolint's
     * {@code override: {info: [DL3057]}} turns DL3057 on.
     */
    public boolean isEnabled(RuleMeta rule) {
        if (!isEnabled(rule.id())) {
            return false;
        }
        return rule.enabledByDefault() || select.contains(rule.id()) || severity.containsKey(rule.id());
    }

    /** Drops findings of rules that are not enabled and gives the rest their severity: the override, else the rule's. */
    public List<Finding> apply(List<Finding> findings) {
        return apply(findings, java.util.Set.of());
    }

    /**
     * As {@link #apply(List)}, with opt-in rules that something else turned on for this file
     * (BuildKit's {@code # check=experimental=}); the configuration can still turn them off.
     */
    public List<Finding> apply(List<Finding> findings, java.util.Set<String> alsoOn) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!isEnabled(f.rule()) && !(alsoOn.contains(f.rule().id()) && isEnabled(f.rule().id()))) {
                continue;
            }
            RuleLevel level = severity.get(f.rule().id());
            out.add(level == null ? f : f.withSeverity(level.severity()));
        }
        return out;
    }

    /**
     * True if an {@code exclude} pattern matches the file. Patterns are relative to
     * {@link #baseDir()}: one with a {@code /} is anchored there (a leading {@code /} is allowed), one
     * without matches a file or directory name at any depth, as in {@code .gitignore}. A pattern
     * that matches a directory excludes everything below it. Files outside {@code baseDir} are
     * never excluded.
     */
    public boolean isExcluded(Path dockerfile) {
        if (exclude.isEmpty() || baseDir == null) {
            return false;
        }
        Path abs = dockerfile.toAbsolutePath().normalize();
        if (!abs.startsWith(baseDir)) {
            return false;
        }
        Path rel = baseDir.relativize(abs);
        int n = rel.getNameCount();
        for (String raw : exclude) {
            boolean dirOnly = raw.endsWith("/");
            String p = dirOnly ? raw.substring(0, raw.length() - 1) : raw;
            boolean anchored = p.contains("/");
            if (p.startsWith("/")) {
                p = p.substring(1);
            }
            // the path itself and each of its parent directories
            for (int i = n; i >= 1; i--) {
                if (dirOnly && i == n) {
                    continue;
                }
                String candidate = anchored ? slashed(rel.subpath(0, i)) : rel.getName(i - 1).toString();
                if (Glob.matchesPath(p, candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The configured threshold, or {@code fallback}. */
    public FailOn failOnOr(FailOn fallback) {
        return failOn.orElse(fallback);
    }

    private static String slashed(Path p) {
        return p.toString().replace(p.getFileSystem().getSeparator(), "/");
    }
}
