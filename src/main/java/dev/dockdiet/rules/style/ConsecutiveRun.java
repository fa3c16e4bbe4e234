package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.List;

/**
 * DD407: hadolint's DL3059, with its exact scope: a RUN right after another RUN (comments in
 * between are fine) with identical flags, both running a single simple command. A RUN that already
 * chains commands never fires and ends the run of RUNs, so deliberate layer splits stay quiet.
 */
public final class ConsecutiveRun implements Rule {

    public static final RuleMeta META = new RuleMeta("DD407", "consecutive-run", Severity.INFO, Category.STYLE,
            Fixability.SOMETIMES, List.of("DL3059"), "Consecutive single-command RUNs can be merged into one");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        List<List<Instruction>> groups = new java.util.ArrayList<>();
        groups.add(dev.dockdiet.rules.build.Runs.preamble(ctx.file())); // a fragment without FROM (DD001) too
        for (Stage s : ctx.file().stages()) {
            groups.add(s.instructions());
        }
        for (List<Instruction> ins : groups) {
            for (int i = 1; i < ins.size(); i++) {
                if (!(ins.get(i - 1) instanceof Instruction.Run a) || !(ins.get(i) instanceof Instruction.Run b)) {
                    continue;
                }
                if (!sameFlags(a, b) || !single(ctx, a) || !single(ctx, b)) {
                    continue;
                }
                String msg = "Multiple consecutive RUN instructions: merge this one into the RUN on line "
                        + a.range().startLine() + " with &&";
                Fix fix = merge(ctx, a, b);
                if (fix == null) {
                    ctx.report(META, b.node().keywordRange(), msg);
                } else {
                    ctx.report(META, b.node().keywordRange(), msg, fix);
                }
            }
        }
    }

    private static boolean sameFlags(Instruction.Run a, Instruction.Run b) {
        List<String> fa = a.node().flags().stream().map(Flag::text).sorted().toList();
        List<String> fb = b.node().flags().stream().map(Flag::text).sorted().toList();
        return fa.equals(fb);
    }

    /** One simple command, shell form, no heredoc, nothing after it (a {@code ;} or comment). */
    private static boolean single(RuleContext ctx, Instruction.Run r) {
        if (r.command().exec() || !r.node().heredocs().isEmpty()) {
            return false;
        }
        ShellScript sh = ctx.shell(r);
        return !sh.hasErrors() && sh.commands().size() == 1 && sh.commands().get(0).name() != null;
    }

    /** Joins {@code b} onto {@code a}: {@code RUN x} + {@code RUN y} gives {@code RUN x && \ y}. */
    private static Fix merge(RuleContext ctx, Instruction.Run a, Instruction.Run b) {
        ShellScript sa = ctx.shell(a);
        String script = a.script();
        int endCmd = sa.commands().get(0).end();
        if (!script.substring(endCmd).isBlank() || b.command().script().length() == 0) {
            return null;
        }
        int from = a.shellScript().sourceOffset(endCmd - 1) + 1;
        int to = b.shellScript().sourceOffset(0);
        String between = ctx.file().text().substring(from, to);
        if (between.contains("#")) {
            return null; // comments between them: keep the instructions as written
        }
        char esc = ctx.file().escapeChar();
        return Fix.suggested("Merge into the previous RUN",
                new Edit(ctx.file().range(from, to), " && " + esc + "\n    "));
    }
}
