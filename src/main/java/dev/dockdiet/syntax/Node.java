package dev.dockdiet.syntax;

import java.util.List;
import java.util.Optional;

/**
 * The syntax every instruction shares: BuildKit's AST node plus exact positions.
 *
 * @param keyword upper-cased keyword ({@code RUN}); unknown keywords as written, upper-cased
 * @param range the whole instruction: continuation lines and heredoc bodies included
 * @param keywordRange where the keyword is
 * @param flags the flags before the arguments, in order
 * @param args BuildKit's argument nodes (its {@code Next} chain), e.g. for ENV the
 *     key, value, separator triples
 * @param json whether the arguments were written in exec (JSON) form
 * @param heredocs the heredocs this instruction opened, in order
 * @param rest the arguments after the flags, as one text mapped to the file (continuations removed)
 * @param original the logical line as BuildKit sees it (keyword included)
 * @param comments the comment lines directly above the instruction
 */
public record Node(String keyword, SourceRange range, SourceRange keywordRange, List<Flag> flags, List<Word> args,
                   boolean json, List<Heredoc> heredocs, MappedText rest, String original, List<Comment> comments) {

    public Node {
        flags = List.copyOf(flags);
        args = List.copyOf(args);
        heredocs = List.copyOf(heredocs);
        comments = List.copyOf(comments);
    }

    /** The first flag with this name ({@code "from"} for {@code --from=...}). */
    public Optional<Flag> flag(String name) {
        for (Flag f : flags) {
            if (f.name().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public List<Flag> flags(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).toList();
    }

    /**
     * BuildKit's doc comment for a name: the text after {@code "name "} in the first comment line
     * above the instruction that starts with it; empty when none.
     */
    public String docComment(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String prefix = name + " ";
        for (Comment c : comments) {
            if (c.text().startsWith(prefix)) {
                return c.text().substring(prefix.length());
            }
        }
        return "";
    }

    /** The range of the arguments after the flags; the keyword's range when there are none. */
    public SourceRange restRange() {
        return rest.length() == 0 ? keywordRange : rest.range(0, rest.length());
    }
}
