package dev.dockdiet.rules.style;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Fixability;
import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rule.Severity;
import dev.dockdiet.syntax.Comment;
import dev.dockdiet.syntax.Directive;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;

/**
 * DD440: BuildKit's description convention for build arguments and stages: the comment right
 * above {@code ARG name} or {@code FROM image AS name} starts with the name
 * ({@code # version the release to build}), so tools (e.g. {@code docker buildx build --call=outline})
 * can show it. BuildKit's experimental {@code InvalidDefinitionDescription}: off by default, as
 * there; {@code # check=experimental=InvalidDefinitionDescription} or the configuration turns it on.
 */
public final class InvalidDefinitionDescription implements Rule {

    public static final RuleMeta META = new RuleMeta("DD440", "invalid-definition-description", Severity.WARNING,
            Category.STYLE, Fixability.NONE, List.of("InvalidDefinitionDescription"),
            "A comment above ARG or a named FROM should start with the name it describes", false);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(RuleContext ctx) {
        Dockerfile file = ctx.file();
        List<Instruction> all = file.instructions();
        for (int k = 0; k < all.size(); k++) {
            Instruction i = all.get(k);
            List<String> keys = new ArrayList<>();
            if (i instanceof Instruction.Arg a) {
                a.definitions().forEach(d -> keys.add(d.name()));
            } else if (i instanceof Instruction.From) {
                file.stageOf(i).filter(s -> s.name() != null).ifPresent(s -> keys.add(s.name()));
            }
            if (keys.isEmpty()) {
                continue;
            }
            String last = lastComment(file, i, k == 0);
            if (last == null) {
                continue;
            }
            String first = last.split(" ", -1)[0];
            if (keys.contains(first)) {
                continue;
            }
            String example = keys.size() > 1 ? "<arg_key>" : keys.get(0);
            ctx.report(META, i.range(), "Comment for " + (i instanceof Instruction.Arg ? "ARG" : "FROM")
                    + " should follow the format: `# " + example + " <description>`");
        }
    }

    /**
     * The last comment line above the instruction, as BuildKit collects them: the parser
     * directives at the top of the file count as comments of the first instruction.
     */
    private static String lastComment(Dockerfile file, Instruction i, boolean first) {
        List<Comment> comments = i.node().comments();
        if (!comments.isEmpty()) {
            return comments.get(comments.size() - 1).text();
        }
        if (first && !file.directives().isEmpty()) {
            Directive d = file.directives().get(file.directives().size() - 1);
            String line = file.lineText(d.range().startLine()).strip();
            return line.startsWith("#") ? line.substring(1).strip() : null;
        }
        return null;
    }
}
