package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DD420: hadolint's DL3049: per stage, each label of the schema that is neither set in the stage
 * nor inherited from a stage it is built on. Stages others only {@code COPY --from} are skipped.
 */
public final class LabelMissing implements Rule {

    public static final RuleMeta META = new RuleMeta("DD420", "label-missing", Severity.INFO, Category.STYLE,
            Fixability.NONE, List.of("DL3049"), "A label the label schema requires is missing");

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
                        LabelRules.pairs(l).forEach(p -> present.add(p.key()));
                    }
                }
            }
            for (String label : schema.keySet()) {
                if (!present.contains(label)) {
                    ctx.report(META, s.from().node().keywordRange(), "Label '" + label + "' is missing in stage "
                            + s.label() + " (the label schema requires it)");
                }
            }
        }
    }
}
