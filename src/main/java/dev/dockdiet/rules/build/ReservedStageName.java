package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Stage;
import java.util.List;

/** DD213: {@code AS scratch} or {@code AS context} shadow names BuildKit reserves. */
public final class ReservedStageName implements Rule {

    public static final RuleMeta META = new RuleMeta("DD213", "reserved-stage-name", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL3063", "ReservedStageName"), "Stage names must not be scratch or context");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.file().stages()) {
            if (s.from().stageName() != null && ("scratch".equals(s.name()) || "context".equals(s.name()))) {
                ctx.report(META, s.from().stageName().range(), "Stage name should not use the same name as reserved stage \""
                        + s.name() + "\"");
            }
        }
    }
}
