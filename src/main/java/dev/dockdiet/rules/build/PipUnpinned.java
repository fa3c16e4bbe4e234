package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.KnownFlags;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.ToolNames;
import dev.dockdiet.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * DD205: {@code pip install pkg} without a version specifier. Requirement and constraint files,
 * local paths, wheels, URLs and the packaging tools themselves (pip, setuptools, wheel) pass.
 */
public final class PipUnpinned implements Rule {

    public static final RuleMeta META = new RuleMeta("DD205", "pip-unpinned", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL3013"), "Pin versions in pip install");

    private static final Set<String> TOOLS = Set.of("pip", "setuptools", "wheel");
    private static final Set<String> VALUE_FLAGS;

    static {
        Set<String> s = new HashSet<>(KnownFlags.valueFlags("pip"));
        s.addAll(List.of("-e", "--editable", "--python", "--global-option", "--install-option", "--config-settings",
                "--report", "--log-file", "--root-user-action", "--cert", "--client-cert", "--exists-action",
                "--keyring-provider", "--use-feature", "--use-deprecated", "--hash", "--target-platform"));
        VALUE_FLAGS = Set.copyOf(s);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            List<Word> args = pipArgs(rc.command());
            if (args == null || Runs.hasOption(args, "-c", "--constraint")) {
                continue;
            }
            List<Word> pos = Runs.positionals(args, VALUE_FLAGS);
            if (pos.isEmpty() || !pos.get(0).value().equals("install")) {
                continue;
            }
            List<Word> loose = new ArrayList<>();
            for (Word w : pos.subList(1, pos.size())) {
                if (unpinned(w)) {
                    loose.add(w);
                }
            }
            if (!loose.isEmpty()) {
                ctx.report(META, rc.range(loose.get(0)), "Pin versions in pip install: " + Runs.list(loose, 5)
                        + " (use package==version, or install from a requirements or constraints file)");
            }
        }
    }

    /** The arguments given to pip, or null when the command is not pip. */
    static List<Word> pipArgs(SimpleCommand c) {
        if (c.name() == null) {
            return null;
        }
        String name = Runs.basename(c.nameValue());
        if (ToolNames.withDigitsAndDots(name, "pip")) {
            return c.args();
        }
        if (ToolNames.withDigitsAndDots(name, "python")) {
            List<Word> a = c.args();
            for (int i = 0; i + 1 < a.size(); i++) {
                String v = a.get(i).value();
                if (v.equals("-m") && ToolNames.withDigitsAndDots(a.get(i + 1).value(), "pip")) {
                    return a.subList(i + 2, a.size());
                }
                if (!v.startsWith("-")) {
                    return null; // python script.py ...
                }
            }
        }
        return null;
    }

    private static boolean unpinned(Word w) {
        String v = w.value();
        if (!w.isLiteral() || w.hasGlob() || v.isEmpty() || v.equals(".")) {
            return false;
        }
        if (v.chars().anyMatch(ch -> "=<>!~@/".indexOf(ch) >= 0) || v.startsWith(".") || v.contains("://")) {
            return false;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".whl") || lower.endsWith(".tar.gz") || lower.endsWith(".zip") || lower.endsWith(".tgz")) {
            return false;
        }
        int bracket = lower.indexOf('[');
        String name = bracket < 0 ? lower : lower.substring(0, bracket);
        return !TOOLS.contains(name);
    }
}
