package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.Connector;
import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Instruction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DD306: a script downloaded with curl or wget and run straight away ({@code curl url | sh},
 * {@code sh -c "$(curl url)"}, {@code bash <(curl url)}), without checking what was downloaded.
 */
public final class PipeToShell implements Rule {

    public static final RuleMeta META = new RuleMeta("DD306", "pipe-to-shell", Severity.WARNING, Category.SECURITY,
            Fixability.NONE, List.of(), "Do not pipe a download into a shell: download, verify a checksum, then run it");

    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh");
    private static final Set<String> EVALUATORS = Set.of("eval", "source", ".");
    private static final Pattern INTERPRETER = Pattern.compile("python[0-9.]*|perl|ruby|node|php[0-9.]*");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction.Run run : Util.runs(ctx.file())) {
            ShellScript sh = ctx.shell(run);
            Set<Integer> seen = new HashSet<>();
            List<SimpleCommand> eff = sh.effectiveCommands();
            for (int i = 0; i + 1 < eff.size(); i++) {
                SimpleCommand c = eff.get(i);
                SimpleCommand next = eff.get(i + 1);
                if (downloadsToStdout(c) && next.connector() == Connector.PIPE && readsScriptFromStdin(next)
                        && seen.add(c.name().start())) {
                    report(ctx, run, c, Util.base(next.nameValue()));
                }
            }
            for (SimpleCommand c : sh.commands()) {
                SimpleCommand d = c.effective();
                if (!c.inSubstitution() || !downloadsToStdout(d)) {
                    continue;
                }
                for (SimpleCommand outer : sh.commands()) {
                    SimpleCommand e = outer.effective();
                    String n = Util.base(e.nameValue());
                    if (outer == c || !(SHELLS.contains(n) || EVALUATORS.contains(n))) {
                        continue;
                    }
                    for (Word w : outer.args()) {
                        if (w.start() <= d.name().start() && d.name().end() <= w.end() && seen.add(d.name().start())) {
                            report(ctx, run, d, n);
                        }
                    }
                }
            }
        }
    }

    private static void report(RuleContext ctx, Instruction.Run run, SimpleCommand download, String shell) {
        ctx.report(META, Util.nameRange(run, download), "The output of " + Util.base(download.nameValue())
                + " is run by " + shell + " unchecked: download to a file, verify its checksum, then run it");
    }

    static boolean downloadsToStdout(SimpleCommand c) {
        if (c.is("curl")) {
            if (c.hasFlag("-O", "--remote-name", "--remote-name-all")) {
                return false;
            }
            List<String> out = new java.util.ArrayList<>(c.flagValues("-o"));
            out.addAll(c.flagValues("--output"));
            return out.stream().allMatch(v -> v.equals("-"));
        }
        if (c.is("wget")) {
            List<Word> a = c.args();
            for (int i = 0; i < a.size(); i++) {
                String v = a.get(i).value();
                if (v.equals("--output-document=-") || v.equals("-O-")
                        || v.matches("-[a-zA-Z]*O-") || (v.matches("-[a-zA-Z]*O|--output-document")
                        && i + 1 < a.size() && a.get(i + 1).value().equals("-"))) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean readsScriptFromStdin(SimpleCommand c) {
        String n = Util.base(c.nameValue());
        if (SHELLS.contains(n)) {
            for (Word w : c.args()) {
                String v = w.value();
                if (v.equals("-s") || v.equals("-") || v.equals("--")) {
                    return true;
                }
                if (v.startsWith("-") && !v.startsWith("--") && v.indexOf('c', 1) > 0) {
                    return false;
                }
                if (!v.startsWith("-") && !v.startsWith("+")) {
                    return false; // sh script.sh: runs a file, stdin is data
                }
            }
            return true;
        }
        if (INTERPRETER.matcher(n).matches()) {
            for (Word w : c.args()) {
                String v = w.value();
                if (v.equals("-")) {
                    return true;
                }
                if (!v.startsWith("-") || v.equals("-c") || v.equals("-e") || v.equals("-m")) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
