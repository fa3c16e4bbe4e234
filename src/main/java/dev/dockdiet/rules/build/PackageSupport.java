package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.shell.KnownFlags;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Instruction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the yum / dnf / zypper rules share: finding the install subcommand, the non-interactive
 * switch, and which packages carry a version. Stateless.
 */
final class PackageSupport {

    private PackageSupport() {
    }

    /**
     * The subcommand word of {@code c} when it is one of {@code subs}: the first positional, or the
     * second after {@code module} / {@code group} ({@code dnf module install}); null otherwise.
     */
    static Word subcommand(SimpleCommand c, Set<String> subs) {
        List<Word> pos = c.positionals(KnownFlags.valueFlags(Runs.basename(c.nameValue())));
        for (int i = 0; i < pos.size() && i < 2; i++) {
            String v = pos.get(i).value();
            if (subs.contains(v)) {
                return pos.get(i);
            }
            if (!v.equals("module") && !v.equals("group")) {
                return null;
            }
        }
        return null;
    }

    /** True when a RUN of the file writes {@code assumeyes=1} (or true) into a yum / dnf configuration. */
    static boolean assumeYesConfigured(RuleContext ctx) {
        for (Instruction.Run r : Runs.all(ctx)) {
            String t = r.script().toLowerCase(Locale.ROOT).replace(" ", "");
            if (t.contains("assumeyes=1") || t.contains("assumeyes=true")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports an install without its non-interactive switch, at the subcommand, with a safe fix
     * inserting {@code insert} after the subcommand ({@code afterName}: after the command name).
     */
    static void reportMissingYes(RuleContext ctx, RuleMeta meta, Runs.Cmd rc, Word sub, String message,
                                 String insert, boolean afterName) {
        Word at = afterName ? rc.command().name() : sub;
        Edit e = rc.insertAfter(ctx, at, insert);
        if (e != null) {
            ctx.report(meta, rc.range(sub), message, Fix.safe("add" + insert, e));
        } else {
            ctx.report(meta, rc.range(sub), message);
        }
    }

    /**
     * True when an rpm package name carries a version as hadolint reads it: an {@code .rpm} file,
     * or {@code name-version} where every part after the first {@code -} uses only
     * {@code [0-9A-Za-z.~^_:+]} and some part starts with a digit ({@code tomcat-9.0.1},
     * {@code python3-3.9.16-1.el9}, but not {@code python3-pip}).
     */
    static boolean rpmVersioned(String pkg) {
        if (pkg.endsWith(".rpm")) {
            return true;
        }
        String[] parts = pkg.split("-", -1);
        if (parts.length <= 1) {
            return false;
        }
        boolean digit = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            for (int k = 0; k < p.length(); k++) {
                char ch = p.charAt(k);
                boolean ok = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
                        || ".~^_:+".indexOf(ch) >= 0;
                if (!ok) {
                    return false;
                }
            }
            if (!p.isEmpty() && Character.isDigit(p.charAt(0))) {
                digit = true;
            }
        }
        return digit;
    }

    /** Names declared by any ARG or ENV of the file (ONBUILD ones included). */
    static Set<String> declaredVariables(RuleContext ctx) {
        Set<String> out = new HashSet<>();
        for (Instruction.Arg a : ctx.file().all(Instruction.Arg.class)) {
            for (Instruction.ArgDef d : a.definitions()) {
                out.add(d.name());
            }
        }
        for (Instruction.Env e : ctx.file().all(Instruction.Env.class)) {
            for (Instruction.KeyValue kv : e.pairs()) {
                out.add(kv.key());
            }
        }
        return out;
    }

    /** True when the text references ({@code $V} or {@code ${V...}}) one of these variable names. */
    static boolean referencesAny(String text, Set<String> names) {
        int i = text.indexOf('$');
        while (i >= 0 && i + 1 < text.length()) {
            int s = i + 1;
            if (text.charAt(s) == '{') {
                s++;
            }
            int e = s;
            while (e < text.length() && (Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) == '_')) {
                e++;
            }
            if (e > s && names.contains(text.substring(s, e))) {
                return true;
            }
            i = text.indexOf('$', i + 1);
        }
        return false;
    }

    /**
     * DL3033/DL3041: an rpm tool's {@code install} (or {@code module install}) names a package
     * without a version ({@code name-version}, or {@code :stream} for a module). Packages named by a
     * declared ARG or ENV are taken as pinned by it.
     */
    static void checkUnpinned(RuleContext ctx, RuleMeta meta, String... tools) {
        Set<String> vars = null;
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (!c.is(tools)) {
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
                    vars = vars == null ? declaredVariables(ctx) : vars;
                    if (referencesAny(v, vars)) {
                        continue; // a build argument or ENV names the package (and its version)
                    }
                }
                if (module ? !v.contains(":") : !rpmVersioned(v)) {
                    loose.add(w);
                }
            }
            if (!loose.isEmpty()) {
                String tool = Runs.basename(c.nameValue());
                ctx.report(meta, rc.range(loose.get(0)), module
                        ? "Specify the stream: " + tool + " module install " + loose.get(0).value() + ":<stream> ("
                                + Runs.list(loose, 5) + ")"
                        : "Specify version with " + tool + " install -y <package>-<version>: " + Runs.list(loose, 5)
                                + " (e.g. " + loose.get(0).value() + "-<version>)");
            }
        }
    }

    /** DL3030/DL3038: an rpm tool's install-like subcommand without {@code -y}/{@code --assumeyes}; the fix adds {@code -y}. */
    static void checkMissingYes(RuleContext ctx, RuleMeta meta, Set<String> subcommands, String... tools) {
        if (assumeYesConfigured(ctx)) {
            return; // assumeyes=1 written into yum.conf / dnf.conf answers yes for every call
        }
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (!c.is(tools)) {
                continue;
            }
            Word sub = subcommand(c, subcommands);
            if (sub == null || Runs.hasAnyFlag(c, "y", "assumeyes")) {
                continue;
            }
            reportMissingYes(ctx, meta, rc, sub,
                    "Use the -y switch to avoid manual input: " + Runs.basename(c.nameValue()) + " " + sub.value() + " -y (without it the build aborts at the prompt)", " -y", false);
        }
    }

}
