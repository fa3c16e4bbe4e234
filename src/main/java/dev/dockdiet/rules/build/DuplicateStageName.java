package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Stage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** DD212: two stages with the same name; {@code COPY --from} and {@code --target} become ambiguous. */
public final class DuplicateStageName implements Rule {

    public static final RuleMeta META = new RuleMeta("DD212", "duplicate-stage-name", Severity.ERROR, Category.BUILD,
            Fixability.NONE, List.of("DL3024", "DuplicateStageName", "CKV_DOCKER_11", "DS012", "DS-0012", "AVD-DS-0012"), "Stage names must be unique");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Map<String, Stage> seen = new HashMap<>();
        for (Stage s : ctx.file().stages()) {
            if (s.name() == null || s.from().stageName() == null) {
                continue;
            }
            Stage first = seen.putIfAbsent(s.name(), s);
            if (first != null) {
                ctx.report(META, s.from().stageName().range(), "Duplicate stage name \"" + s.name()
                        + "\": already used on line " + first.from().range().startLine() + "; stage names should be unique");
            }
        }
    }
}
