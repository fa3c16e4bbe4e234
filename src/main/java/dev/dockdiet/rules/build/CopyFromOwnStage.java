package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.List;
import java.util.Locale;

/** DD211: {@code COPY --from} naming the stage it is in. */
public final class CopyFromOwnStage implements Rule {

    public static final RuleMeta META = new RuleMeta("DD211", "copy-from-own-stage", Severity.ERROR, Category.BUILD,
            Fixability.NONE, List.of("DL3023", "DS006", "DS-0006", "AVD-DS-0006"), "COPY --from cannot name its own stage");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage stage : ctx.file().stages()) {
            for (Instruction.Copy c : stage.all(Instruction.Copy.class)) {
                Flag from = c.flag("from").orElse(null);
                if (from == null || from.value() == null) {
                    continue;
                }
                String v = from.value().toLowerCase(Locale.ROOT);
                if (v.equals(stage.name()) || v.equals(Integer.toString(stage.index()))) {
                    ctx.report(META, from.range(), "COPY --from=" + from.value()
                            + " names the stage it is in; a stage cannot copy from itself");
                }
            }
        }
    }
}
