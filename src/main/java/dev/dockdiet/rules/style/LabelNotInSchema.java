package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import java.util.List;
import java.util.Map;

/** DD421: hadolint's DL3050: with strict labels, a LABEL key that is not in the schema. */
public final class LabelNotInSchema implements Rule {

    public static final RuleMeta META = new RuleMeta("DD421", "label-not-in-schema", Severity.INFO,
            Category.STYLE, Fixability.NONE, List.of("DL3050"), "A label is not in the label schema (strict labels)");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        if (!ctx.settings().strictLabels()) {
            return;
        }
        Map<String, String> schema = ctx.settings().labelSchema();
        for (Instruction.Label l : ctx.file().all(Instruction.Label.class)) {
            for (LabelRules.Pair p : LabelRules.pairs(l)) {
                if (!schema.containsKey(p.key()) && !p.key().contains("$")) {
                    ctx.report(META, p.kv().range(), "Superfluous label '" + p.key()
                            + "': it is not in the label schema (strict labels)");
                }
            }
        }
    }
}
