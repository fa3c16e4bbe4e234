package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.syntax.Instruction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** DD302: {@code sudo} in a RUN. */
public final class Sudo implements Rule {

    public static final RuleMeta META = new RuleMeta("DD302", "sudo", Severity.WARNING, Category.SECURITY,
            Fixability.NONE, List.of("DL3004", "CKV2_DOCKER_1", "DS010", "DS-0010", "AVD-DS-0010"), "Do not use sudo in RUN: switch users with USER, or gosu at run time");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction.Run run : Util.runs(ctx.file())) {
            ShellScript sh = ctx.shell(run);
            Set<Integer> seen = new HashSet<>();
            SimpleCommand first = null;
            for (SimpleCommand c : sh.effectiveCommands()) {
                for (SimpleCommand cur = c; cur != null; cur = cur.wrapper().orElse(null)) {
                    if (cur.is("sudo") && seen.add(cur.name().start())
                            && (first == null || cur.name().start() < first.name().start())) {
                        first = cur;
                    }
                }
            }
            if (first != null) {
                String more = seen.size() > 1 ? " (" + seen.size() + " uses in this RUN)" : "";
                ctx.report(META, Util.nameRange(run, first), "Do not use sudo" + more + ": the build already runs as"
                        + " root unless USER says otherwise; switch users with USER (or gosu in an entrypoint)");
            }
        }
    }
}
