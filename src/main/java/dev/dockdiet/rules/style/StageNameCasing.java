package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DD404: BuildKit's StageNameCasing: a stage name with upper-case letters. BuildKit lower-cases
 * stage names and their references, so lower-casing the name and the {@code FROM <stage>} and
 * {@code COPY --from=<stage>} references that spell it is safe.
 */
public final class StageNameCasing implements Rule {

    public static final RuleMeta META = new RuleMeta("DD404", "stage-name-casing", Severity.STYLE, Category.STYLE,
            Fixability.ALWAYS, List.of("StageNameCasing"), "Stage names should be lowercase");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile file = ctx.file();
        for (Stage s : file.stages()) {
            Instruction.From from = s.from();
            if (from.stageName() == null || from.node().args().size() != 3) {
                continue;
            }
            String name = from.stageName().text();
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.equals(lower)) {
                continue;
            }
            List<Edit> edits = new ArrayList<>();
            edits.add(new Edit(from.stageName().range(), lower));
            for (Stage t : file.stages()) {
                if (t.index() <= s.index()) {
                    continue;
                }
                if (t.from().image() != null && Text.of(file, t.from().image().range()).equalsIgnoreCase(name)
                        && !Text.of(file, t.from().image().range()).equals(lower)) {
                    edits.add(new Edit(t.from().image().range(), lower));
                }
                for (Instruction i : t.instructions()) {
                    if (i instanceof Instruction.Copy c) {
                        Flag f = c.flag("from").orElse(null);
                        if (f != null && f.value() != null && f.value().equalsIgnoreCase(name)
                                && !f.value().equals(lower) && Text.of(file, f.range()).equals(f.text())) {
                            edits.add(new Edit(f.range(), "--from=" + lower));
                        }
                    }
                }
            }
            ctx.report(META, from.stageName().range(), "Stage name '" + name + "' should be lowercase",
                    new Fix(dev.dockdiet.rule.Applicability.SAFE, "Write the stage name as '" + lower + "'", edits));
        }
    }
}
