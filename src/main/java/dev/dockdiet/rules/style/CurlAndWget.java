package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.rules.build.Runs;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DD408: hadolint's DL4001: one stage downloads with both curl and wget. Every RUN that uses
 * either, from the one where both have been seen on, is reported at its first use.
 */
public final class CurlAndWget implements Rule {

    public static final RuleMeta META = new RuleMeta("DD408", "curl-and-wget", Severity.INFO, Category.STYLE,
            Fixability.NONE, List.of("DL4001", "DS014", "DS-0014", "AVD-DS-0014"), "Use either curl or wget in a stage, not both");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (List<Instruction.Run> runs : Runs.byStage(ctx.file())) {
            Set<String> seen = new HashSet<>();
            for (Instruction.Run run : runs) {
                SimpleCommand first = null;
                for (SimpleCommand c : ctx.shell(run).effectiveCommands()) {
                    if (c.is("curl", "wget")) {
                        seen.add(dev.dockdiet.syntax.Quotes.unquote(base(c.nameValue())));
                        if (first == null || c.name().start() < first.name().start()) {
                            first = c;
                        }
                    }
                }
                if (first != null && seen.size() == 2) {
                    ctx.report(META, run.shellScript().range(first.name().start(), first.name().end()),
                            "This stage uses both curl and wget: pick one, so the image needs one download tool");
                }
            }
        }
    }

    private static String base(String name) {
        int slash = name.lastIndexOf('/');
        return slash >= 0 ? name.substring(slash + 1) : name;
    }
}
