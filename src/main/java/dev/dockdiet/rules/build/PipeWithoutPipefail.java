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
import dev.dockdiet.shell.Connector;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.SourceRange;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * DD218: a pipe in a shell-form RUN whose shell does not run with {@code pipefail}: the RUN
 * succeeds when the command before the pipe fails ({@code curl ... | sh} with a dead URL). A
 * {@code SHELL [..., "-o", "pipefail", "-c"]} or a {@code set -o pipefail} earlier in the same
 * script satisfies it; pipes fed by echo, printf, yes or true are not flagged.
 */
public final class PipeWithoutPipefail implements Rule {

    public static final RuleMeta META = new RuleMeta("DD218", "pipe-without-pipefail", Severity.WARNING,
            Category.BUILD, Fixability.NONE, List.of("DL4006", "DS032", "DS-0032", "AVD-DS-0032"), "Set -o pipefail before using a pipe in RUN");

    private static final List<String> DEFAULT = List.of("/bin/sh", "-c");
    private static final Set<String> POSIX = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox");
    private static final Set<String> HARMLESS = Set.of("echo", "printf", "yes", "true");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Map<Integer, List<String>> finalShell = new HashMap<>();
        List<String> pre = DEFAULT;
        for (Instruction i : Runs.preamble(ctx.file())) { // a fragment without FROM (DD001) is checked too
            if (i instanceof Instruction.Shell sh && !sh.args().isEmpty()) {
                pre = sh.args().stream().map(dev.dockdiet.syntax.Word::text).toList();
            } else if (i instanceof Instruction.Run r) {
                check(ctx, r, pre);
            }
        }
        for (Stage s : ctx.file().stages()) {
            List<String> shell = s.baseStage() >= 0 ? finalShell.getOrDefault(s.baseStage(), DEFAULT) : DEFAULT;
            for (Instruction i : s.instructions()) {
                if (i instanceof Instruction.Shell sh && !sh.args().isEmpty()) {
                    shell = sh.args().stream().map(dev.dockdiet.syntax.Word::text).toList();
                } else if (i instanceof Instruction.Run r) {
                    check(ctx, r, shell);
                }
            }
            finalShell.put(s.index(), shell);
        }
    }

    private static void check(RuleContext ctx, Instruction.Run run, List<String> shell) {
        if (run.command().exec() || run.script().isBlank() || !POSIX.contains(Runs.basename(shell.get(0)))) {
            return;
        }
        boolean shebang = run.script().stripLeading().startsWith("#!");
        if (shebang && !Runs.isShell(run)) {
            return;
        }
        if (!shebang && pipefail(shell.subList(1, shell.size()))) {
            return;
        }
        ShellScript script = ctx.shell(run);
        List<SimpleCommand> cmds = script.commands();
        for (int k = 0; k < cmds.size(); k++) {
            SimpleCommand c = cmds.get(k);
            if (c.connector() != Connector.PIPE || c.inSubstitution() || c.inCondition() || c.negated()) {
                continue;
            }
            SimpleCommand left = null;
            for (int j = k - 1; j >= 0; j--) {
                if (!cmds.get(j).inSubstitution() && cmds.get(j).start() < c.start()) {
                    left = cmds.get(j);
                    break;
                }
            }
            if (left == null || left.is(HARMLESS.toArray(String[]::new)) || setBefore(cmds, c)) {
                continue;
            }
            String text = script.text();
            int bar = text.lastIndexOf('|', c.start());
            if (bar < left.end()) {
                bar = c.start();
            }
            SourceRange at = run.shellScript().range(bar, bar + 1);
            ctx.report(META, at, "A failure of '" + left.nameValue() + "' before this pipe is ignored: the RUN's exit"
                    + " status is that of the last command; set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]"
                    + " before this RUN (or start the script with set -o pipefail where /bin/sh supports it)");
            return;
        }
    }

    /** {@code -o pipefail} among shell options ({@code -eo pipefail}, {@code -opipefail} too). */
    static boolean pipefail(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-opipefail") || a.equals("-o pipefail")) {
                return true;
            }
            if (a.startsWith("-") && !a.startsWith("--") && a.endsWith("o") && i + 1 < args.size()
                    && args.get(i + 1).equals("pipefail")) {
                return true;
            }
        }
        return false;
    }

    private static boolean setBefore(List<SimpleCommand> cmds, SimpleCommand pipe) {
        for (SimpleCommand c : cmds) {
            if (c.start() >= pipe.start()) {
                return false;
            }
            if (c.is("set") && !c.inSubshell() && !c.inFunction() && !c.inSubstitution()
                    && pipefail(c.args().stream().map(Word::value).toList())) {
                return true;
            }
        }
        return false;
    }
}
