package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.rules.build.Runs;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import java.util.List;
import java.util.Set;

/**
 * DD413: {@code wget} without {@code --progress}, {@code -q}/{@code --quiet}, {@code -nv}/{@code
 * --no-verbose}, {@code -o}/{@code --output-file} or {@code -a}/{@code --append-output}: its
 * default progress bar writes a line per few kilobytes into the build log. The suggested fix adds
 * {@code --progress=dot:giga} (GNU wget; BusyBox wget has only {@code -q}).
 */
public final class WgetWithoutProgress implements Rule {

    public static final RuleMeta META = new RuleMeta("DD413", "wget-without-progress", Severity.INFO,
            Category.STYLE, Fixability.SOMETIMES, List.of("DL3047"),
            "Use wget --progress=dot:giga (or -q / -nv) so downloads do not flood the build log");

    private static final Set<String> QUIET = Set.of("progress", "q", "quiet", "o", "output-file", "a",
            "append-output", "no-verbose");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (!c.is("wget") || quiet(c)) {
                continue;
            }
            String msg = "wget without a progress option floods the build log: use wget --progress=dot:giga,"
                    + " or -q / -nv (--quiet / --no-verbose)";
            Edit e = busybox(ctx, rc) ? null : rc.insertAfter(ctx, c.name(), " --progress=dot:giga");
            if (e != null) {
                ctx.report(META, rc.range(c.name()), msg, Fix.suggested("add --progress=dot:giga", e));
            } else {
                ctx.report(META, rc.range(c.name()), msg);
            }
        }
    }

    /** True when the RUN's stage starts from Alpine or BusyBox, whose wget has no --progress. */
    private static boolean busybox(RuleContext ctx, Runs.Cmd rc) {
        if (rc.command().wrapper().map(w -> w.is("busybox")).orElse(false)) {
            return true;
        }
        return ctx.file().stageOf(rc.run()).map(s -> s.baseName()).map(b -> b.contains("alpine") || b.contains("busybox"))
                .orElse(false);
    }

    private static boolean quiet(SimpleCommand c) {
        for (Word w : c.args()) {
            if (w.value().equals("-nv")) {
                return true;
            }
        }
        return Runs.hasAnyFlag(c, QUIET.toArray(String[]::new));
    }
}
