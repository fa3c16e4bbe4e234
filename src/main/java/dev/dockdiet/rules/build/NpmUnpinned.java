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
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** DD206: {@code npm install pkg} without {@code @version} (or with {@code @latest}). */
public final class NpmUnpinned implements Rule {

    public static final RuleMeta META = new RuleMeta("DD206", "npm-unpinned", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL3016"), "Pin versions in npm install");

    private static final Set<String> TAGS = Set.of("", "latest", "next", "*", "x", "canary", "beta", "alpha", "lts");
    private static final Set<String> VALUE_FLAGS;

    static {
        Set<String> s = new HashSet<>(KnownFlags.valueFlags("npm"));
        s.addAll(List.of("--userconfig", "--globalconfig", "--tag", "--install-strategy", "--before", "--otp"));
        VALUE_FLAGS = Set.copyOf(s);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (!c.is("npm")) {
                continue;
            }
            List<Word> pos = Runs.positionals(c.args(), VALUE_FLAGS);
            if (pos.isEmpty() || !Set.of("install", "i", "add").contains(pos.get(0).value())) {
                continue;
            }
            List<Word> loose = new ArrayList<>();
            for (Word w : pos.subList(1, pos.size())) {
                if (unpinned(w)) {
                    loose.add(w);
                }
            }
            if (!loose.isEmpty()) {
                ctx.report(META, rc.range(loose.get(0)), "Pin versions in npm install: " + Runs.list(loose, 5)
                        + " (use package@version)");
            }
        }
    }

    static boolean unpinned(Word w) {
        String v = w.value();
        if (!w.isLiteral() || w.hasGlob() || v.isEmpty()) {
            return false;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith(".") || lower.startsWith("/") || lower.startsWith("~") || lower.startsWith("file:")
                || lower.endsWith(".tgz") || lower.endsWith(".tar.gz") || lower.endsWith(".tar")) {
            return false;
        }
        if (lower.contains("://") || lower.startsWith("git+") || lower.startsWith("github:")
                || (!lower.startsWith("@") && lower.contains("/"))) {
            return !lower.contains("#"); // a git repository: pinned only with #ref
        }
        int at = v.indexOf('@', v.startsWith("@") ? 1 : 0);
        if (at < 0) {
            return true;
        }
        return TAGS.contains(lower.substring(at + 1));
    }
}
