package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.ImageRef;
import dev.dockdiet.syntax.Stage;
import java.util.List;

/** DD201: a FROM image without tag or digest pulls whatever {@code latest} is today. */
public final class UntaggedBaseImage implements Rule {

    public static final RuleMeta META = new RuleMeta("DD201", "untagged-base-image", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL3006"), "Tag the version of a base image explicitly");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.file().stages()) {
            if (s.from().image() == null || s.from().image().text().contains("$")) {
                continue; // a variable: its value comes from the build, not from this file
            }
            ImageRef ref = s.base();
            if (ref == null || ref.tag() != null || ref.digest() != null) {
                continue; // another stage, scratch, or pinned
            }
            ctx.report(META, s.from().image().range(), "Base image '" + ref.raw()
                    + "' has no tag: it is whatever 'latest' is on the day of the build; pin a version tag");
        }
    }
}
