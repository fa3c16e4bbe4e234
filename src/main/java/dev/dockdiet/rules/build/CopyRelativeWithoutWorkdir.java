package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Quotes;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DD241: hadolint's DL3045: COPY to a relative destination while no WORKDIR has been set in the
 * stage, nor in the stages it is built on ({@code FROM <stage>}, at any depth). The destination
 * then depends on the base image's working directory, which the Dockerfile does not show.
 */
public final class CopyRelativeWithoutWorkdir implements Rule {

    public static final RuleMeta META = new RuleMeta("DD241", "copy-relative-without-workdir", Severity.WARNING,
            Category.BUILD, Fixability.NONE, List.of("DL3045"), "COPY to a relative destination without WORKDIR set");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Set<String> stagesWithWorkdir = new HashSet<>();
        String stage = null;
        boolean workdir = false;
        Instruction.SourcesAndDest first = null;
        String firstDest = null;
        int more = 0;
        for (Instruction raw : ctx.file().instructions()) {
            Instruction i = Walk.inner(raw);
            if (raw instanceof Instruction.From f) {
                report(ctx, first, firstDest, more);
                first = null;
                more = 0;
                stage = f.stageName() == null ? null : f.stageName().text().toLowerCase(Locale.ROOT);
                workdir = f.image() != null && stagesWithWorkdir.contains(f.image().text().toLowerCase(Locale.ROOT));
                if (workdir && stage != null) {
                    stagesWithWorkdir.add(stage);
                }
            } else if (i instanceof Instruction.Workdir) {
                workdir = true;
                if (stage != null) {
                    stagesWithWorkdir.add(stage);
                }
            } else if ((i instanceof Instruction.Copy || i instanceof Instruction.Add)
                    && ((Instruction.SourcesAndDest) i).destination() != null && !workdir) {
                Instruction.SourcesAndDest c = (Instruction.SourcesAndDest) i;
                String dest = Quotes.unquoteTrimmed(c.destination().text());
                if (!dest.isEmpty() && !Walk.absoluteOrVariable(dest)) {
                    if (first == null) {
                        first = c;
                        firstDest = dest;
                    } else {
                        more++;
                    }
                }
            }
        }
        report(ctx, first, firstDest, more);
    }

    /**
     * One finding per stage, at its first relative destination: the cause (no WORKDIR) and its
     * remedy are the stage's, and so a fix that adds a COPY next to one (DD130) or turns an ADD
     * into a COPY (DD240) does not add a finding.
     */
    private static void report(RuleContext ctx, Instruction.SourcesAndDest first, String dest, int more) {
        if (first == null) {
            return;
        }
        String keyword = first instanceof Instruction.Add ? "ADD" : "COPY";
        ctx.report(META, first.destination().range(), keyword + " to the relative destination '" + dest + "'"
                + (more == 0 ? "" : " (and " + more + " more relative COPY/ADD destination" + (more == 1 ? "" : "s")
                + " in this stage)")
                + " without WORKDIR set: where it lands depends on the base image's working directory;"
                + " set WORKDIR first or use an absolute path");
    }
}
