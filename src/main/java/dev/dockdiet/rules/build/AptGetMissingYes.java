package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.KnownFlags;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import java.util.List;
import java.util.Set;

/**
 * DD216: {@code apt-get install} without {@code -y}: in a build nobody answers the prompt, so
 * apt-get aborts as soon as there is something to install. The fix adds {@code -y}.
 */
public final class AptGetMissingYes implements Rule {

    public static final RuleMeta META = new RuleMeta("DD216", "apt-get-missing-yes", Severity.WARNING,
            Category.BUILD, Fixability.SOMETIMES, List.of("DL3014", "DS021", "DS-0021", "AVD-DS-0021"), "Use apt-get -y so the build does not wait for an answer");

    private static final Set<String> PROMPTS = Set.of("install", "upgrade", "dist-upgrade", "full-upgrade", "remove",
            "purge", "autoremove", "build-dep", "reinstall");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        boolean configured = Runs.all(ctx).stream()
                .anyMatch(r -> r.script().toLowerCase(java.util.Locale.ROOT).contains("assume-yes"));
        if (configured) {
            return; // an apt.conf snippet written by the Dockerfile answers yes for every call
        }
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (!c.is("apt-get", "apt")) {
                continue;
            }
            List<Word> pos = c.positionals(KnownFlags.valueFlags("apt-get"));
            if (pos.isEmpty() || !PROMPTS.contains(pos.get(0).value()) || assumesYes(c) || fedByYes(ctx, rc)) {
                continue;
            }
            Word sub = pos.get(0);
            String msg = "Use the -y switch to avoid manual input: " + c.nameValue() + " -y " + sub.value()
                    + " (without it the build aborts at the prompt)";
            Edit e = rc.insertAfter(ctx, sub, " -y");
            if (e != null) {
                ctx.report(META, rc.range(sub), msg, Fix.safe("add -y", e));
            } else {
                ctx.report(META, rc.range(sub), msg);
            }
        }
    }

    static boolean assumesYes(SimpleCommand c) {
        int quiet = 0;
        for (Word w : c.args()) {
            String v = w.value();
            if (v.equals("--")) {
                break;
            }
            if (v.equals("-y") || v.equals("--yes") || v.equals("--assume-yes") || v.startsWith("--assume-yes=")
                    || v.startsWith("--yes=")) {
                return true;
            }
            if (v.toLowerCase(java.util.Locale.ROOT).contains("assume-yes")) {
                return true; // -o APT::Get::Assume-Yes=true
            }
            if (v.equals("--quiet")) {
                quiet++;
            } else if (v.startsWith("--quiet=") || v.startsWith("-q=")) {
                quiet += v.endsWith("=2") ? 2 : 1;
            } else if (v.startsWith("-") && !v.startsWith("--") && v.length() > 1 && !v.contains("=")) {
                for (char ch : v.substring(1).toCharArray()) {
                    if (ch == 'y') {
                        return true;
                    }
                    if (ch == 'q') {
                        quiet++;
                    }
                }
            }
        }
        return quiet >= 2;
    }

    /** {@code yes | apt-get install ...} */
    private static boolean fedByYes(RuleContext ctx, Runs.Cmd rc) {
        if (!rc.command().inPipeline()) {
            return false;
        }
        SimpleCommand prev = null;
        for (SimpleCommand c : ctx.shell(rc.run()).commands()) {
            if (c.start() >= rc.command().start()) {
                break;
            }
            prev = c;
        }
        return prev != null && prev.is("yes") && prev.inPipeline();
    }
}
