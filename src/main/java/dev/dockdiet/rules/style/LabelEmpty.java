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

/** DD422: hadolint's DL3051: a label of the schema with an empty value. */
public final class LabelEmpty implements Rule {

    public static final RuleMeta META = new RuleMeta("DD422", "label-empty", Severity.WARNING, Category.STYLE,
            Fixability.NONE, List.of("DL3051"), "A label of the label schema is empty");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Map<String, String> schema = ctx.settings().labelSchema();
        if (schema.isEmpty()) {
            return;
        }
        for (Instruction.Label l : ctx.file().all(Instruction.Label.class)) {
            for (LabelRules.Pair p : LabelRules.pairs(l)) {
                if (schema.containsKey(p.key()) && p.value().isBlank()) {
                    ctx.report(META, p.kv().range(), "Label '" + p.key() + "' is empty");
                }
            }
        }
    }
}
