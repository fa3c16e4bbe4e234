package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.Connector;
import dev.dockdiet.shell.Redirect;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Instruction;
import java.util.List;

/**
 * DD316: a user's password set from a literal in the Dockerfile: {@code echo 'root:pw' | chpasswd},
 * {@code chpasswd <<< 'u:pw'}, {@code echo pw | passwd --stdin u}, {@code useradd -p <hash>}, and
 * {@code passwd -d u} (no password at all). Passwords read from a secret mount or a variable are not
 * flagged here (DD305 judges the variable).
 */
public final class LiteralUserPassword implements Rule {

    public static final RuleMeta META = new RuleMeta("DD316", "literal-user-password", Severity.WARNING,
            Category.SECURITY, Fixability.NONE, List.of("CKV2_DOCKER_17"),
            "Do not set a user's password from a literal in the Dockerfile");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction.Run run : Util.runs(ctx.file())) {
            List<SimpleCommand> cmds = ctx.shell(run).effectiveCommands();
            for (int i = 0; i < cmds.size(); i++) {
                SimpleCommand c = cmds.get(i);
                boolean chpasswd = c.is("chpasswd");
                boolean passwdStdin = c.is("passwd") && !c.hasFlag("-d", "--delete", "-l", "--lock", "-S", "--status",
                        "-e", "--expire");
                if (chpasswd || passwdStdin) {
                    String literal = literalInput(cmds, i, c);
                    if (literal != null && (!chpasswd || hasPassword(literal))) {
                        ctx.report(META, Util.nameRange(run, c), c.nameValue() + " sets a password written in the"
                                + " Dockerfile" + (c.hasFlag("-e", "--encrypted") ? " (as a hash)" : "")
                                + ": anyone with the Dockerfile or the image history can read it. Use key-based"
                                + " access, lock the account, or read it from a secret: RUN --mount=type=secret,id=pw"
                                + " chpasswd < /run/secrets/pw");
                    }
                }
                if (c.is("useradd", "usermod", "adduser")) {
                    List<Word> a = c.args();
                    for (int j = 0; j + 1 < a.size(); j++) {
                        String f = a.get(j).value();
                        Word v = a.get(j + 1);
                        if ((f.equals("-p") || f.equals("--password")) && v.isLiteral() && !v.value().isEmpty()
                                && !List.of("*", "!", "!!", "x").contains(v.value())) {
                            ctx.report(META, Util.range(run, v), c.nameValue() + " " + f + " sets a password hash"
                                    + " written in the Dockerfile: hashes of weak passwords are cracked offline. Lock"
                                    + " the account or set the password from a secret at run time");
                        }
                    }
                }
                if (c.is("passwd") && c.hasFlag("-d", "--delete")) {
                    ctx.report(META, Util.nameRange(run, c), "passwd -d removes the password: the account logs in"
                            + " without one (su, login, SSH with PermitEmptyPasswords). Lock it instead (passwd -l)");
                }
            }
        }
    }

    /** The literal text fed to the command's stdin: a here-string, a heredoc, or echo/printf piped in. */
    private static String literalInput(List<SimpleCommand> cmds, int i, SimpleCommand c) {
        for (Redirect r : c.redirects()) {
            if (r.operator().equals("<<<") && r.target() != null && r.target().isLiteral()) {
                return r.target().value();
            }
            if (r.isHeredoc() && r.heredocBody() != null && (r.heredocQuoted() || !r.heredocBody().contains("$"))
                    && !r.heredocBody().isBlank()) {
                return r.heredocBody();
            }
        }
        if (c.connector() == Connector.PIPE && i > 0) {
            SimpleCommand prev = cmds.get(i - 1);
            if (prev.is("echo", "printf") && !prev.args().isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (Word w : prev.args()) {
                    if (!w.isLiteral()) {
                        return null;
                    }
                    if (!w.value().startsWith("-")) {
                        sb.append(w.value()).append(' ');
                    }
                }
                return sb.toString().trim().isEmpty() ? null : sb.toString().trim();
            }
        }
        return null;
    }

    /** {@code user:password} with a non-empty password. */
    private static boolean hasPassword(String lines) {
        for (String line : lines.split("\\\\n|\\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && colon < line.trim().length() - 1) {
                return true;
            }
        }
        return false;
    }
}
