package dev.dockdiet.rules.security;

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
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * DD320: {@code COPY --from=0}: a stage named by its position. Adding or moving a stage silently
 * makes it copy from another stage (one with build tools or secrets, say). Fixed by using the
 * stage's name (safe), or by naming the stage first (suggested).
 */
public final class CopyFromIndex implements Rule {

    public static final RuleMeta META = new RuleMeta("DD320", "copy-from-index", Severity.STYLE, Category.SECURITY,
            Fixability.ALWAYS, java.util.List.of(), "Refer to a build stage by its name, not by its index");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile file = ctx.file();
        for (Stage s : file.stages()) {
            for (Instruction i : s.instructions()) {
                Instruction x = i instanceof Instruction.Onbuild o ? o.trigger() : i;
                if (!(x instanceof Instruction.Copy copy)) {
                    continue;
                }
                for (Flag f : copy.node().flags("from")) {
                    String v = f.value() == null ? "" : f.value().trim();
                    if (v.isEmpty() || v.length() > 5 || !v.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    Optional<Stage> target = file.stage(v);
                    if (target.isEmpty() || target.get().index() >= s.index() || x != i) {
                        continue; // an unknown or later stage is DD210's; ONBUILD runs in another build
                    }
                    Stage t = target.get();
                    if (t.name() != null) {
                        ctx.report(META, f.range(), "COPY --from=" + v + " refers to stage " + v + " by its index:"
                                + " use its name '" + t.name() + "', which stays right when stages are added or moved",
                                Fix.safe("use --from=" + t.name(), new Edit(f.range(), "--from=" + t.name())));
                    } else if (t.from().image() != null) {
                        String name = freshName(file, t);
                        int at = t.from().image().range().end();
                        ctx.report(META, f.range(), "COPY --from=" + v + " refers to stage " + v + " by its index:"
                                + " name the stage (FROM ... AS " + name + ") and copy --from=" + name + ", which"
                                + " stays right when stages are added or moved",
                                Fix.suggested("name stage " + v + " '" + name + "'",
                                        new Edit(file.range(at, at), " AS " + name),
                                        new Edit(f.range(), "--from=" + name)));
                    }
                }
            }
        }
    }

    /** {@code build}, or {@code build-<index>} when a stage, image or reference already uses it. */
    private static String freshName(Dockerfile file, Stage t) {
        Set<String> used = new HashSet<>();
        for (Stage s : file.stages()) {
            if (s.name() != null) {
                used.add(s.name());
            }
            if (s.from().image() != null) {
                used.add(s.from().image().text().toLowerCase(Locale.ROOT));
            }
        }
        for (Instruction.Copy c : file.all(Instruction.Copy.class)) {
            c.from().ifPresent(f -> used.add(f.toLowerCase(Locale.ROOT)));
        }
        String name = t.index() == 0 ? "build" : "build-" + t.index();
        int n = 2;
        while (used.contains(name)) {
            name = "build-" + t.index() + "-" + n++;
        }
        return name;
    }
}
