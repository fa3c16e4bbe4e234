package dev.dockdiet.rules.size;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Fix;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.size.Alternative;
import dev.dockdiet.size.ImageMatch;
import dev.dockdiet.size.KnowledgeBase;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.ImageRef;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Stage;
import dev.dockdiet.syntax.Word;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DD101: the final image starts from a full image where a smaller variant of the same runtime serves
 * (node, python, ruby, debian, ubuntu to their slim variants; a JDK to a JRE).
 *
 * <p>Which variants exist and which are smaller come from the size knowledge base. When the rule gets
 * no knowledge base as a service it still knows the variants from the embedded data, but quotes no
 * size and attaches no savings.
 */
public final class OversizedBase implements Rule {

    public static final RuleMeta META = new RuleMeta("DD101", "oversized-base", Severity.WARNING, Category.SIZE,
            Fixability.SOMETIMES, List.of(),
            "The final image starts from a full image where a smaller variant of the same runtime serves");

    /** Build images: the final stage starting from one of these is DD102's business, not this rule's. */
    static final Set<String> TOOLCHAIN_FAMILIES = Set.of("golang", "rust", "maven", "gradle", "dotnet/sdk", "gcc",
            "buildpack-deps");
    /** Families whose {@code full} variant has a slim variant of the same runtime. */
    private static final Set<String> FULL_FAMILIES = Set.of("node", "python", "ruby", "debian", "ubuntu");
    /** Families whose {@code jdk*} variants have a JRE that runs the app. */
    private static final Set<String> JDK_FAMILIES = Set.of("eclipse-temurin", "openjdk", "amazoncorretto");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        if (ctx.isDevContainer()) {
            return;
        }
        Dockerfile file = ctx.file();
        List<Stage> shipped = SizeStages.shipped(file);
        if (shipped.isEmpty()) {
            return;
        }
        Stage root = shipped.get(0);
        ImageRef ref = root.base();
        if (root.isScratch() || ref == null) {
            return;
        }
        KnowledgeBase given = ctx.service(KnowledgeBase.class);
        KnowledgeBase kb = given != null ? given : KnowledgeBase.get();
        ImageMatch m = kb.match(ref).orElse(null);
        if (m == null || TOOLCHAIN_FAMILIES.contains(m.family())) {
            return;
        }
        List<Alternative> alternatives = kb.alternatives(m);
        Alternative alt;
        String what;
        if (m.userDefined()) {
            if (given == null) {
                return;
            }
            alt = alternatives.stream().filter(a -> kb.saving(m, a).isPresent()).findFirst().orElse(null);
            what = "a private base";
        } else if (FULL_FAMILIES.contains(m.family()) && "full".equals(m.variant())) {
            alt = alternatives.isEmpty() ? null : alternatives.get(0);
            what = "a full image";
        } else if (JDK_FAMILIES.contains(m.family()) && m.variant() != null && m.variant().startsWith("jdk")) {
            if (runsJvmBuild(ctx, shipped)) {
                return; // the JDK is used: compile-in-final-stage says what to do
            }
            alt = alternatives.isEmpty() ? null : alternatives.get(0);
            what = "a JDK";
        } else {
            return;
        }
        if (alt == null) {
            return;
        }
        Optional<Savings> saving = given == null ? Optional.empty() : kb.saving(m, alt);
        String image = ref.familiar();
        StringBuilder msg = new StringBuilder();
        msg.append(root == shipped.get(shipped.size() - 1) ? "The final stage" : "The final stage (through stage '"
                + root.label() + "')");
        msg.append(" starts from ").append(image).append(", ").append(what);
        Savings.SizeKind kind = saving.map(Savings::kind).orElse(null);
        String baseSize = given == null ? null : SizeText.describe(m, kind);
        msg.append(baseSize == null ? " (size unknown)" : ", " + baseSize);
        msg.append("; ").append(alt.image());
        ImageMatch target = saving.isPresent() ? kb.match(alt.ref()).orElse(null) : null;
        String altSize = target == null ? null : SizeText.describe(target, kind);
        if (saving.isPresent() && altSize != null) {
            msg.append(" is ").append(altSize).append(": saves ").append(SizeText.amount(saving.get()));
        } else {
            msg.append(m.family().equals("debian") || m.family().equals("ubuntu") ? " is the same system, slimmer"
                    : " serves the same runtime");
        }
        if (!alt.traps().isEmpty()) {
            msg.append(". Check: ").append(alt.traps().get(0).text());
        }
        Word imageWord = root.from().image();
        Finding finding = new Finding(META, msg.toString(), imageWord.range());
        if (saving.isPresent()) {
            finding = finding.withSavings(saving.get());
        }
        // the replacement is written with a tag (distroless: the documented :nonroot), never untagged (DD201)
        String replacement = dev.dockdiet.size.ImageTags.explicit(alt.image());
        if (replacement != null && fixable(file, root, shipped, imageWord, ref)) {
            finding = finding.withFix(Fix.suggested("use " + replacement, new Edit(imageWord.range(), replacement)));
        }
        ctx.report(finding);
    }

    /** Only a literal, digest-free image word, in a stage no build stage is based on, is rewritten. */
    private static boolean fixable(Dockerfile file, Stage root, List<Stage> shipped, Word imageWord, ImageRef ref) {
        String text = imageWord.text();
        return !text.contains("$") && ref.digest() == null && text.equals(ref.raw())
                && !SizeStages.baseOfOtherStage(file, root, shipped);
    }

    private static boolean runsJvmBuild(RuleContext ctx, List<Stage> shipped) {
        for (Stage s : shipped) {
            for (Instruction.Run run : s.all(Instruction.Run.class)) {
                for (SimpleCommand c : ctx.shell(run).effectiveCommands()) {
                    BuildSteps.Step step = BuildSteps.of(c);
                    if (step != null && step.jvm()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
