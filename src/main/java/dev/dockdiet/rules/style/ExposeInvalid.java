package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Word;
import java.util.List;

/**
 * DD410: an EXPOSE spec that is not a container port: a host mapping or IP
 * ({@code 8080:80}, {@code 127.0.0.1:80:80}; BuildKit's ExposeInvalidFormat, which exposes only the
 * container port) or a port above 65535 (hadolint's DL3011).
 */
public final class ExposeInvalid implements Rule {

    public static final RuleMeta META = new RuleMeta("DD410", "expose-invalid", Severity.WARNING, Category.STYLE,
            Fixability.SOMETIMES, List.of("DL3011", "ExposeInvalidFormat", "DS008", "DS-0008", "AVD-DS-0008"),
            "EXPOSE takes container ports (0-65535), not host mappings or IP addresses");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction.Expose e : ctx.file().all(Instruction.Expose.class)) {
            for (Word w : e.ports()) {
                String t = w.text();
                if (t.contains("$")) {
                    continue;
                }
                int slash = t.indexOf('/');
                String port = slash >= 0 ? t.substring(0, slash) : t;
                String proto = slash >= 0 ? t.substring(slash) : "";
                int colon = port.lastIndexOf(':');
                if (colon >= 0) {
                    String container = port.substring(colon + 1) + proto;
                    String msg = "EXPOSE instruction should not define an IP address or host-port mapping, found '"
                            + t + "': only the container port " + container + " is exposed";
                    if (Text.of(ctx.file(), w.range()).equals(t) && !container.startsWith("/")
                            && !port.substring(colon + 1).isEmpty()) {
                        ctx.report(META, w.range(), msg, Fix.safe("Keep the container port only",
                                new Edit(w.range(), container)));
                    } else {
                        ctx.report(META, w.range(), msg);
                    }
                    port = port.substring(colon + 1);
                }
                for (String p : port.split("-", -1)) {
                    if (p.matches("[0-9]+") && (p.length() > 5 || Integer.parseInt(p) > 65535)) {
                        ctx.report(META, w.range(), "Port " + p + " is out of range: valid ports are 0 to 65535");
                        break;
                    }
                }
            }
        }
    }
}
