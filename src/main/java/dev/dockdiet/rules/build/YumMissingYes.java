package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import java.util.List;
import java.util.Set;

/**
 * DD223: {@code yum install} (also {@code groupinstall}, {@code localinstall}) without {@code -y} or
 * {@code --assumeyes}: nobody answers the prompt in a build. The fix adds {@code -y}.
 */
public final class YumMissingYes implements Rule {

    public static final RuleMeta META = new RuleMeta("DD223", "yum-missing-yes", Severity.WARNING, Category.BUILD,
            Fixability.SOMETIMES, List.of("DL3030"), "Use yum install -y so the build does not wait for an answer");

    private static final Set<String> SUBCOMMANDS = Set.of("install", "groupinstall", "localinstall");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        PackageSupport.checkMissingYes(ctx, META, SUBCOMMANDS, "yum");
    }
}
