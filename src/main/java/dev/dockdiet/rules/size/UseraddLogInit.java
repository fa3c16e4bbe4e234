package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.rules.build.Runs;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Instruction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DD126: {@code useradd -u <uid>} with a UID of more than five characters and without
 * {@code -l} / {@code --no-log-init}. useradd then writes {@code /var/log/lastlog} and
 * {@code /var/log/faillog} as sparse files sized by the UID; image layers (tar) store them in
 * full. The safe fix adds {@code -l}, which only skips those two log databases.
 */
public final class UseraddLogInit implements Rule {

    public static final RuleMeta META = new RuleMeta("DD126", "useradd-log-init", Severity.WARNING,
            Category.SIZE, Fixability.SOMETIMES, List.of("DL3046"),
            "Use useradd -l with a high UID, or lastlog makes the layer huge");

    /** sizeof(struct lastlog) with glibc on 64-bit Linux: int32 time + 32-byte line + 256-byte host. */
    private static final long LASTLOG_ENTRY = 292;
    private static final Pattern VAR = Pattern.compile("^\\$\\{?|}$");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Map<String, String> vars = null;
        for (Runs.Cmd rc : Runs.commands(ctx)) {
            SimpleCommand c = rc.command();
            if (!c.is("useradd") || Runs.hasAnyFlag(c, "l", "no-log-init")) {
                continue;
            }
            String uid = uid(c);
            if (uid == null) {
                continue;
            }
            if (uid.startsWith("$")) {
                vars = vars == null ? defaults(ctx) : vars;
                String name = VAR.matcher(uid).replaceAll("");
                uid = vars.get(name);
                if (uid == null) {
                    continue; // the value is not known before the build
                }
            }
            if (uid.length() <= 5) {
                continue;
            }
            String size = "";
            if (uid.chars().allMatch(Character::isDigit) && uid.length() < 12) {
                long bytes = (Long.parseLong(uid) + 1) * LASTLOG_ENTRY;
                size = " (about " + (bytes / 1_000_000) + " MB uncompressed of lastlog for UID " + uid + ": "
                        + LASTLOG_ENTRY + " bytes per UID, sizeof(struct lastlog) in glibc on 64-bit Linux)";
            }
            String msg = "useradd without -l and a high UID writes /var/log/lastlog and faillog as files sized by"
                    + " the UID, which the layer stores in full" + size + ": add -l (--no-log-init)";
            Edit e = rc.insertAfter(ctx, c.name(), " -l");
            if (e != null) {
                ctx.report(META, rc.range(c.name()), msg, Fix.safe("add -l", e));
            } else {
                ctx.report(META, rc.range(c.name()), msg);
            }
        }
    }

    /** The value of {@code -u}, {@code -u<uid>}, {@code --uid} or {@code --uid=}, or null. */
    private static String uid(SimpleCommand c) {
        List<Word> a = c.args();
        for (int i = 0; i < a.size(); i++) {
            String v = a.get(i).value();
            if (v.equals("--")) {
                return null;
            }
            if ((v.equals("-u") || v.equals("--uid")) && i + 1 < a.size()) {
                return a.get(i + 1).value();
            }
            if (v.startsWith("--uid=")) {
                return v.substring(6);
            }
            if (v.startsWith("-u") && v.length() > 2 && !v.startsWith("--")) {
                return v.substring(2);
            }
        }
        return null;
    }

    /** ARG defaults and ENV values by name (the last definition in the file wins). */
    private static Map<String, String> defaults(RuleContext ctx) {
        Map<String, String> out = new HashMap<>();
        for (Instruction i : ctx.file().instructions()) {
            if (i instanceof Instruction.Arg a) {
                for (Instruction.ArgDef d : a.definitions()) {
                    if (d.defaultValue() != null) {
                        out.put(d.name(), d.defaultValue());
                    }
                }
            } else if (i instanceof Instruction.Env e) {
                for (Instruction.KeyValue kv : e.pairs()) {
                    out.put(kv.key(), kv.value());
                }
            }
        }
        return out;
    }
}
