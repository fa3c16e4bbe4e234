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
import java.util.List;

/** DD401: MAINTAINER is deprecated; the OCI authors label says the same. */
public final class MaintainerDeprecated implements Rule {

    public static final RuleMeta META = new RuleMeta("DD401", "maintainer-deprecated", Severity.WARNING,
            Category.STYLE, Fixability.ALWAYS, List.of("DL4000", "MaintainerDeprecated", "CKV_DOCKER_6", "DS022", "DS-0022", "AVD-DS-0022"),
            "MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        char esc = ctx.file().escapeChar();
        for (Instruction i : ctx.file().instructions()) {
            if (!(i instanceof Instruction.Maintainer m) || m.name() == null) {
                continue;
            }
            String kw = Text.of(ctx.file(), m.node().keywordRange());
            String label = Text.isLower(kw) ? "label" : "LABEL";
            String value = quote(dev.dockdiet.syntax.Quotes.unquote(m.name().text().trim()), esc);
            Fix fix = Fix.safe("Replace MAINTAINER with LABEL org.opencontainers.image.authors",
                    new Edit(m.range(), label + " org.opencontainers.image.authors=" + value));
            ctx.report(META, m.node().keywordRange(), "MAINTAINER is deprecated: use LABEL"
                    + " org.opencontainers.image.authors=\"...\" instead", fix);
        }
    }

    /** A double-quoted LABEL value that BuildKit reads back as {@code s} (no expansion). */
    static String quote(String s, char esc) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '$' || c == esc) {
                b.append(esc);
            }
            b.append(c);
        }
        return b.append('"').toString();
    }
}
