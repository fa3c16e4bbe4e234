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
 * {@code FROM} (only when FROM is all lower- or all upper-case; mixed case is DD402's).
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
        for (Stage s : ctx.file().stages()) {
            List<Word> args = s.from().node().args();
            if (args.size() < 3) {
                continue;
            }
            String from = Text.of(ctx.file(), s.from().node().keywordRange());
            Word as = args.get(1);
            String asText = Text.of(ctx.file(), as.range());
            boolean lower = Text.isLower(from);
            boolean upper = Text.isUpper(from);
            if (!lower && !upper || !asText.equalsIgnoreCase("as")) {
                continue;
            }
            String want = lower ? "as" : "AS";
            if (!asText.equals(want)) {
                ctx.report(META, as.range(), "'as' and 'FROM' keywords' casing do not match: write '" + want + "'",
                        Fix.safe("Write '" + want + "'", new Edit(as.range(), want)));
            }
        }
    }
}
