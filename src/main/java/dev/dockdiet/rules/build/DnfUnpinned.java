package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.KnownFlags;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DD229: x
 */
public final class DnfUnpinned implements Rule {

    public static final RuleMeta META = new RuleMeta("DD229", "dnf-unpinned", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL3041"), "Pin versions in dnf install");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Set<String> vars = null;
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (!c.is("dnf", "microdnf")) {
                continue;
            }
            List<Word> pos = c.positionals(KnownFlags.valueFlags(Runs.basename(c.nameValue())));
            boolean module = !pos.isEmpty() && pos.get(0).value().equals("module");
            int sub = module ? 1 : 0;
            if (pos.size() <= sub || !pos.get(sub).value().equals("install")) {
                continue;
            }
            List<Word> loose = new ArrayList<>();
            for (Word w : pos.subList(sub + 1, pos.size())) {
                String v = w.value();
                if (v.isEmpty()) {
                    continue;
                }
                if (!w.isLiteral()) {
                    vars = vars == null ? PackageSupport.declaredVariables(ctx) : vars;
                    if (PackageSupport.referencesAny(v, vars)) {
                        continue; // a build argument or ENV names the package (and its version)
                    }
                }
                if (module ? !v.contains(":") : !PackageSupport.rpmVersioned(v)) {
                    loose.add(w);
                }
            }
            if (!loose.isEmpty()) {
                String tool = Runs.basename(c.nameValue());
                ctx.report(META, rc.range(loose.get(0)), module
                        ? "Specify the stream: " + tool + " module install " + loose.get(0).value() + ":<stream> ("
                                + Runs.list(loose, 5) + ")"
                        : "Specify version with " + tool + " install -y <package>-<version>: " + Runs.list(loose, 5)
                                + " (e.g. " + loose.get(0).value() + "-<version>)");
            }
        }
    }
}
