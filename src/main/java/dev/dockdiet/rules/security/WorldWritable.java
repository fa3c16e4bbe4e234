package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.Instruction;
import java.util.List;
import java.util.Set;

/**
 * DD308: files made writable by every user ({@code chmod 777}, {@code chmod -R o+w},
 * {@code COPY --chmod=666}). Modes with the sticky bit ({@code 1777}, as for /tmp) are fine.
 */
public final class WorldWritable implements Rule {

    public static final RuleMeta META = new RuleMeta("DD308", "world-writable", Severity.WARNING, Category.SECURITY,
            Fixability.NONE, List.of(), "Do not make files writable by every user (chmod 777)");

    private static final Set<String> CHMOD_VALUE_FLAGS = Set.of("--reference");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction i : ctx.file().instructions()) {
            Instruction x = i instanceof Instruction.Onbuild o ? o.trigger() : i;
            if (x instanceof Instruction.Copy || x instanceof Instruction.Add) {
                Flag f = x.flag("chmod").orElse(null);
                if (f != null && f.value() != null && worldWritable(f.value())) {
                    ctx.report(META, f.range(), message(f.value()));
                }
            }
        }
        for (Instruction.Run run : Util.runs(ctx.file())) {
            for (SimpleCommand c : ctx.shell(run).find("chmod")) {
                List<Word> pos = c.positionals(CHMOD_VALUE_FLAGS);
                if (c.hasFlag("--reference") || pos.isEmpty()) {
                    continue;
                }
                Word mode = pos.get(0);
                if (mode.isLiteral() && worldWritable(mode.value())) {
                    ctx.report(META, Util.range(run, mode), message(mode.value()));
                }
            }
        }
    }

    private static String message(String mode) {
        return "Mode " + mode + " lets every user write these files: grant write access to the owner or group"
                + " that needs it (e.g. 755 / 775, or chown)";
    }

    /** Numeric modes with the others-write bit and no sticky bit; symbolic {@code o+w}, {@code a=rwx}. */
    static boolean worldWritable(String mode) {
        if (mode.matches("[0-7]{1,4}")) {
            int m = Integer.parseInt(mode, 8);
            return (m & 0002) != 0 && (m & 01000) == 0;
        }
        for (String clause : mode.split(",")) {
            int k = 0;
            while (k < clause.length() && "ugoa".indexOf(clause.charAt(k)) >= 0) {
                k++;
            }
            String who = clause.substring(0, k);
            if (!who.contains("o") && !who.contains("a")) {
                continue;
            }
            String ops = clause.substring(k);
            // each op: [+-=] followed by perms; look for +w or =...w
            char op = 0;
            for (char ch : ops.toCharArray()) {
                if (ch == '+' || ch == '-' || ch == '=') {
                    op = ch;
                } else if (ch == 't' && op != '-') {
                    return false; // sticky bit set too
                } else if (ch == 'w' && (op == '+' || op == '=')) {
                    return !ops.contains("t");
                }
            }
        }
        return false;
    }
}
