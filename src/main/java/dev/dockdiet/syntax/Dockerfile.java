package dev.dockdiet.syntax;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed Dockerfile: directives, comments, instructions and stages, with every node's exact
 * position, and what BuildKit would reject as {@link Problem}s. Immutable; safe to share.
 */
public final class Dockerfile {

    private final String text;
    private final boolean bom;
    private final char escapeChar;
    private final LineMap lines;
    private final List<Directive> directives;
    private final List<Comment> comments;
    private final List<Instruction> instructions;
    private final List<Instruction.Arg> metaArgs;
    private final List<Stage> stages;
    private final List<Problem> problems;

    Dockerfile(String text, boolean bom, char escapeChar, LineMap lines, List<Directive> directives,
               List<Comment> comments, List<Instruction> instructions, List<Instruction.Arg> metaArgs,
               List<Stage> stages, List<Problem> problems) {
        this.text = text;
        this.bom = bom;
        this.escapeChar = escapeChar;
        this.lines = lines;
        this.directives = List.copyOf(directives);
        this.comments = List.copyOf(comments);
        this.instructions = List.copyOf(instructions);
        this.metaArgs = List.copyOf(metaArgs);
        this.stages = List.copyOf(stages);
        this.problems = List.copyOf(problems);
    }

    /** Parses Dockerfile text (a leading BOM is removed and remembered). Never throws. */
    public static Dockerfile parse(String text) {
        return ModelBuilder.build(text);
    }

    /** The file text without the BOM: what every offset indexes. */
    public String text() {
        return text;
    }

    public boolean hasBom() {
        return bom;
    }

    public char escapeChar() {
        return escapeChar;
    }

    public LineMap lines() {
        return lines;
    }

    public List<Directive> directives() {
        return directives;
    }

    public Optional<Directive> directive(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public List<Comment> comments() {
        return comments;
    }

    /** Every instruction in file order, the ARGs before the first FROM included. */
    public List<Instruction> instructions() {
        return instructions;
    }

    /** Every instruction of a kind in file order, the triggers of ONBUILD included. */
    public <T extends Instruction> List<T> all(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (Instruction i : instructions) {
            Instruction x = i instanceof Instruction.Onbuild o ? o.trigger() : i;
            if (kind.isInstance(x)) {
                out.add(kind.cast(x));
            }
        }
        return out;
    }

    /** ARGs before the first FROM (usable in FROM lines only). */
    public List<Instruction.Arg> metaArgs() {
        return metaArgs;
    }

    public List<Stage> stages() {
        return stages;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** True when BuildKit's parser accepts the file (instruction-level problems aside). */
    public boolean parses() {
        return problems.stream().noneMatch(p -> p.layer() == Problem.Layer.PARSE);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /**
     * The stage and the stages it is built on ({@code FROM <stage>}), nearest first: the last one
     * names an image (or scratch). The one walk of a stage chain (a stage builds only on earlier ones).
     */
    public List<Stage> baseChain(Stage stage) {
        List<Stage> out = new ArrayList<>();
        for (Stage s = stage; s != null; s = s.baseStage() >= 0 && s.baseStage() < s.index() ? stages.get(s.baseStage()) : null) {
            out.add(s);
        }
        return out;
    }

    /** The last stage: what {@code docker build} produces without {@code --target}. */
    public Optional<Stage> finalStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }

    public boolean isFinal(Stage s) {
        return !stages.isEmpty() && stages.get(stages.size() - 1).index() == s.index();
    }

    /** A stage by {@code AS} name (case-insensitive) or index, as {@code COPY --from} resolves it. */
    public Optional<Stage> stage(String nameOrIndex) {
        if (nameOrIndex == null) {
            return Optional.empty();
        }
        String n = nameOrIndex.toLowerCase(Locale.ROOT);
        for (Stage s : stages) {
            if (n.equals(s.name())) {
                return Optional.of(s);
            }
        }
        if (!n.isEmpty() && n.chars().allMatch(Character::isDigit) && n.length() < 6) {
            int i = Integer.parseInt(n);
            if (i < stages.size()) {
                return Optional.of(stages.get(i));
            }
        }
        return Optional.empty();
    }

    /** The stage an instruction belongs to; empty for meta ARGs. */
    public Optional<Stage> stageOf(Instruction instruction) {
        java.util.Map<Instruction, Stage> index = stageIndex;
        if (index == null) {
            index = new java.util.IdentityHashMap<>();
            for (int k = stages.size() - 1; k >= 0; k--) {
                Stage s = stages.get(k);
                for (Instruction i : s.instructions()) {
                    index.put(i, s);
                }
                index.put(s.from(), s);
            }
            stageIndex = index;
        }
        Stage s = index.get(instruction);
        if (s != null) {
            return Optional.of(s);
        }
        // not one of this file's instructions: an equal one (the same text at the same place) still is
        for (Stage st : stages) {
            if (st.instructions().contains(instruction)) {
                return Optional.of(st);
            }
        }
        return Optional.empty();
    }

    /** Instruction (by identity) to its stage, built on first use; a racing rebuild is harmless. */
    private volatile java.util.Map<Instruction, Stage> stageIndex;

    /**
     * The stages this stage uses directly: its {@code FROM <stage>}, {@code COPY --from} and
     * {@code RUN --mount from=} references to stages (images are not stages).
     */
    public Set<Stage> dependencies(Stage stage) {
        Set<Stage> out = new LinkedHashSet<>();
        if (stage.baseStage() >= 0) {
            out.add(stages.get(stage.baseStage()));
        }
        for (Instruction i : stage.instructions()) {
            if (i instanceof Instruction.Copy c) {
                c.from().flatMap(this::stage).filter(s -> s.index() < stage.index()).ifPresent(out::add);
            } else if (i instanceof Instruction.Run r) {
                for (Mount m : r.mounts()) {
                    if (m.from() != null) {
                        stage(m.from()).filter(s -> s.index() < stage.index()).ifPresent(out::add);
                    }
                }
            }
        }
        return out;
    }

    /** Every stage the given one needs, directly or not, itself excluded. */
    public Set<Stage> transitiveDependencies(Stage stage) {
        Set<Stage> seen = new LinkedHashSet<>();
        List<Stage> todo = new ArrayList<>(dependencies(stage));
        while (!todo.isEmpty()) {
            Stage s = todo.remove(todo.size() - 1);
            if (seen.add(s)) {
                todo.addAll(dependencies(s));
            }
        }
        return seen;
    }

    /** The text of a 1-based line, without its line end. */
    public String lineText(int line) {
        return lines.lineText(line);
    }

    public SourceRange range(int start, int end) {
        return lines.range(start, end);
    }
}
