package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.ImageRef;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import java.util.List;

/**
 * DD321 (opt-in): an image pulled by tag rather than by digest: the base of a stage
 * ({@code FROM node:22}) or an image copied from ({@code COPY --from=nginx:1.27}). A tag can be moved
 * to other content at any time; a digest cannot. Off by default: a team that pins (and lets a bot
 * such as Renovate or Dependabot bump the digests) enables it in its configuration.
 */
public final class ImageNotPinnedByDigest implements Rule {

    public static final RuleMeta META = new RuleMeta("DD321", "image-not-pinned-by-digest", Severity.WARNING,
            Category.SECURITY, Fixability.NONE, List.of(),
            "Pin pulled images by digest (opt-in policy)", false);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile file = ctx.file();
        for (Stage s : file.stages()) {
            ImageRef ref = s.base();
            if (ref == null || s.from().image() == null || ref.isScratch() || ref.digest() != null) {
                continue; // another stage, scratch, an unresolvable ARG, or pinned
            }
            String written = s.from().image().text();
            ctx.report(META, s.from().image().range(), "FROM " + written
                    + (written.equals(ref.raw()) ? "" : " (" + ref.raw() + ")")
                    + " is pulled by tag, which can be moved to other content: pin it by digest ("
                    + ref.familiar() + "@sha256:…, from `docker buildx imagetools inspect " + ref.familiar()
                    + "`) and let a bot update the digest");
        }
        for (Instruction.Copy c : file.all(Instruction.Copy.class)) {
            for (Flag f : c.node().flags("from")) {
                String v = f.value() == null ? "" : f.value().trim();
                if (v.isEmpty() || v.contains("$") || v.contains("@") || file.stage(v).isPresent()
                        || !(v.contains(":") || v.contains("/"))) {
                    continue; // stages and bare names are DD210's
                }
                ImageRef ref = ImageRef.parse(v);
                if (ref == null || ref.digest() != null) {
                    continue;
                }
                ctx.report(META, f.range(), "COPY --from=" + v + " pulls an image by tag, which can be moved to other"
                        + " content: pin it by digest (" + ref.familiar() + "@sha256:…)");
            }
        }
    }
}
