package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.SourceRange;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * hadolint's label schema rules (DL3049–DL3058). They do nothing until configuration gives a
 * schema ({@code label-schema:} in {@code .hadolint.yaml} or {@code labelSchema:} in
 * {@code .dockdiet.yaml}): label names and the type of value each must have.
 */
public final class LabelRules {

    private LabelRules() {
    }

    public static List<Rule> all() {
        return List.of(new Missing(), new Superfluous(), new Empty(), new Typed(URL, LabelValues::url),
                new Typed(RFC3339, LabelValues::rfc3339), new Typed(SPDX, LabelValues::spdx),
                new Typed(HASH, LabelValues::gitHash), new Typed(SEMVER, LabelValues::semver),
                new Typed(EMAIL, LabelValues::email));
    }

    public static final RuleMeta MISSING = new RuleMeta("DD420", "label-missing", Severity.INFO, Category.STYLE,
            Fixability.NONE, List.of("DL3049"), "A label the label schema requires is missing");
    public static final RuleMeta SUPERFLUOUS = new RuleMeta("DD421", "label-not-in-schema", Severity.INFO,
            Category.STYLE, Fixability.NONE, List.of("DL3050"), "A label is not in the label schema (strict labels)");
    public static final RuleMeta EMPTY = new RuleMeta("DD422", "label-empty", Severity.WARNING, Category.STYLE,
            Fixability.NONE, List.of("DL3051"), "A label of the label schema is empty");
    public static final RuleMeta URL = new RuleMeta("DD423", "label-not-url", Severity.WARNING, Category.STYLE,
            Fixability.NONE, List.of("DL3052"), "A label of type url is not a valid URL");
    public static final RuleMeta RFC3339 = new RuleMeta("DD424", "label-not-rfc3339", Severity.WARNING,
            Category.STYLE, Fixability.NONE, List.of("DL3053"), "A label of type rfc3339 is not an RFC 3339 date-time");
    public static final RuleMeta SPDX = new RuleMeta("DD425", "label-not-spdx", Severity.WARNING, Category.STYLE,
            Fixability.NONE, List.of("DL3054"), "A label of type spdx is not an SPDX license identifier");
    public static final RuleMeta HASH = new RuleMeta("DD426", "label-not-git-hash", Severity.WARNING,
            Category.STYLE, Fixability.NONE, List.of("DL3055"), "A label of type hash is not a git commit hash");
    public static final RuleMeta SEMVER = new RuleMeta("DD427", "label-not-semver", Severity.WARNING,
            Category.STYLE, Fixability.NONE, List.of("DL3056"), "A label of type semver is not a semantic version");
    public static final RuleMeta EMAIL = new RuleMeta("DD428", "label-not-email", Severity.WARNING, Category.STYLE,
            Fixability.NONE, List.of("DL3058"), "A label of type email is not an RFC 5322 e-mail address");

    private static final Map<RuleMeta, String> TYPES = Map.of(URL, "url", RFC3339, "rfc3339", SPDX, "spdx", HASH,
            "hash", SEMVER, "semver", EMAIL, "email");
    private static final Map<RuleMeta, String> WHAT = Map.of(URL, "a valid URL (scheme://...)", RFC3339,
            "a valid RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z)", SPDX, "a valid SPDX license identifier (e.g. MIT,"
                    + " Apache-2.0)", HASH, "a valid git hash (7 or 40 lower-case hex digits)", SEMVER,
            "a semantic version (e.g. 1.2.3)", EMAIL, "a valid e-mail address (RFC 5322)");

    /** A LABEL pair with its key and value unquoted. */
    record Pair(String key, String value, Instruction.KeyValue kv) {
    }

    static List<Pair> pairs(Instruction.Label l) {
        List<Pair> out = new ArrayList<>();
        for (Instruction.KeyValue kv : l.pairs()) {
            out.add(new Pair(Text.unquote(kv.key()), kv.value() == null ? "" : Text.unquote(kv.value()), kv));
        }
        return out;
    }

    static SourceRange valueRange(Dockerfile f, Instruction.KeyValue kv) {
        int start = kv.range().end() - (kv.value() == null ? 0 : kv.value().length());
        return kv.value() != null && !kv.value().isEmpty() && start >= kv.range().start()
                && f.text().startsWith(kv.value(), start) ? f.range(start, kv.range().end()) : kv.range();
    }

    /** DL3049: per stage, each schema label neither set in the stage nor inherited from a base stage. */
    static final class Missing implements Rule {
        @Override
        public RuleMeta meta() {
            return MISSING;
        }

        @Override
        public void check(RuleContext ctx) {
            Map<String, String> schema = ctx.settings().labelSchema();
            if (schema.isEmpty()) {
                return;
            }
            Dockerfile f = ctx.file();
            Set<Integer> copiedFrom = new HashSet<>();
            for (Instruction.Copy c : f.all(Instruction.Copy.class)) {
                c.from().flatMap(f::stage).ifPresent(s -> copiedFrom.add(s.index()));
            }
            for (Stage s : f.stages()) {
                if (copiedFrom.contains(s.index())) {
                    continue; // a build stage others copy from ships no image of its own
                }
                Set<String> present = new HashSet<>();
                for (Stage c = s; c != null; c = c.baseStage() >= 0 && c.baseStage() < c.index()
                        ? f.stages().get(c.baseStage()) : null) {
                    for (Instruction i : c.instructions()) {
                        Instruction x = i instanceof Instruction.Onbuild o ? o.trigger() : i;
                        if (x instanceof Instruction.Label l) {
                            pairs(l).forEach(p -> present.add(p.key()));
                        }
                    }
                }
                for (String label : schema.keySet()) {
                    if (!present.contains(label)) {
                        ctx.report(MISSING, s.from().node().keywordRange(), "Label '" + label + "' is missing in stage "
                                + s.label() + " (the label schema requires it)");
                    }
                }
            }
        }
    }

    /** DL3050: with strict labels, a label outside the schema. */
    static final class Superfluous implements Rule {
        @Override
        public RuleMeta meta() {
            return SUPERFLUOUS;
        }

        @Override
        public void check(RuleContext ctx) {
            if (!ctx.settings().strictLabels()) {
                return;
            }
            Map<String, String> schema = ctx.settings().labelSchema();
            for (Instruction.Label l : ctx.file().all(Instruction.Label.class)) {
                for (Pair p : pairs(l)) {
                    if (!schema.containsKey(p.key()) && !p.key().contains("$")) {
                        ctx.report(SUPERFLUOUS, p.kv().range(), "Superfluous label '" + p.key()
                                + "': it is not in the label schema (strict labels)");
                    }
                }
            }
        }
    }

    /** DL3051: a schema label with an empty value. */
    static final class Empty implements Rule {
        @Override
        public RuleMeta meta() {
            return EMPTY;
        }

        @Override
        public void check(RuleContext ctx) {
            Map<String, String> schema = ctx.settings().labelSchema();
            if (schema.isEmpty()) {
                return;
            }
            for (Instruction.Label l : ctx.file().all(Instruction.Label.class)) {
                for (Pair p : pairs(l)) {
                    if (schema.containsKey(p.key()) && p.value().isBlank()) {
                        ctx.report(EMPTY, p.kv().range(), "Label '" + p.key() + "' is empty");
                    }
                }
            }
        }
    }

    /**
     * DL3052–DL3056, DL3058: a schema label whose value is not of its type. Empty values are
     * DL3051's; values with variables ({@code $VERSION}) are only known at build time and pass.
     */
    static final class Typed implements Rule {
        private final RuleMeta meta;
        private final String type;
        private final Predicate<String> valid;

        Typed(RuleMeta meta, Predicate<String> valid) {
            this.meta = meta;
            this.type = TYPES.get(meta);
            this.valid = valid;
        }

        @Override
        public RuleMeta meta() {
            return meta;
        }

        @Override
        public void check(RuleContext ctx) {
            Map<String, String> schema = ctx.settings().labelSchema();
            if (!schema.containsValue(type)) {
                return;
            }
            for (Instruction.Label l : ctx.file().all(Instruction.Label.class)) {
                for (Pair p : pairs(l)) {
                    if (!type.equals(schema.get(p.key())) || p.value().isBlank() || p.value().contains("$")) {
                        continue;
                    }
                    if (!valid.test(p.value())) {
                        ctx.report(meta, valueRange(ctx.file(), p.kv()), "Label '" + p.key() + "' is not "
                                + WHAT.get(meta) + ": '" + p.value() + "'");
                    }
                }
            }
        }
    }
}
