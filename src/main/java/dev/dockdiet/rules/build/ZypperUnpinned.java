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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DD227: {@code zypper install pkg} (or {@code in}) without a version: the package has none of
 * {@code = >= > <= <} and is not an {@code .rpm} file. A package named through a declared ARG or
 * ENV passes.
 */
public final class ZypperUnpinned implements Rule {

    public static final RuleMeta META = new RuleMeta("DD227", "zypper-unpinned", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL3037"), "Pin versions in zypper install");

    private static final Set<String> VALUE_FLAGS;

    static {
        Set<String> s = new HashSet<>(KnownFlags.valueFlags("zypper"));
        s.addAll(List.of("-t", "--type", "--from", "-p", "--plus-repo", "--download"));
        VALUE_FLAGS = Set.copyOf(s);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Set<String> vars = null;
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (!c.is("zypper")) {
                continue;
            }
            List<Word> pos = c.positionals(VALUE_FLAGS);
            if (pos.isEmpty() || !(pos.get(0).value().equals("install") || pos.get(0).value().equals("in"))) {
                continue;
            }
            List<Word> loose = new ArrayList<>();
            for (Word w : pos.subList(1, pos.size())) {
                String v = w.value();
                if (v.isEmpty() || v.endsWith(".rpm") || v.indexOf('=') >= 0 || v.indexOf('<') >= 0
                        || v.indexOf('>') >= 0) {
                    continue;
                }
                if (!w.isLiteral()) {
                    vars = vars == null ? PackageSupport.declaredVariables(ctx) : vars;
                    if (PackageSupport.referencesAny(v, vars)) {
                        continue;
                    }
                }
                loose.add(w);
            }
            if (!loose.isEmpty()) {
                ctx.report(META, rc.range(loose.get(0)), "Specify version with zypper install -y <package>=<version>: "
                        + Runs.list(loose, 5) + " (e.g. " + loose.get(0).value() + "=<version>)");
            }
        }
    }
}
