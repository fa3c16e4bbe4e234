package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import java.util.List;

/**
 * DD229: {@code dnf}/{@code microdnf install} of a package without a version (DL3041).
 */
public final class DnfUnpinned implements Rule {

    public static final RuleMeta META = new RuleMeta("DD229", "dnf-unpinned", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL3041"), "Pin versions in dnf install");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        PackageSupport.checkUnpinned(ctx, META, "dnf", "microdnf");
    }
}
