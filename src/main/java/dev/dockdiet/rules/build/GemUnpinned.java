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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** DD208: {@code gem install name} without {@code name:version} or {@code -v}. */
public final class GemUnpinned implements Rule {

    public static final RuleMeta META = new RuleMeta("DD208", "gem-unpinned", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL3028"), "Pin versions in gem install");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (!c.is("gem") || Runs.hasOption(c.args(), "-v", "--version", "-g", "--file")) {
                continue;
            }
            List<Word> args = c.args();
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).value().equals("--")) {
                    args = args.subList(0, i); // what follows goes to the gem's build, not to gem
                    break;
                }
            }
            List<Word> pos = Runs.positionals(args, KnownFlags.valueFlags("gem"));
            if (pos.isEmpty() || !(pos.get(0).value().equals("install") || pos.get(0).value().equals("i"))) {
                continue;
            }
            // the option values among the words, in one pass (searching args per word was quadratic)
            Set<Word> flagValues = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 1; i < args.size(); i++) {
                if (isBooleanFlagValue(args.get(i - 1), args.get(i))) {
                    flagValues.add(args.get(i));
                }
            }
            List<Word> loose = new ArrayList<>();
            for (Word w : pos.subList(1, pos.size())) {
                String v = w.value();
                if (flagValues.contains(w)) {
                    continue; // --use-system-libraries true: the value of an option, not a gem (as hadolint)
                }
                if (w.isLiteral() && !w.hasGlob() && !v.isEmpty() && !v.contains(":") && !v.endsWith(".gem")
                        && !v.contains("/")) {
                    loose.add(w);
                }
            }
            if (!loose.isEmpty()) {
                ctx.report(META, rc.range(loose.get(0)), "Pin versions in gem install: " + Runs.list(loose, 5)
                        + " (use gem:version or -v version)");
            }
        }
    }

    /** {@code w} is {@code true}/{@code false} right after {@code prev}, a long option written without {@code =}. */
    private static boolean isBooleanFlagValue(Word prev, Word w) {
        if (!w.value().equals("true") && !w.value().equals("false")) {
            return false;
        }
        String p = prev.value();
        return p.startsWith("--") && p.length() > 2 && !p.contains("=");
    }
}
