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

/** DD202: {@code FROM image:latest} without a digest. */
public final class LatestBaseImage implements Rule {

    public static final RuleMeta META = new RuleMeta("DD202", "latest-base-image", Severity.WARNING, Category.BUILD,
            Fixability.NONE, List.of("DL3007", "CKV_DOCKER_7", "DS001", "DS-0001", "AVD-DS-0001"), "Pin a base image to a release tag instead of latest");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Stage s : ctx.file().stages()) {
            if (s.from().image() == null || s.from().image().text().contains("$")) {
                continue;
            }
            ImageRef ref = s.base();
            if (ref == null || ref.digest() != null || !"latest".equals(ref.tag())) {
                continue;
            }
            ctx.report(META, s.from().image().range(), "Base image '" + ref.raw()
                    + "' uses the 'latest' tag, which moves with every release; pin a version tag");
        }
    }
}
