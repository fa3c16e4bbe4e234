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
import dev.dockdiet.syntax.Stage;
import dev.dockdiet.syntax.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DD402: BuildKit's ConsistentInstructionCasing: keywords of FROM and of every instruction in a
 * stage (ARGs before the first FROM are not counted) should all be in the majority case
 * (lower when more are lower-case than upper-case, else upper). On a FROM line it flags, the fix
 * also writes {@code AS} in that case, and DD403 stays quiet: one rule speaks for the line.
 */
public final class InconsistentInstructionCasing implements Rule {

    public static final RuleMeta META = new RuleMeta("DD402", "inconsistent-instruction-casing", Severity.STYLE,
            Category.STYLE, Fixability.ALWAYS, List.of("ConsistentInstructionCasing"),
            "Instruction keywords should all be written in the same case");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        List<Instruction> all = counted(ctx);
        boolean toLower = majorityLower(ctx, all);
        for (Instruction i : all) {
            String kw = Text.of(ctx.file(), i.node().keywordRange());
            if (toLower ? Text.isLower(kw) : Text.isUpper(kw)) {
                continue;
            }
            String want = toLower ? kw.toLowerCase(Locale.ROOT) : kw.toUpperCase(Locale.ROOT);
            String majority = toLower ? "lowercase" : "uppercase";
            Word as = i instanceof Instruction.From ? FromAsCasing.asKeyword(i.node().args()) : null;
            String asText = as == null ? null : Text.of(ctx.file(), as.range());
            String wantAs = toLower ? "as" : "AS";
            if (as != null && !asText.equals(wantAs)) {
                // one rule speaks for the FROM line: DD403 stays quiet, and this fix writes both keywords
                ctx.report(META, i.node().keywordRange(), "Command '" + kw + "' should match the case of the command"
                                + " majority (" + majority + "), and so should '" + asText + "'",
                        Fix.safe("Write '" + want + " ... " + wantAs + "'", new Edit(i.node().keywordRange(), want),
                                new Edit(as.range(), wantAs)));
            } else {
                ctx.report(META, i.node().keywordRange(), "Command '" + kw + "' should match the case of the command"
                        + " majority (" + majority + ")", Fix.safe("Write '" + want + "'",
                        new Edit(i.node().keywordRange(), want)));
            }
        }
    }

    /** FROM and every instruction of a stage, as BuildKit counts them (not meta ARGs, not unknown instructions). */
    static List<Instruction> counted(RuleContext ctx) {
        return ctx.memo(InconsistentInstructionCasing.class, () -> {
            List<Instruction> all = new ArrayList<>();
            for (Stage s : ctx.file().stages()) {
                all.add(s.from());
                for (Instruction i : s.instructions()) {
                    if (!(i instanceof Instruction.Unknown)) {
                        all.add(i); // an unknown instruction is a syntax error (DD001), not a casing question
                    }
                }
            }
            return all;
        });
    }

    /** Whether the keywords' majority case is lower (more all-lower than all-upper keywords; a tie is upper). */
    static boolean majorityLower(RuleContext ctx, List<Instruction> all) {
        int lower = 0;
        int upper = 0;
        for (Instruction i : all) {
            String kw = Text.of(ctx.file(), i.node().keywordRange());
            if (Text.isLower(kw)) {
                lower++;
            } else if (Text.isUpper(kw)) {
                upper++;
            }
        }
        return lower > upper;
    }
}
