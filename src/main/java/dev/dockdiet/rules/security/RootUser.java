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
 * DD301: the image runs as root because the last USER of the final stage (or of the stages it is
 * built on) is root. Build stages may use root freely: only the final stage's user ships.
 */
public final class RootUser implements Rule {

    public static final RuleMeta META = new RuleMeta("DD301", "root-user", Severity.WARNING, Category.SECURITY,
            Fixability.NONE, List.of("DL3002", "CKV_DOCKER_8", "last-user-is-root"), "The final image runs as root because its last USER is root");

    /** Entrypoint tools that start as root and drop to another user themselves. */
    private static final Set<String> PRIVILEGE_DROPPERS = Set.of("gosu", "su-exec", "setpriv", "runuser", "chpst",
            "s6-setuidgid", "setuidgid");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        List<Stage> chain = Util.finalChain(ctx.file());
        Instruction.User last = null;
        for (Stage s : chain) {
            List<Instruction.User> users = s.all(Instruction.User.class);
            if (!users.isEmpty()) {
                last = users.get(users.size() - 1);
                break;
            }
        }
        if (last == null || last.user() == null || !isRoot(last.user().text()) || dropsPrivileges(chain)
                || isDevContainer(ctx.path())) {
            return;
        }
        ctx.report(META, last.user().range(), "The final stage runs as root (last USER is '"
                + last.user().text().trim() + "'): switch to an unprivileged user with USER after the root steps");
    }

    /**
     * A dev container image ({@code .devcontainer/Dockerfile}) ends with {@code USER root} by
     * convention: the tool connects as {@code remoteUser} from devcontainer.json.
     */
    static boolean isDevContainer(java.nio.file.Path path) {
        if (path == null) {
            return false;
        }
        for (java.nio.file.Path part : path) {
            if (part.toString().equals(".devcontainer")) {
                return true;
            }
        }
        return false;
    }

    static boolean isRoot(String user) {
        String u = Util.unquote(user.trim());
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
