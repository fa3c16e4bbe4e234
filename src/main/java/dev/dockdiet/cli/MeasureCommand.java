package dev.dockdiet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dockdiet.size.engine.DockerEngine;
import dev.dockdiet.size.engine.EngineException;
import dev.dockdiet.size.engine.Measurer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dockdiet measure Dockerfile}: build it as written and rewritten, and compare the real sizes. */
@Command(name = "measure", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build a Dockerfile as written and as rewritten (dockdiet's rewrites, and/or --variant files) "
                + "through a Docker engine, and report for each: whether it built, the image size, the difference, "
                + "and the exit code of an optional smoke command. Images are tagged dockdiet-measure/NAME:N and "
                + "removed afterwards unless --keep.",
                "Builds use the engine API (the classic builder): RUN --mount and heredocs, which need BuildKit, fail."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every variant built (and its smoke command exited 0)",
                "1:a variant failed to build or could not be made (a refused rewrite, with its reason), or its "
                        + "smoke command failed",
                "2:the run failed (no engine, unreadable file, bad option)"})
public class MeasureCommand implements Callable<Integer> {

    /** What a rewrite made of the file: the text to build, or why there is none. */
    public record Outcome(String text, String refusal) {
        public static Outcome of(String text) {
            return new Outcome(text, null);
        }

        public static Outcome refused(String why) {
            return new Outcome(null, why);
        }
    }

    /** A rewrite to measure: the Dockerfile's text, its path and the build context in. */
    @FunctionalInterface
    public interface Rewrite {
        Outcome apply(String text, Path dockerfile, Path context);
    }

    /** Rewrites to measure besides the file as written, by name; the lead plugs in dockdiet's rewriters. */
    private static final Map<String, Rewrite> REWRITERS = new LinkedHashMap<>();

    /** Adds a rewrite measured on every run (name shown in the report). */
    public static synchronized void addRewriter(String name, Rewrite rewrite) {
        REWRITERS.put(name, rewrite);
    }

    /** Adds a text-to-text rewrite (null: it does not apply to this file; it is then not shown). */
    public static synchronized void addRewriter(String name, UnaryOperator<String> rewrite) {
        REWRITERS.put(name, (text, file, ctx) -> {
            String out = rewrite.apply(text);
            return out == null ? null : Outcome.of(out);
        });
    }

    static synchronized Map<String, Rewrite> rewriters() {
        return new LinkedHashMap<>(REWRITERS);
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DOCKERFILE", description = "the Dockerfile to build")
    Path dockerfile;

    @Option(names = "--context", paramLabel = "DIR", description = "the build context (default: the Dockerfile's directory)")
    Path context;

    @Option(names = "--variant", paramLabel = "FILE", description = "another Dockerfile to build and compare (repeatable)")
    List<Path> variants = new ArrayList<>();

    @Option(names = "--no-rewrite", description = "do not measure dockdiet's rewrites, only the file and --variant files")
    boolean noRewrite;

    @Option(names = "--smoke", paramLabel = "CMD", description = "run `/bin/sh -c CMD` in a container of each image (in an image without /bin/sh, such as "
            + "distroless: CMD's words as the command, exec form) and report its exit code")
    String smoke;

    @Option(names = "--smoke-timeout", paramLabel = "SECONDS", description = "how long a smoke command may run (default: ${DEFAULT-VALUE})")
    int smokeTimeout = 60;

    @Option(names = "--keep", description = "keep the images (and smoke containers) instead of removing them")
    boolean keep;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE})")
    Format format = Format.TEXT;

    @Option(names = "--docker-host", paramLabel = "HOST", description = "the engine (default: $DOCKER_HOST)")
    String dockerHost;

    enum Format { TEXT, JSON }

    @Override
    public Integer call() {
        if (smokeTimeout <= 0) {
            throw new ParameterException(spec.commandLine(), "--smoke-timeout must be positive");
        }
        String text = read(dockerfile);
        Path ctx = context != null ? context : dockerfile.toAbsolutePath().getParent();
        if (!Files.isDirectory(ctx)) {
            throw new EngineException("build context " + ctx + " is not a directory");
        }
        List<Measurer.Variant> all = new ArrayList<>();
        all.add(new Measurer.Variant("as written", text));
        if (!noRewrite) {
            rewriters().forEach((name, rw) -> {
                Outcome o = rw.apply(text, dockerfile, ctx);
                if (o != null && o.refusal() != null) {
                    all.add(Measurer.Variant.notBuilt(name, o.refusal())); // shown with its reason, never hidden
                } else if (o != null && o.text() != null && !o.text().equals(text)) {
                    all.add(new Measurer.Variant(name, o.text()));
                }
            });
        }
        for (Path v : variants) {
            all.add(new Measurer.Variant(v.toString(), read(v)));
        }
        Path abs = dockerfile.toAbsolutePath().normalize();
        String name = abs.getFileName().toString().equals("Dockerfile") && abs.getParent() != null
                && abs.getParent().getFileName() != null ? abs.getParent().getFileName().toString()
                : abs.getFileName().toString();
        Measurer.Report report;
        try (DockerEngine engine = DockerEngine.connect(dockerHost)) {
            report = Measurer.measure(engine, dockerfile.toString(), all,
                    new Measurer.Options(ctx, name, smoke, Duration.ofSeconds(smokeTimeout), keep));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            out.print(Measurer.text(report));
        }
        out.flush();
        return report.allPassed() ? 0 : 1;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineException("cannot read Dockerfile " + p + ": " + EngineException.reason(e), e);
        }
    }
}
