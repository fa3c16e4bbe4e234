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
 * DD230: {@code go install pkg}, {@code go get pkg} or {@code go run pkg} without
 * {@code @version}, or with {@code @latest} / {@code @none}. Local paths ({@code .}, {@code ./cmd},
 * {@code /src/app}) and, for {@code go run}, Go files ({@code main.go}) pass.
 */
public final class GoUnpinned implements Rule {

    public static final RuleMeta META = new RuleMeta("DD230", "go-unpinned", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL3062"), "Pin versions in go install, go get and go run");

    private static final Set<String> SUBCOMMANDS = Set.of("install", "get", "run");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Set<String> vars = null;
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (!c.is("go")) {
                continue;
            }
            List<Word> pos = c.positionals(KnownFlags.valueFlags("go"));
            if (pos.isEmpty() || !SUBCOMMANDS.contains(pos.get(0).value())) {
                continue;
            }
            String sub = pos.get(0).value();
            List<Word> pkgs = new ArrayList<>(pos.subList(1, pos.size()));
            if (sub.equals("install") && !pkgs.isEmpty() && pkgs.get(0).value().equals("tool")) {
                pkgs.remove(0); // go install tool <name>
            }
            if (sub.equals("run") && pkgs.size() > 1) {
                pkgs = pkgs.subList(0, 1); // the rest are the program's arguments
            }
            List<Word> loose = new ArrayList<>();
            for (Word w : pkgs) {
                String v = w.value();
                if (v.isEmpty() || v.startsWith(".") || v.startsWith("/") || (sub.equals("run") && v.endsWith(".go"))) {
                    continue;
                }
                if (!w.isLiteral()) {
                    vars = vars == null ? PackageSupport.declaredVariables(ctx) : vars;
                    if (PackageSupport.referencesAny(v, vars)) {
                        continue;
                    }
                }
                int at = v.lastIndexOf('@');
                String version = at < 0 ? null : v.substring(at + 1);
                if ((version == null || version.equals("latest") || version.equals("none"))
                        && !(version == null && sub.equals("get") && checkedOutLater(ctx, v))) {
                    loose.add(w);
                }
            }
            if (!loose.isEmpty()) {
                String first = loose.get(0).value();
                int at = first.lastIndexOf('@');
                String name = at < 0 ? first : first.substring(0, at);
                ctx.report(META, rc.range(loose.get(0)), "Pin versions in go " + sub + ": " + Runs.list(loose, 5)
                        + " (use " + name + "@<version>, not @latest)");
            }
        }
    }

    /**
     * GOPATH-era pinning: {@code go get example.com/x} fetches the repository, and the Dockerfile
     * then checks a tag out in {@code $GOPATH/src/example.com/x} ({@code WORKDIR} or {@code cd} there,
     * {@code git checkout "$VERSION"}). True when the file names that source directory and runs
     * {@code git checkout} or {@code git reset}.
     */
    private static boolean checkedOutLater(RuleContext ctx, String pkg) {
        String p = pkg.endsWith("/...") ? pkg.substring(0, pkg.length() - 4) : pkg;
        String text = ctx.file().text();
        boolean checksOut = ctx.memo(CHECKS_OUT, () -> text.contains("git checkout") || text.contains("git reset")
                || text.contains(" checkout "));
        if (!checksOut) {
            return false;
        }
        if (p.isEmpty() || p.chars().anyMatch(GoUnpinned::ends)) {
            return text.contains("src/" + p);
        }
        // text.contains("src/" + p) for a p without a word end: some "src/" is followed by a word that starts with p
        java.util.TreeSet<String> after = ctx.memo(SRC_WORDS, () -> srcWords(text));
        String ceiling = after.ceiling(p);
        return ceiling != null && ceiling.startsWith(p);
    }

    private static final Object CHECKS_OUT = new Object();
    private static final Object SRC_WORDS = new Object();

    /** Characters that end the word after {@code src/} in {@link #srcWords}. */
    private static boolean ends(int c) {
        return Character.isWhitespace(c) || "\"'`;&|()<>\\$#".indexOf(c) >= 0;
    }

    /**
     * The words that follow {@code src/} anywhere in the file, once per file: a file of many
     * {@code go get}s searched its whole text once per package.
     */
    private static java.util.TreeSet<String> srcWords(String text) {
        java.util.TreeSet<String> words = new java.util.TreeSet<>();
        for (int i = text.indexOf("src/"); i >= 0; i = text.indexOf("src/", i + 1)) {
            int j = i + 4;
            while (j < text.length() && !ends(text.charAt(j))) {
                j++;
            }
            words.add(text.substring(i + 4, j));
        }
        return words;
    }
}
