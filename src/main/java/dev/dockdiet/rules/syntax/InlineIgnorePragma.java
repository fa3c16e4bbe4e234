package dev.dockdiet.rules.syntax;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Comment;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DD006: hadolint's DL1001, off by default: an inline ignore comment ({@code # hadolint ignore=}
 * or {@code # dockdiet ignore=}) silences a rule for one instruction. Teams that want every
 * exception in the config file turn this on. Global (and stage) ignores are not reported.
 */
public final class InlineIgnorePragma implements Rule {

    public static final RuleMeta META = new RuleMeta("DD006", "inline-ignore-pragma", Severity.STYLE,
            Category.SYNTAX, Fixability.NONE, List.of("DL1001"),
            "Inline ignore comments hide exceptions from the config file (off by default)", false);

    /** hadolint's own pragma grammar: codes of D, L, S, C and digits only, or the pragma is invalid. */
    private static final Pattern HADOLINT = Pattern.compile(
            "hadolint[ \\t]+ignore[ \\t]*=[ \\t]*[DLSC0-9]+(?:[ \\t]*,[ \\t]*[DLSC0-9]+)*[ \\t]*(?:#.*)?");
    private static final Pattern DOCKDIET = Pattern.compile("dockdiet[ \\t]+ignore[ \\t]*=.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Comment c : ctx.file().comments()) {
            String t = c.text().strip();
            if (HADOLINT.matcher(t).matches() || DOCKDIET.matcher(t).matches()) {
                ctx.report(META, c.range(), "Please refrain from using inline ignore pragmas: list the exception"
                        + " in the config file (ignore:, or hadolint's ignored:) instead");
            }
        }
    }
}
