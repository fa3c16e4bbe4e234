package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.List;
import java.util.Locale;

/**
 * DD210: {@code COPY --from=x} where x is not an earlier stage: a later stage, an index out of
 * range, or a bare name that is no stage of this file (BuildKit then pulls it as an image).
 */
public final class CopyFromUnknownStage implements Rule {

    public static final RuleMeta META = new RuleMeta("DD210", "copy-from-unknown-stage", Severity.WARNING,
            Category.BUILD, Fixability.NONE, List.of("DL3022"), "COPY --from should name a stage defined before it");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        List<Stage> stages = ctx.file().stages();
        for (Stage stage : stages) {
            for (Instruction.Copy c : stage.all(Instruction.Copy.class)) {
                Flag from = c.flag("from").orElse(null);
                if (from == null || from.value() == null || from.value().isEmpty() || from.value().contains("$")) {
                    continue;
                }
                String v = from.value().toLowerCase(Locale.ROOT);
                if (v.equals(stage.name()) || v.equals(Integer.toString(stage.index()))) {
                    continue; // DD211
                }
                String problem = problem(stages, stage, v, from.value());
                if (problem != null) {
                    ctx.report(META, from.range(), problem);
                }
            }
        }
    }

    private static String problem(List<Stage> stages, Stage current, String v, String written) {
        for (Stage s : stages) {
            if (v.equals(s.name())) {
                return s.index() < current.index() ? null
                        : "COPY --from=" + written + " names a stage defined after this one (line "
                        + s.from().range().startLine() + "); stages must be defined before they are copied from";
            }
        }
        if (v.chars().allMatch(Character::isDigit)) {
            if (v.length() < 6 && Integer.parseInt(v) < current.index()) {
                return null;
            }
            return "COPY --from=" + written + ": there is no stage " + written + " before this one (stages are numbered from 0)";
        }
        if (v.contains(":") || v.contains("@") || v.contains("/") || v.contains(".")) {
            return null; // an image reference
        }
        List<String> earlier = stages.stream().filter(s -> s.index() < current.index() && s.name() != null)
                .map(Stage::name).toList();
        String near = Support.closest(v, earlier);
        return "COPY --from=" + written + " is not a stage of this file: it will be pulled as the image '" + written
                + ":latest'" + (near != null ? " (did you mean stage '" + near + "'?)" : "");
    }
}
