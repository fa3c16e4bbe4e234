package dev.dockdiet.syntax;

import java.util.List;
import java.util.Optional;

/**
 * A Dockerfile instruction. A sealed family: a rule switches over the kinds it cares about.
 */
public sealed interface Instruction permits Instruction.From, Instruction.Run, Instruction.Cmd, Instruction.Entrypoint,
        Instruction.Copy, Instruction.Add, Instruction.Env, Instruction.Arg, Instruction.Label, Instruction.Expose,
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

    /** {@code COPY [--from=x] src... dest}. */
    record Copy(Node node, List<Word> sources, Word destination) implements Instruction {
        public Copy {
            sources = List.copyOf(sources);
        }

        public Optional<String> from() {
            return node.flag("from").map(Flag::value);
        }
    }

    /** {@code ADD src... dest}. */
    record Add(Node node, List<Word> sources, Word destination) implements Instruction {
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
