package dev.dockdiet.size.rewrite;

import dev.dockdiet.size.KnowledgeBase;
import dev.dockdiet.syntax.Dockerfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a single-stage Dockerfile into a multi-stage one (the builder pattern): the original build
 * runs unchanged in a {@code build} stage on the original base, and a final stage on a runtime
 * image receives only what the program needs (the binary, the jar, the publish folder, production
 * {@code node_modules}, the Python virtual environment) plus the runtime settings of the original
 * (ENV, ARG, EXPOSE, USER, WORKDIR, LABEL, VOLUME, HEALTHCHECK, STOPSIGNAL, CMD, ENTRYPOINT). A
 * comment block at the top says what changed, why, the sizes at stake when the knowledge base
 * knows them, and what to check.
 *
 * <p>When it cannot be sure (unknown ecosystem, a build it cannot see, an artifact it cannot
 * locate, system packages the runtime may need) it refuses with a reason instead of guessing.
 *
 * <p>Stateless and thread-safe: every call works on its own data.
 */
public final class Rewriter {

    /** The runtime image for Go binaries. */
    public enum GoRuntime {
        /** {@code gcr.io/distroless/static-debian12:nonroot}: CA certificates, tzdata, /etc/passwd, no shell. */
        DISTROLESS,
        /** {@code scratch}: nothing at all; the CA certificates are copied from the build stage. */
        SCRATCH
    }

    /**
     * How to rewrite.
     *
     * @param contextDir the build context, read for lock files and project files (package-lock.json,
     *     *.csproj, package.json scripts); null when unknown (the rewrite then says what it could not check)
     * @param buildKit write BuildKit syntax ({@code # syntax=} and {@code RUN --mount=type=cache}); false
     *     for the classic builder
     * @param goRuntime the runtime image for Go
     * @param allowedBases the configuration's {@code allowedBaseImages} patterns: a runtime image outside
     *     them is refused (DD304); empty = any
     * @param trustedRegistries the configuration's {@code trustedRegistries}: a runtime image from another
     *     registry is refused (DD303); empty = any
     * @param pinDigests the configuration asks for bases pinned by digest (DD321 is on): the runtime
     *     image is written {@code name:tag@sha256:…} when {@code digests} knows its digest, and the
     *     rewrite says to pin it when not
     * @param multiStage always write a build stage, even where one slim stage is smaller (Python whose
     *     Dockerfile installs no compiler)
     * @param digests the digest of an image reference ({@code name:tag}), e.g. from its registry; empty
     *     when not known (the default: no network)
     */
    public record Options(Path contextDir, boolean buildKit, GoRuntime goRuntime, List<String> allowedBases,
                          List<String> trustedRegistries, boolean pinDigests, boolean multiStage, Function<String, Optional<String>> digests) {

        public Options {
            allowedBases = List.copyOf(allowedBases);
            trustedRegistries = List.copyOf(trustedRegistries);
            digests = digests == null ? ref -> Optional.empty() : digests;
        }

        public Options(Path contextDir, boolean buildKit, GoRuntime goRuntime) {
            this(contextDir, buildKit, goRuntime, List.of(), List.of(), false, false, null);
        }

        public static Options defaults() {
            return new Options(null, true, GoRuntime.DISTROLESS);
        }

        public Options withContextDir(Path dir) {
            return new Options(dir, buildKit, goRuntime, allowedBases, trustedRegistries, pinDigests, multiStage, digests);
        }

        public Options withBuildKit(boolean on) {
            return new Options(contextDir, on, goRuntime, allowedBases, trustedRegistries, pinDigests, multiStage, digests);
        }

        public Options withGoRuntime(GoRuntime r) {
            return new Options(contextDir, buildKit, r, allowedBases, trustedRegistries, pinDigests, multiStage, digests);
        }

        /** The configuration's image policy: allowed bases, trusted registries, whether bases are pinned by digest. */
        public Options withPolicy(List<String> allowed, List<String> trusted, boolean pin) {
            return new Options(contextDir, buildKit, goRuntime, allowed, trusted, pin, multiStage, digests);
        }

        public Options withMultiStage(boolean always) {
            return new Options(contextDir, buildKit, goRuntime, allowedBases, trustedRegistries, pinDigests, always,
                    digests);
        }

        public Options withDigests(Function<String, Optional<String>> lookup) {
            return new Options(contextDir, buildKit, goRuntime, allowedBases, trustedRegistries, pinDigests, multiStage, lookup);
        }
    }

    private final KnowledgeBase kb;
    private final Options options;

    /** A rewriter with the embedded knowledge base and default options. */
    public Rewriter() {
        this(null, Options.defaults());
    }

    /**
     * @param kb the size knowledge base; null for the embedded one (loaded on first use)
     */
    public Rewriter(KnowledgeBase kb, Options options) {
        this.kb = kb;
        this.options = options == null ? Options.defaults() : options;
    }

    public Options options() {
        return options;
    }

    /** Parses and rewrites Dockerfile text. */
    public RewriteResult rewrite(String dockerfileText) {
        return rewrite(Dockerfile.parse(dockerfileText));
    }

    /** Rewrites a parsed Dockerfile; never throws for bad input. */
    public RewriteResult rewrite(Dockerfile file) {
        try {
            return new RewriteJob(file, kb != null ? kb : KnowledgeBase.get(), options).run();
        } catch (Refusal r) {
            return RewriteResult.refused(r.ecosystem, r.getMessage());
        }
    }
}
