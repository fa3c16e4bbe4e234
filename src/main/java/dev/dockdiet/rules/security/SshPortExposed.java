package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Word;
import java.util.List;

/** DD313: {@code EXPOSE 22}: an SSH server in a container. */
public final class SshPortExposed implements Rule {

    public static final RuleMeta META = new RuleMeta("DD313", "ssh-port-exposed", Severity.INFO, Category.SECURITY,
            Fixability.NONE, List.of("CKV_DOCKER_1", "DS004", "DS-0004", "AVD-DS-0004"), "Do not run an SSH server in a container: use docker exec instead");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction.Expose e : ctx.file().all(Instruction.Expose.class)) {
            for (Word w : e.ports()) {
                String p = dev.dockdiet.syntax.Quotes.unquote(w.text()).toLowerCase(java.util.Locale.ROOT);
                int colon = p.lastIndexOf(':');
                p = colon >= 0 ? p.substring(colon + 1) : p;
                if (p.equals("22") || p.equals("22/tcp")) {
                    ctx.report(META, w.range(), "Port 22 exposes an SSH server: it is one more service to patch and"
                            + " a way in with keys or passwords; use docker exec or kubectl exec to get a shell");
                }
            }
        }
    }
}
