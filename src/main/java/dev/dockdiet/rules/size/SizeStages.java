package dev.dockdiet.rules.size;

import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.Mount;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Which stages' layers end up in the image {@code docker build} produces, for the size rules: the
 * final stage and the stages it is built on ({@code FROM <stage>}), root first.
 */
final class SizeStages {

    private SizeStages() {
    }

    /** The final stage and its {@code FROM <stage>} ancestors, root first; empty without stages. */
    static List<Stage> shipped(Dockerfile file) {
        Optional<Stage> last = file.finalStage();
        if (last.isEmpty()) {
            return List.of();
        }
        List<Stage> chain = new ArrayList<>(file.baseChain(last.get()));
        Collections.reverse(chain);
        return chain;
    }

    /** The stage at the root of {@code s}'s {@code FROM <stage>} chain (the one that names an image). */
    static Stage root(Dockerfile file, Stage s) {
        List<Stage> chain = file.baseChain(s);
        return chain.get(chain.size() - 1);
    }

    /**
     * True when another stage takes files from {@code s} ({@code COPY --from}, {@code RUN --mount from=}):
     * then {@code s} is a builder, whatever else it is.
     */
    static boolean copiedFrom(Dockerfile file, Stage s) {
        for (Stage other : file.stages()) {
            if (other.index() == s.index()) {
                continue;
            }
            for (Instruction i : other.instructions()) {
                if (i instanceof Instruction.Copy c && c.from().flatMap(file::stage).filter(x -> x.index() == s.index()).isPresent()) {
                    return true;
                }
                if (i instanceof Instruction.Run r) {
                    for (Mount m : r.mounts()) {
                        if (m.from() != null && file.stage(m.from()).filter(x -> x.index() == s.index()).isPresent()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** True when a stage outside {@code shipped} is built on {@code s} ({@code FROM s}). */
    static boolean baseOfOtherStage(Dockerfile file, Stage s, List<Stage> shipped) {
        for (Stage other : file.stages()) {
            if (other.baseStage() == s.index() && shipped.stream().noneMatch(x -> x.index() == other.index())) {
                return true;
            }
        }
        return false;
    }

    /** "the final stage" or "stage 'base' (the final stage is built on it)". */
    static String describe(Dockerfile file, Stage s) {
        if (file.isFinal(s)) {
            return "the final stage";
        }
        return "stage '" + s.label() + "' (the final stage is built on it)";
    }

    /** An empty range just after the character before {@code scriptEnd} of a RUN's script: where to insert text. */
    static dev.dockdiet.syntax.SourceRange insertionAfter(Dockerfile file, Instruction.Run run, int scriptEnd) {
        int at = run.shellScript().sourceOffset(scriptEnd - 1) + 1;
        return file.range(at, at);
    }
}
