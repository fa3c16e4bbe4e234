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
import java.util.Locale;

/** DD406: BuildKit's ExposeProtoCasing: {@code EXPOSE 80/TCP}; the protocol should be lower-case. */
public final class ExposeProtoCasing implements Rule {

    public static final RuleMeta META = new RuleMeta("DD406", "expose-proto-casing", Severity.STYLE, Category.STYLE,
            Fixability.SOMETIMES, List.of("ExposeProtoCasing"), "EXPOSE protocols should be lowercase");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction.Expose e : ctx.file().all(Instruction.Expose.class)) {
            for (Word w : e.ports()) {
                String t = w.text();
                int slash = t.lastIndexOf('/');
                if (slash < 0 || Text.isLower(t.substring(slash + 1))) {
                    continue;
                }
                String msg = "Defined protocol '" + t + "' in EXPOSE instruction should be lowercase";
                String raw = Text.of(ctx.file(), w.range());
                if (raw.equals(t)) {
                    var r = ctx.file().range(w.range().start() + slash + 1, w.range().end());
                    ctx.report(META, w.range(), msg, Fix.safe("Lower-case the protocol",
                            new Edit(r, t.substring(slash + 1).toLowerCase(Locale.ROOT))));
                } else {
                    ctx.report(META, w.range(), msg);
                }
            }
        }
    }
}
