package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Stage;
import dev.dockdiet.syntax.Word;
import java.util.List;

/**
 * DD403: BuildKit's FromAsCasing: in {@code FROM image AS name}, {@code AS} in another case than
 * {@code FROM} (only when FROM is all lower- or all upper-case; mixed case is DD402's). When FROM itself
 * is against the file's majority case, DD402 reports the line and its fix writes both keywords, so this
 * rule stays quiet: the two never ask for opposite edits on one line.
 */
public final class FromAsCasing implements Rule {

    public static final RuleMeta META = new RuleMeta("DD403", "from-as-casing", Severity.STYLE, Category.STYLE,
            Fixability.ALWAYS, List.of("FromAsCasing"), "The AS keyword should be in the same case as FROM");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Boolean majorityLower = null;
        for (Stage s : ctx.file().stages()) {
            Word as = asKeyword(s.from().node().args());
            if (as == null) {
                continue;
            }
            String from = Text.of(ctx.file(), s.from().node().keywordRange());
            String asText = Text.of(ctx.file(), as.range());
            boolean lower = Text.isLower(from);
            boolean upper = Text.isUpper(from);
            if (!lower && !upper) {
                continue;
            }
            String want = lower ? "as" : "AS";
            if (asText.equals(want)) {
                continue;
            }
            if (majorityLower == null) {
                majorityLower = InconsistentInstructionCasing.majorityLower(ctx, InconsistentInstructionCasing.counted(ctx));
            }
            if (lower != majorityLower) {
                continue; // FROM is against the file's majority: DD402 reports the line and fixes both keywords
            }
            ctx.report(META, as.range(), "'as' and 'FROM' keywords' casing do not match: write '" + want + "'",
                    Fix.safe("Write '" + want + "'", new Edit(as.range(), want)));
        }
    }

    /** The {@code AS} of {@code FROM image AS name}, in any case, or null. */
    static Word asKeyword(List<Word> args) {
        if (args.size() < 3) {
            return null;
        }
        Word as = args.get(1);
        return as.text().equalsIgnoreCase("as") ? as : null;
    }
}
