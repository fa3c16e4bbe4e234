package dev.dockdiet.cli;

import dev.dockdiet.fix.TextFile;
import dev.dockdiet.syntax.AstDump;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockdiet parse --dump FILE}: BuildKit's AST dump of our parse, to diff against BuildKit's. */
@Command(name = "parse", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Parse a Dockerfile and print BuildKit's AST dump (one (instruction ...) line per instruction, "
                + "Go-quoted strings), so it can be diffed against `buildkit`'s own parser.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file parses", "1:BuildKit's parser would reject the file (DD001 on stderr)",
                "2:the file cannot be read"})
public class ParseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dump", description = "print the AST dump (the default)")
    boolean dump = true;

    @Parameters(paramLabel = "FILE", description = "the Dockerfile, or - for stdin")
    String file;

    @Override
    public Integer call() throws IOException {
        Main.Io io = Main.io(spec);
        TextFile text;
        try {
            text = file.equals("-") ? TextFile.decode(Path.of("-"), io.in().readAllBytes()) : TextFile.read(Path.of(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RunFailure(file + ": no such file");
        } catch (IOException e) {
            throw new RunFailure(file + ": " + (Files.isDirectory(Path.of(file)) ? "is a directory" : e.getMessage()));
        }
        Dockerfile df = Dockerfile.parse(text.text());
        if (!df.parses()) {
            for (Problem p : df.problems()) {
                if (p.layer() == Problem.Layer.PARSE) {
                    io.err().println(file + ":" + p.range().startLine() + ":" + p.range().startColumn()
                            + ": DD001 syntax-error " + p.message());
                }
            }
            return 1;
        }
        io.out().print(AstDump.dump(df));
        io.out().flush();
        return 0;
    }
}
