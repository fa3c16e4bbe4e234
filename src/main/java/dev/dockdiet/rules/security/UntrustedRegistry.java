package dev.dockdiet.rules.security;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.ImagePolicy;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Flag;
import dev.dockdiet.syntax.ImageRef;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Mount;
import dev.dockdiet.syntax.SourceRange;
import dev.dockdiet.syntax.Stage;
import java.util.List;

/**
 * DD303: an image pulled from a registry that is not in {@code trustedRegistries}: a FROM base,
 * {@code COPY --from=<image>} or {@code RUN --mount=from=<image>}. Does nothing when no list is configured.
 */
public final class UntrustedRegistry implements Rule {

    public static final RuleMeta META = new RuleMeta("DD303", "untrusted-registry", Severity.ERROR,
            Category.SECURITY, Fixability.NONE, List.of("DL3026"),
            "Images must come from a registry listed in trustedRegistries");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        List<String> trusted = ctx.settings().trustedRegistries();
        if (trusted.isEmpty()) {
            return;
        }
        Dockerfile file = ctx.file();
        for (Stage s : file.stages()) {
            if (s.base() != null && s.from().image() != null) {
                check(ctx, trusted, s.base(), s.from().image().range());
            }
            for (Instruction i : s.instructions()) {
                if (i instanceof Instruction.Copy c && c.from().isPresent()) {
                    image(file, s, c.from().get()).ifPresent(ref -> check(ctx, trusted, ref,
                            c.flag("from").map(Flag::range).orElse(c.range())));
                } else if (i instanceof Instruction.Run r) {
                    for (Mount m : r.mounts()) {
                        if (m.from() != null && (m.type().equals("bind") || m.type().equals("cache"))) {
                            image(file, s, m.from()).ifPresent(ref -> check(ctx, trusted, ref, m.flag().range()));
                        }
                    }
                }
            }
        }
    }

    /** The image a {@code --from} value names, when it is not a stage (by name or index). */
    private static java.util.Optional<ImageRef> image(Dockerfile file, Stage current, String from) {
        if (file.stage(from).isPresent() || from.equalsIgnoreCase(current.name())) {
            return java.util.Optional.empty();
        }
        if (from.chars().allMatch(Character::isDigit) || from.equals("scratch")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(ImageRef.parse(from));
    }

    private static void check(RuleContext ctx, List<String> trusted, ImageRef ref, SourceRange at) {
        if (ref.isScratch() || ImagePolicy.trustsRegistry(trusted, ref.registry())) {
            return;
        }
        ctx.report(META, at, "Image '" + ref.raw() + "' comes from registry '" + ref.registry()
                + "', which is not in trustedRegistries " + trusted);
    }
}
