package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.ImagePolicy;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.ImageRef;
import dev.dockdiet.syntax.Stage;
import java.util.List;

/**
 * DD304: the final image's base is not one of {@code allowedBaseImages}. Only the image that ships
 * is checked (the final stage, through the stages it is built FROM): build stages may use any
 * toolchain image. Does nothing when no list is configured.
 */
public final class DisallowedBaseImage implements Rule {

    public static final RuleMeta META = new RuleMeta("DD304", "disallowed-base-image", Severity.ERROR,
            Category.SECURITY, Fixability.NONE, List.of(),
            "The final image must be built on a base listed in allowedBaseImages");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        List<String> allowed = ctx.settings().allowedBaseImages();
        if (allowed.isEmpty()) {
            return;
        }
        List<Stage> chain = Util.finalChain(ctx.file());
        if (chain.isEmpty()) {
            return;
        }
        Stage root = chain.get(chain.size() - 1);
        ImageRef ref = root.base();
        if (ref == null || root.from().image() == null || ref.isScratch()
                || ImagePolicy.allowsBaseImage(allowed, ref.raw(), ref)) {
            return;
        }
        ctx.report(META, root.from().image().range(), "Base image '" + ref.raw()
                + "' of the final image is not in allowedBaseImages " + allowed);
    }
}
