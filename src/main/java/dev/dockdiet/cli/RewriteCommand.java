package dev.dockdiet.cli;

import dev.dockdiet.config.Config;
import dev.dockdiet.config.ConfigException;
import dev.dockdiet.config.ConfigLoader;
import dev.dockdiet.fix.AtomicWriter;
import dev.dockdiet.rules.Rules;
import dev.dockdiet.rules.security.ImageNotPinnedByDigest;
import dev.dockdiet.size.rewrite.RewriteResult;
import dev.dockdiet.size.rewrite.Rewriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockdiet rewrite Dockerfile}: the single-stage build turned into a multi-stage one. */
@Command(name = "rewrite", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rewrite a single-stage Dockerfile into a multi-stage build: the original build runs in a "
                + "build stage, and a small runtime image receives only the artifact (Go, Node.js/npm, Java with "
                + "Maven or Gradle, Python/pip, Rust, .NET, Ruby/Bundler). A comment at the top says what changed and why.",
                "Prints the rewrite unless --output or --write is given. When the file cannot be rewritten "
                        + "(unknown ecosystem, already multi-stage, a build it cannot see), says why on stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rewritten", "1:cannot be rewritten (the reason is on stderr)",
                "2:the run failed (unreadable file, bad option)"})
public class RewriteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DOCKERFILE", description = "the Dockerfile to rewrite")
    Path dockerfile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the rewrite to FILE (atomically)")
    Path output;

    @Option(names = {"-w", "--write"}, description = "replace DOCKERFILE with the rewrite (atomically)")
    boolean write;

    @Option(names = "--context", paramLabel = "DIR",
            description = "the build context, read for lock and project files (default: the Dockerfile's directory)")
    Path context;

    @Option(names = "--go-runtime", paramLabel = "IMAGE",
            description = "runtime for Go binaries: distroless or scratch (default: ${DEFAULT-VALUE})")
    Rewriter.GoRuntime goRuntime = Rewriter.GoRuntime.DISTROLESS;

    @Option(names = "--no-buildkit", description = "no BuildKit syntax (no # syntax= line, no RUN --mount cache mounts)")
    boolean noBuildKit;

    @Option(names = "--multi-stage", description = "always write a build stage, even where one stage on the slim "
            + "image is smaller (a Python build that installs no compiler)")
    boolean multiStage;

    @Option(names = "--online", description = "when the config asks for digests (DD321), ask the runtime image's "
            + "registry for the digest its tag points at (no network without it, or the config's sizes.registry)")
    boolean online;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "use this config instead of discovering one as lint does (.dockdiet.yaml, .hadolint.yaml): "
                    + "its allowedBaseImages, trustedRegistries and digest pinning (DD321) shape the rewrite")
    Path config;

    @Override
    public Integer call() {
        if (write && output != null) {
            throw new ParameterException(spec.commandLine(), "--write and --output cannot be used together");
        }
        String text = read(dockerfile);
        Path ctx = context != null ? context : dockerfile.toAbsolutePath().getParent();
        Rewriter.Options base = options(dockerfile, config, ctx);
        if (base.pinDigests() && (online || registryAsked(dockerfile, config))) {
            base = base.withDigests(RewriteCommand::registryDigest);
        }
        Rewriter rewriter = new Rewriter(null, base
                .withBuildKit(!noBuildKit).withGoRuntime(goRuntime).withMultiStage(multiStage));
        RewriteResult r = rewriter.rewrite(text);
        Main.Io io = Main.io(spec);
        PrintWriter out = io.out();
        PrintWriter err = io.err();
        if (!r.rewritten()) {
            err.println("dockdiet: " + dockerfile + ": " + r.describeRefusal());
            err.flush();
            return 1;
        }
        if (write || output != null) {
            Path target = write ? dockerfile : output;
            try {
                AtomicWriter.writeText(target, r.text());
            } catch (IOException e) {
                throw new RunFailure("cannot write " + target + ": " + reason(e), e);
            }
            err.println("dockdiet: wrote the " + r.ecosystem().label() + " multi-stage rewrite to " + target);
            err.flush();
        } else {
            out.print(r.text());
            out.flush();
        }
        return 0;
    }

    /**
     * The options {@code rewrite} uses for a Dockerfile: its build context, and the image policy of
     * the config that applies to it (the one given, else the one lint would discover): allowed bases,
     * trusted registries, and pinning by digest when DD321 is on.
     */
    static Rewriter.Options options(Path dockerfile, Path configFile, Path ctx) {
        ConfigLoader loader = new ConfigLoader(Rules::resolve);
        Config cfg;
        try {
            if (configFile != null) {
                if (!Files.isRegularFile(configFile)) {
                    throw new RunFailure(configFile + ": no such config file");
                }
                cfg = loader.load(configFile);
            } else {
                cfg = loader.forFile(dockerfile.toAbsolutePath());
            }
        } catch (ConfigException e) {
            throw new RunFailure(e.getMessage());
        }
        return Rewriter.Options.defaults().withContextDir(ctx).withPolicy(cfg.allowedBaseImages(),
                cfg.trustedRegistries(), cfg.isEnabled(ImageNotPinnedByDigest.META));
    }

    private static boolean registryAsked(Path dockerfile, Path configFile) {
        ConfigLoader loader = new ConfigLoader(Rules::resolve);
        return (configFile != null ? loader.load(configFile) : loader.forFile(dockerfile.toAbsolutePath())).registrySizes();
    }

    /** The digest the registry gives for an image reference; empty on any failure (the rewrite then says to pin). */
    static java.util.Optional<String> registryDigest(String image) {
        dev.dockdiet.syntax.ImageRef ref = dev.dockdiet.syntax.ImageRef.parse(image);
        if (ref == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new dev.dockdiet.size.registry.RegistryClient(
                    dev.dockdiet.size.registry.DockerCredentials.fromEnvironment(), java.time.Duration.ofSeconds(5))
                    .digest(ref));
        } catch (dev.dockdiet.size.registry.RegistryException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The rewrite {@code dockdiet measure} builds as "rewritten": the one {@code rewrite} prints for
     * the same file, context and config, without BuildKit syntax (measure builds with the classic
     * builder); a refusal comes back with its reason.
     */
    public static MeasureCommand.Rewrite forMeasure() {
        return (text, dockerfile, ctx) -> {
            RewriteResult r = new Rewriter(null, options(dockerfile, null, ctx).withBuildKit(false)).rewrite(text);
            return r.rewritten() ? MeasureCommand.Outcome.of(r.text()) : MeasureCommand.Outcome.refused(r.describeRefusal());
        };
    }

    /**
     * The rewrite as a text-to-text function, with no context and no config: no BuildKit syntax, null
     * when the file cannot be rewritten.
     */
    public static UnaryOperator<String> asRewriter() {
        Rewriter rewriter = new Rewriter(null, Rewriter.Options.defaults().withBuildKit(false));
        return text -> {
            RewriteResult r = rewriter.rewrite(text);
            return r.rewritten() ? r.text() : null;
        };
    }

    private static String read(Path p) {
        if (Files.isDirectory(p)) {
            throw new RunFailure("cannot read " + p + ": it is a directory");
        }
        try {
            byte[] bytes = Files.readAllBytes(p);
            String s = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (NoSuchFileException e) {
            throw new RunFailure("cannot read " + p + ": no such file");
        } catch (CharacterCodingException e) {
            throw new RunFailure("cannot read " + p + ": not UTF-8 text");
        } catch (IOException e) {
            throw new RunFailure("cannot read " + p + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
