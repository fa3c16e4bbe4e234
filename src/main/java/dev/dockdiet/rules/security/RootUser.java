package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import dev.dockdiet.syntax.Word;
import java.util.List;
import java.util.Set;

/**
 * DD301: a stage ends as root: its last USER is root (as hadolint's DL3002, every stage is
 * checked, since stages built FROM it start as root too). The final image's case says so.
 * Exempt: a final image whose entrypoint drops privileges itself (gosu, su-exec ...), and dev
 * container images.
 */
public final class RootUser implements Rule {

    public static final RuleMeta META = new RuleMeta("DD301", "root-user", Severity.WARNING, Category.SECURITY,
            Fixability.NONE, List.of("DL3002", "CKV_DOCKER_8", "last-user-is-root"), "A stage's last USER is root, so its image and the stages built on it run as root");

    /** Entrypoint tools that start as root and drop to another user themselves. */
    private static final Set<String> PRIVILEGE_DROPPERS = Set.of("gosu", "su-exec", "setpriv", "runuser", "chpst",
            "s6-setuidgid", "setuidgid");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        if (ctx.isDevContainer()) {
            return;
        }
        List<Stage> chain = Util.finalChain(ctx.file());
        boolean drops = dropsPrivileges(chain);
        Instruction.User effective = null; // the user the final image runs as
        for (Stage s : chain) {
            List<Instruction.User> users = s.all(Instruction.User.class);
            if (!users.isEmpty()) {
                effective = users.get(users.size() - 1);
                break;
            }
        }
        // as hadolint's DL3002: every stage whose last USER is root, not only the final one
        for (Stage s : ctx.file().stages()) {
            List<Instruction.User> users = s.all(Instruction.User.class);
            if (users.isEmpty()) {
                continue;
            }
            Instruction.User last = users.get(users.size() - 1);
            if (last.user() == null || !isRoot(last.user().text())) {
                continue;
            }
            String who = last.user().text().trim();
            if (last == effective) {
                if (drops) {
                    continue; // the entrypoint switches user itself (gosu, su-exec ...)
                }
                ctx.report(META, last.user().range(), "The final stage runs as root (last USER is '" + who
                        + "'): switch to an unprivileged user with USER after the root steps");
            } else if (!chain.contains(s) || !drops) {
                ctx.report(META, last.user().range(), "Stage " + s.label() + " ends as root (last USER is '" + who
                        + "'), and stages built FROM it start as root: switch back to an unprivileged user at the"
                        + " end of the stage");
            }
        }
    }

    static boolean isRoot(String user) {
        String u = dev.dockdiet.syntax.Quotes.unquote(user.trim());
        int colon = u.indexOf(':');
        String name = colon >= 0 ? u.substring(0, colon) : u;
        return name.equals("root") || name.equals("0");
    }

    /** True when the effective ENTRYPOINT starts with a tool that switches user itself (gosu, su-exec ...). */
    static boolean dropsPrivileges(List<Stage> chain) {
        for (Stage s : chain) {
            List<Instruction.Entrypoint> eps = s.all(Instruction.Entrypoint.class);
            if (!eps.isEmpty()) {
                Instruction.Command c = eps.get(eps.size() - 1).command();
                List<String> words = c.exec() ? c.args().stream().map(Word::text).toList()
                        : List.of(c.script().text().trim().split("\\s+"));
                for (int i = 0; i < words.size() && i < 3; i++) {
                    if (PRIVILEGE_DROPPERS.contains(Util.base(words.get(i))) && i + 1 < words.size()) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }
}
