package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DD409: hadolint's DL3048: a LABEL key outside Docker's key format (lower-case alphanumerics,
 * {@code .}, {@code -}, {@code /}, starting with a letter and ending with a letter or digit, no
 * {@code ..} or {@code --}), or in a namespace Docker reserves.
 */
public final class InvalidLabelKey implements Rule {

    public static final RuleMeta META = new RuleMeta("DD409", "invalid-label-key", Severity.STYLE, Category.STYLE,
            Fixability.NONE, List.of("DL3048"), "Label keys should follow Docker's key format");

    private static final Pattern VALID = Pattern.compile("[a-z]([a-z0-9._/-]*[a-z0-9])?");
    private static final List<String> RESERVED = List.of("com.docker.", "io.docker.", "org.dockerproject.");
    /** Red Hat's container labels (required for certified images), conventionally written capitalised. */
    private static final java.util.Set<String> RED_HAT = java.util.Set.of("name", "version", "release", "architecture",
            "vendor", "license", "component", "summary", "description", "run", "install", "uninstall", "url",
            "build-date", "vcs-ref", "vcs-type", "authoritative-source-url", "distribution-scope", "maintainer");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction.Label l : ctx.file().all(Instruction.Label.class)) {
            for (Instruction.KeyValue kv : l.pairs()) {
                String key = dev.dockdiet.syntax.Quotes.unquote(kv.key());
                if (key.contains("$") || RED_HAT.contains(key.toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                String why = problem(key);
                if (why != null) {
                    var r = ctx.file().text().startsWith(kv.key(), kv.range().start()) && !kv.key().isEmpty()
                            ? ctx.file().range(kv.range().start(), kv.range().start() + kv.key().length()) : kv.range();
                    ctx.report(META, r, "Invalid label key '" + key + "': " + why);
                }
            }
        }
    }

    static String problem(String key) {
        for (String r : RESERVED) {
            if (key.startsWith(r)) {
                return "the " + r + " namespace is reserved for Docker";
            }
        }
        if (key.contains("..") || key.contains("--")) {
            return "keys may not contain '..' or '--'";
        }
        if (!VALID.matcher(key).matches()) {
            return "use lower-case letters, digits, '.', '-' and '/', starting with a letter and ending with a"
                    + " letter or digit (e.g. org.opencontainers.image.title)";
        }
        return null;
    }
}
