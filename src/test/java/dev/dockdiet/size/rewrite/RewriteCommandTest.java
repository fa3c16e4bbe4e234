package dev.dockdiet.size.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.cli.RewriteCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dockdiet rewrite}: output, --output, --write, exit codes and messages. */
class RewriteCommandTest {

    static final String GO = "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n";

    record Run(int code, String out, String err, Throwable failure) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CommandLine cl = new CommandLine(new RewriteCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // as dev.dockdiet.cli.Main does: an exception is a failed run (exit 2) with its message
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            failure.set(ex);
            return 2;
        });
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString(), failure.get());
    }

    @Test
    void printsTheRewrite(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("Dockerfile"), GO);
        Run r = run(f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(new Rewriter(null, Rewriter.Options.defaults().withContextDir(dir)).rewrite(GO).text());
        assertThat(Files.readString(f)).isEqualTo(GO);
    }

    @Test
    void writesToAFileOrInPlace(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("Dockerfile"), GO);
        Path o = dir.resolve("Dockerfile.multi");
        Run r = run("--output", o.toString(), "--go-runtime", "scratch", "--no-buildkit", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(o)).contains("\nFROM scratch\n").doesNotContain("--mount");
        assertThat(r.err()).contains("wrote the Go multi-stage rewrite to");

        Run w = run("--write", f.toString());
        assertThat(w.code()).isZero();
        assertThat(Files.readString(f)).contains("FROM golang:1.22 AS build");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("Dockerfile", "Dockerfile.multi");
        }
        // a rewritten file is multi-stage: a second --write refuses and leaves it alone
        String once = Files.readString(f);
        Run again = run("--write", f.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(Files.readString(f)).isEqualTo(once);
    }

    @Test
    void cannotRewriteIsExitOneWithTheReason(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("Dockerfile"), "FROM ubuntu:22.04\nCMD [\"bash\"]\n");
        Run r = run(f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("dockdiet: " + f + ": cannot rewrite: unknown ecosystem");
    }

    @Test
    void unreadableInputIsARunFailure(@TempDir Path dir) {
        Run missing = run(dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.failure()).hasMessage("cannot read " + dir.resolve("nope") + ": no such file");
        Run directory = run(dir.toString());
        assertThat(directory.code()).isEqualTo(2);
        assertThat(directory.failure()).hasMessageContaining("it is a directory");
    }

    @Test
    void badOptionsAreRejected(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("Dockerfile"), GO);
        Run r = run("--write", "--output", dir.resolve("x").toString(), f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--write and --output cannot be used together");
    }

    @Test
    void asRewriterIsTextToTextAndNullWhenRefused() {
        var rw = RewriteCommand.asRewriter();
        String out = rw.apply(GO);
        assertThat(out).contains("FROM golang:1.22 AS build").doesNotContain("# syntax").doesNotContain("--mount");
        assertThat(rw.apply("FROM ubuntu:22.04\n")).isNull();
    }
}
