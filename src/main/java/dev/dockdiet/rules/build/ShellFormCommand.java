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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DD214: CMD or ENTRYPOINT in shell form: the program runs under {@code /bin/sh -c}, so it is
 * not PID 1 and does not get SIGTERM on {@code docker stop}; a shell-form ENTRYPOINT also drops
 * CMD and {@code docker run} arguments. Not reported when the stage sets SHELL (as BuildKit).
 * The fix writes the exec form when every word is plain; it is safe for CMD when no ENTRYPOINT is
 * set in the file, suggested otherwise.
 */
public final class ShellFormCommand implements Rule {

    public static final RuleMeta META = new RuleMeta("DD214", "shell-form-command", Severity.WARNING, Category.BUILD,
            Fixability.SOMETIMES, List.of("DL3025", "JSONArgsRecommended"),
            "Use JSON (exec) form for CMD and ENTRYPOINT");

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+,=-]+");
    private static final Set<String> BUILTINS = Set.of("exec", "cd", "set", "export", ".", "source", "ulimit", "umask",
            "trap", "if", "for", "while", "until", "case", "eval", "test", "[", "[[", "{", "(", "!", "alias", "unset",
            "shift", "wait", "read", "local", "readonly", "true", "false", ":");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.file().stages()) {
            List<Stage> chain = Support.chain(ctx.file(), s);
            boolean shellSet = chain.stream().skip(1).anyMatch(p -> !p.all(Instruction.Shell.class).isEmpty());
            boolean entrypoint = chain.stream().anyMatch(p -> !p.all(Instruction.Entrypoint.class).isEmpty());
            for (Instruction i : s.instructions()) {
                if (i instanceof Instruction.Shell) {
                    shellSet = true;
                } else if (i instanceof Instruction.Cmd c && !shellSet && !c.command().exec()) {
                    report(ctx, i, c.command(), !entrypoint);
                } else if (i instanceof Instruction.Entrypoint e && !shellSet && !e.command().exec()) {
                    report(ctx, i, e.command(), false);
                }
            }
        }
    }

    private static void report(RuleContext ctx, Instruction i, Instruction.Command cmd, boolean safe) {
        String text = cmd.script().text().strip();
        if (text.isEmpty() || text.startsWith("exec ")) {
            return; // "exec prog" replaces the shell: the program is PID 1 and gets the signals
        }
        String msg = "JSON arguments recommended for " + i.keyword() + " to prevent unintended behavior related to OS"
                + " signals: in shell form the process runs under /bin/sh -c and does not receive SIGTERM";
        dev.dockdiet.syntax.SourceRange r = i.node().restRange();
        List<String> words = new ArrayList<>(List.of(text.split("[ \t]+")));
        boolean plain = words.stream().allMatch(w -> PLAIN.matcher(w).matches()) && !words.get(0).contains("=")
                && !BUILTINS.contains(words.get(0)) && r.startLine() == r.endLine();
        if (!plain) {
            ctx.report(META, r, msg);
            return;
        }
        StringBuilder json = new StringBuilder("[");
        for (int k = 0; k < words.size(); k++) {
            json.append(k == 0 ? "" : ", ").append('"').append(words.get(k)).append('"');
        }
        json.append(']');
        Edit e = new Edit(r, json.toString());
        ctx.report(META, r, msg, safe ? Fix.safe("use exec form", e)
                : Fix.suggested("use exec form (with ENTRYPOINT set, arguments are passed differently)", e));
    }
}
