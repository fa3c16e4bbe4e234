package dev.dockdiet.syntax;

import java.util.List;
import java.util.Optional;

/**
 * A Dockerfile instruction. A sealed family: a rule switches over the kinds it cares about.
 */
public sealed interface Instruction permits Instruction.From, Instruction.Run, Instruction.Cmd, Instruction.Entrypoint, Instruction.SourcesAndDest,
        Instruction.Env, Instruction.Arg, Instruction.Label, Instruction.Expose,
        Instruction.Workdir, Instruction.User, Instruction.Volume, Instruction.Shell, Instruction.Healthcheck,
        Instruction.Onbuild, Instruction.StopSignal, Instruction.Maintainer, Instruction.Unknown {

    Node node();

    default String keyword() {
        return node().keyword();
    }

    default SourceRange range() {
        return node().range();
    }

    default Optional<Flag> flag(String name) {
        return node().flag(name);
    }

    /** {@code FROM [--platform=p] image [AS name]}. */
    record From(Node node, Word image, Word stageName) implements Instruction {
        public Optional<String> platform() {
            return node.flag("platform").map(Flag::value);
        }
    }

    /**
     * What RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD run.
     *
     * @param exec exec (JSON) form
     * @param args the JSON array's strings (exec form); empty in shell form
     * @param script the shell form command line (continuations removed), mapped to the file;
     *     empty in exec form
     */
    record Command(boolean exec, List<Word> args, MappedText script) {
        public Command {
            args = List.copyOf(args);
        }

        /** Exec form args joined by blanks, or the shell form text. */
        public String text() {
            return exec ? String.join(" ", args.stream().map(Word::text).toList()) : script.text();
        }
    }

    /**
     * {@code RUN}.
     *
     * @param shellScript what the shell runs, mapped to the file: for {@code RUN <<EOF} the heredoc
     *     body, for a command line with heredocs the line plus their bodies; for exec form the
     *     args joined by blanks (positions point at the array)
     */
    record Run(Node node, Command command, MappedText shellScript) implements Instruction {
        public List<Mount> mounts() {
            return node.flags("mount").stream().map(Mount::parse).toList();
        }

        public Optional<String> network() {
            return node.flag("network").map(Flag::value);
        }

        /** The script text rules look at. */
        public String script() {
            return shellScript.text();
        }
    }

    record Cmd(Node node, Command command) implements Instruction {
    }

    record Entrypoint(Node node, Command command) implements Instruction {
    }

    /**
     * A heredoc given as a COPY/ADD source: an inline file named after the heredoc.
     *
     * @param path the heredoc name
     * @param data the body, leading tabs removed for {@code <<-}
     * @param expand whether the build expands variables in it
     */
    record SourceContent(String path, String data, boolean expand, Heredoc heredoc) {
    }

    /** COPY and ADD: sources that are files, and sources that are heredocs, as BuildKit splits them. */
    sealed interface SourcesAndDest extends Instruction permits Copy, Add {
        List<Word> sources();

        Word destination();

        /** The sources that name files (heredoc openers excluded). */
        default List<Word> sourcePaths() {
            return sources().stream().filter(w -> heredocOpener(w) == null).toList();
        }

        /** The sources that are heredocs, with their bodies. */
        default List<SourceContent> sourceContents() {
            java.util.ArrayList<SourceContent> out = new java.util.ArrayList<>();
            for (Word w : sources()) {
                Heredocs.Opener o = heredocOpener(w);
                if (o == null) {
                    continue;
                }
                for (Heredoc h : node().heredocs()) {
                    if (h.name().equals(o.name())) {
                        out.add(new SourceContent(o.name(), o.chomp() ? Heredocs.chompContent(h.content()) : h.content(),
                                o.expand(), h));
                        break;
                    }
                }
            }
            return List.copyOf(out);
        }

        private Heredocs.Opener heredocOpener(Word w) {
            if (node().json() || node().heredocs().isEmpty()) {
                return null;
            }
            try {
                return Heredocs.parseWord(w.text());
            } catch (Heredocs.HeredocException e) {
                return null;
            }
        }
    }

    /** {@code COPY [--from=x] src... dest}. */
    record Copy(Node node, List<Word> sources, Word destination) implements SourcesAndDest {
        public Copy {
            sources = List.copyOf(sources);
        }

        public Optional<String> from() {
            return node.flag("from").map(Flag::value);
        }
    }

    /** {@code ADD src... dest}. */
    record Add(Node node, List<Word> sources, Word destination) implements SourcesAndDest {
        public Add {
            sources = List.copyOf(sources);
        }
    }

    /** A key and value of ENV or LABEL, quotes as written. */
    record KeyValue(String key, String value, SourceRange range) {
    }

    record Env(Node node, List<KeyValue> pairs, boolean legacyForm) implements Instruction {
        public Env {
            pairs = List.copyOf(pairs);
        }
    }

    record Label(Node node, List<KeyValue> pairs, boolean legacyForm) implements Instruction {
        public Label {
            pairs = List.copyOf(pairs);
        }
    }

    /** One {@code name[=default]} of ARG; {@code defaultValue} null when absent, quotes as written. */
    record ArgDef(String name, String defaultValue, SourceRange range) {
    }

    record Arg(Node node, List<ArgDef> definitions) implements Instruction {
        public Arg {
            definitions = List.copyOf(definitions);
        }

        /** The doc comment of one definition ({@code # NAME does x} above the ARG gives {@code does x}). */
        public String docComment(ArgDef def) {
            return node.docComment(def.name());
        }
    }

    record Expose(Node node, List<Word> ports) implements Instruction {
        public Expose {
            ports = List.copyOf(ports);
        }
    }

    record Workdir(Node node, Word path) implements Instruction {
    }

    record User(Node node, Word user) implements Instruction {
    }

    record Volume(Node node, List<Word> paths) implements Instruction {
        public Volume {
            paths = List.copyOf(paths);
        }
    }

    record Shell(Node node, List<Word> args) implements Instruction {
        public Shell {
            args = List.copyOf(args);
        }
    }

    /**
     * {@code HEALTHCHECK [options] CMD command} or {@code HEALTHCHECK NONE}.
     *
     * @param type upper-cased ({@code CMD}, {@code NONE}); null when absent
     * @param command null for NONE or when absent
     */
    record Healthcheck(Node node, String type, Command command) implements Instruction {
        /**
         * The image config's {@code Healthcheck.Test}: {@code ["NONE"]}, {@code ["CMD", args...]}
         * (exec form) or {@code ["CMD-SHELL", script]}; empty when the instruction is invalid.
         */
        public List<String> test() {
            if ("NONE".equals(type)) {
                return List.of("NONE");
            }
            if (command == null) {
                return List.of();
            }
            if (command.exec()) {
                java.util.ArrayList<String> out = new java.util.ArrayList<>();
                out.add("CMD");
                command.args().forEach(w -> out.add(w.text()));
                return List.copyOf(out);
            }
            return List.of("CMD-SHELL", command.script().text());
        }
    }

    /** {@code ONBUILD trigger}; the trigger is null when missing. */
    record Onbuild(Node node, Instruction trigger) implements Instruction {
    }

    record StopSignal(Node node, Word signal) implements Instruction {
    }

    record Maintainer(Node node, Word name) implements Instruction {
    }

    /** An instruction BuildKit does not know. */
    record Unknown(Node node) implements Instruction {
    }
}
