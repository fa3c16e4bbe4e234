package dev.dockdiet.rules.syntax;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import java.util.List;

/**
 * The rules about inline suppressions. Their findings are made where suppressions are applied
 * ({@code config.Suppressions}), after every other rule has run, so they have no rule class; their
 * metadata lives here, in the catalogue, like every other rule's.
 */
public final class SuppressionFindings {

    public static final RuleMeta UNUSED = new RuleMeta("DD002", "unused-suppression", Severity.WARNING,
            Category.SYNTAX, Fixability.ALWAYS, List.of(), "A suppression comment lists a rule that reports nothing there");

    public static final RuleMeta UNKNOWN_RULE = new RuleMeta("DD003", "unknown-rule-in-suppression", Severity.WARNING,
            Category.SYNTAX, Fixability.ALWAYS, List.of(), "A suppression comment names a rule that does not exist");

    private SuppressionFindings() {
    }
}
