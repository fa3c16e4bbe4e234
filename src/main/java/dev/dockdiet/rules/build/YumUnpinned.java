package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import java.util.List;

/**
 * DD224: {@code yum install} of a package without a version (DL3033).
 */
public final class YumUnpinned implements Rule {

    public static final RuleMeta META = new RuleMeta("DD224", "yum-unpinned", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL3033"), "Pin versions in yum install");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        PackageSupport.checkUnpinned(ctx, META, "yum");
    }
}
