package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.List;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DD217: a stage with several CMD, ENTRYPOINT or HEALTHCHECK instructions: only the last one
 * takes effect. Reported at each overridden one (as BuildKit), so the dead line is the one marked.
 */
public final class OverriddenInstruction implements Rule {

    public static final RuleMeta META = new RuleMeta("DD217", "overridden-instruction", Severity.WARNING,
            Category.BUILD, Fixability.NONE, List.of("DL4003", "DL4004", "DL3012", "MultipleInstructionsDisallowed", "DS007", "DS-0007", "AVD-DS-0007", "DS016", "DS-0016", "AVD-DS-0016", "DS023", "DS-0023", "AVD-DS-0023"),
            "Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.file().stages()) {
            Map<String, List<Instruction>> byKind = new LinkedHashMap<>();
            for (Instruction i : s.instructions()) {
                if (i instanceof Instruction.Cmd || i instanceof Instruction.Entrypoint
                        || i instanceof Instruction.Healthcheck) {
                    byKind.computeIfAbsent(i.keyword(), k -> new ArrayList<>()).add(i);
                }
            }
            List<Instruction> dead = new ArrayList<>();
            Map<Instruction, Instruction> winner = new java.util.IdentityHashMap<>();
            for (List<Instruction> l : byKind.values()) {
                Instruction last = l.get(l.size() - 1);
                for (Instruction i : l.subList(0, l.size() - 1)) {
                    dead.add(i);
                    winner.put(i, last);
                }
            }
            dead.sort(java.util.Comparator.comparingInt(i -> i.range().start()));
            for (Instruction i : dead) {
                ctx.report(META, i.node().keywordRange(), "Multiple " + i.keyword() + " instructions in stage "
                        + s.label() + ": this one has no effect, only the last one (line "
                        + winner.get(i).range().startLine() + ") is used");
            }
        }
    }
}
