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

    // ---------------------------------------------------------------- .dockdiet.yaml

    static final String RUST = "FROM rust:1.80\nWORKDIR /src\nCOPY . .\nRUN cargo build --release\n"
            + "CMD [\"./target/release/app\"]\n";

    @Test
    void theDiscoveredConfigsAllowedBasesAreHonoured(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("Dockerfile"), RUST);
        Files.writeString(dir.resolve(".dockdiet.yaml"), "allowedBaseImages:\n  - \"debian:*\"\n  - \"rust:*\"\n");
        Run r = run(f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cannot rewrite: the runtime image it would use, gcr.io/distroless/cc-debian12:nonroot, "
                + "is not in the configuration's allowedBaseImages");
        Files.writeString(dir.resolve(".dockdiet.yaml"), "allowedBaseImages: [\"gcr.io/distroless/*\", \"rust:*\"]\n");
        assertThat(run(f.toString()).code()).isZero();
    }

    @Test
    void trustedRegistriesAreHonoured(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("Dockerfile"), RUST);
        Path cfg = Files.writeString(dir.resolve("policy.yaml"), "trustedRegistries: [docker.io]\n");
        Run r = run("--config", cfg.toString(), f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("comes from gcr.io, which is not in the configuration's trustedRegistries");
        assertThat(run("--config", dir.resolve("missing.yaml").toString(), f.toString()).code()).isEqualTo(2);
    }

    /** DD321 on: the runtime base is pinned when its digest is known, and the rewrite says to pin it when not. */
    @Test
    void digestPinningIsAskedForWhenTheConfigEnablesDD321(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("Dockerfile"), RUST);
        Files.writeString(dir.resolve(".dockdiet.yaml"), "severity:\n  DD321: warning\n");
        Run r = run(f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\nFROM gcr.io/distroless/cc-debian12:nonroot\n")
                .contains("The configuration asks for bases pinned by digest (DD321): pin");
        String digest = "sha256:" + "c".repeat(64);
        RewriteResult pinned = new Rewriter(null, Rewriter.Options.defaults().withPolicy(java.util.List.of(),
                java.util.List.of(), true).withDigests(ref -> java.util.Optional.of(digest))).rewrite(RUST);
        assertThat(pinned.text()).contains("\nFROM gcr.io/distroless/cc-debian12:nonroot@" + digest + "\n")
                .doesNotContain("asks for bases pinned");
        assertThat(pinned.runtimeImage()).isEqualTo("gcr.io/distroless/cc-debian12:nonroot");
        assertThat(new Rewriter().rewrite(RUST).text()).doesNotContain("DD321");
    }

    // ---------------------------------------------------------------- measure builds what rewrite prints

    /** The context decides npm ci (a lock file is there) for both: measure builds what rewrite prints. */
    @Test
    void measureBuildsTheRewriteThatRewritePrints() throws IOException {
        Path app = Path.of("test-fixtures/size/express");
        Path f = app.resolve("Dockerfile");
        String text = Files.readString(f);
        var o = RewriteCommand.forMeasure().apply(text, f, app);
        assertThat(o.refusal()).isNull();
        Run printed = run("--no-buildkit", f.toString());
        assertThat(printed.code()).isZero();
        assertThat(o.text()).isEqualTo(printed.out()).contains("npm ci --omit=dev").doesNotContain("--mount");
    }

    @Test
    void measureGetsARefusalWithItsReason(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("Dockerfile"), "FROM ubuntu:22.04\nCMD [\"bash\"]\n");
        var o = RewriteCommand.forMeasure().apply(Files.readString(f), f, dir);
        assertThat(o.text()).isNull();
        assertThat(o.refusal()).startsWith("cannot rewrite: unknown ecosystem");
    }

    /** A refused rewrite is a row with its reason, and the run does not pass (exit 1). */
    @Test
    void aRefusedRewriteIsShownNotHidden() {
        var asWritten = new dev.dockdiet.size.engine.Measurer.VariantResult("as written", "dockdiet-measure/x:0", true,
                "classic builder", "sha256:1", 1000L, null, null, java.util.List.of(), null, null, null, null, null, false);
        var refused = new dev.dockdiet.size.engine.Measurer.VariantResult("rewritten", null, false, null, null, null,
                null, null, java.util.List.of(), "cannot rewrite: it installs system packages (libpq5)", null, null, null,
                null, false);
        var report = new dev.dockdiet.size.engine.Measurer.Report("Dockerfile", "unix:///x", "29", "1.44", null,
                java.util.List.of(asWritten, refused));
        assertThat(report.allPassed()).isFalse();
        String text = dev.dockdiet.size.engine.Measurer.text(report);
        assertThat(text).containsPattern("\nrewritten\\s+-\\s+-\\s*\n")
                .contains("rewritten: not built: cannot rewrite: it installs system packages (libpq5)")
                .doesNotContain("build failed");
    }
}
