package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.syntax.Instruction;
import java.util.Map;

/**
 * What DL3052–DL3056 and DL3058 share: a label whose schema type is {@link #type()} and whose
 * value is not of that type. Empty values are DD422's; values with variables ({@code $VERSION})
 * are only known at build time and pass.
 */
abstract class LabelValueRule implements Rule {

    /** The schema type this rule checks ({@code url}, {@code semver} ...). */
    abstract String type();

    /** What a valid value is, for the message ({@code a valid URL (scheme://...)}). */
    abstract String what();

    abstract boolean valid(String value);

    @Override
    public final void check(RuleContext ctx) {
        Map<String, String> schema = ctx.settings().labelSchema();
        if (!schema.containsValue(type())) {
            return;
        }
        for (Instruction.Label l : ctx.file().all(Instruction.Label.class)) {
            for (LabelRules.Pair p : LabelRules.pairs(l)) {
                if (!type().equals(schema.get(p.key())) || p.value().isBlank() || p.value().contains("$")) {
                    continue;
                }
                if (!valid(p.value())) {
                    ctx.report(meta(), LabelRules.valueRange(ctx.file(), p.kv()), "Label '" + p.key() + "' is not "
                            + what() + ": '" + p.value() + "'");
                }
            }
        }
    }
}
