package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Quotes;
import java.util.List;

/**
 * DD243: hadolint's DL3067: {@code COPY --from=stage / /} copies another stage's whole file
 * system (its package manager, shell, caches and all) over this one. Unlike hadolint, a source
 * that holds nothing but what is meant to be copied is accepted: a stage built {@code FROM scratch}
 * (a "rootfs" stage), and the scratch-based tool images made to be copied this way
 * ({@code tonistiigi/xx}, {@code gloursdocker/docker}), directly or as a stage's base.
 */
public final class CopyWholeFilesystem implements Rule {

    public static final RuleMeta META = new RuleMeta("DD243", "copy-whole-filesystem", Severity.WARNING,
            Category.BUILD, Fixability.NONE, List.of("DL3067"), "Do not copy an entire file system from another stage");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        for (Instruction raw : ctx.file().instructions()) {
            if (!(Walk.inner(raw) instanceof Instruction.Copy c) || c.from().isEmpty() || c.destination() == null
                    || c.sources().size() != 1) {
                continue;
            }
            if (Quotes.unquoteTrimmed(c.sources().get(0).text()).equals("/") && Quotes.unquoteTrimmed(c.destination().text()).equals("/")
                    && !madeToBeCopied(ctx.file(), c.from().get())) {
                ctx.report(META, c.sources().get(0).range(), "Do not copy an entire file system from another stage:"
                        + " COPY --from=" + c.from().get() + " / / brings its whole root over this one; copy only the"
                        + " directories the image needs");
            }
        }
    }

    /** Scratch-based images whose documented use is {@code COPY --from=image / /}. */
    private static final java.util.Set<String> TOOL_IMAGES = java.util.Set.of("tonistiigi/xx", "gloursdocker/docker");

    private static boolean madeToBeCopied(dev.dockdiet.syntax.Dockerfile file, String from) {
        java.util.Optional<dev.dockdiet.syntax.Stage> stage = file.stage(from);
        if (stage.isPresent()) {
            dev.dockdiet.syntax.Stage s = stage.get();
            return s.isScratch() || s.base() != null && TOOL_IMAGES.contains(s.base().familiarName());
        }
        dev.dockdiet.syntax.ImageRef ref = dev.dockdiet.syntax.ImageRef.parse(from);
        return ref != null && TOOL_IMAGES.contains(ref.familiarName());
    }
}
