package dev.dockdiet.size.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Builds a Dockerfile as written and in variants (rewrites), measures each image, optionally runs a
 * smoke command in each, and removes what it created unless asked to keep it.
 */
public final class Measurer {

    /** The repository the measured images are tagged under: {@code dockdiet-measure/<name>:<n>}. */
    public static final String REPOSITORY = "dockdiet-measure/";

    private Measurer() {
    }

    /** A Dockerfile text to build; the first one measured is the baseline the others are compared with. */
    public record Variant(String name, String dockerfileText, String notBuilt) {
        public Variant(String name, String dockerfileText) {
            this(name, java.util.Objects.requireNonNull(dockerfileText), null);
        }

        /** A variant that has no text to build (a refused rewrite): reported with the reason, not built. */
        public static Variant notBuilt(String name, String reason) {
            return new Variant(name, null, java.util.Objects.requireNonNull(reason));
        }
    }

    /**
     * @param smokeCommand run as {@code /bin/sh -c CMD} in a container of each built image, or in exec
     *     form (its words as the argv) in an image without {@code /bin/sh} (distroless); null: no smoke test
     */
    public record Options(Path context, String name, String smokeCommand, Duration smokeTimeout, boolean keep) {
    }

    /**
     * One variant's outcome.
     *
     * @param sizeBytes the engine's image size (uncompressed), null when the build failed
     * @param differenceBytes size minus the baseline's size (negative: smaller), null for the baseline or a failure
     * @param smokeExitCode the smoke command's exit code, null when not run (or it timed out)
     * @param smokeOutput the last lines of the smoke command's output
     * @param smokeForm how the smoke command ran: {@code shell} ({@code /bin/sh -c CMD}) or {@code exec}
     *     (the image has no {@code /bin/sh}: CMD's words as the argv); null when none ran
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VariantResult(String name, String tag, boolean built, String builder, String imageId, Long sizeBytes,
                                Long differenceBytes, Double differencePercent, List<String> buildLog, String error,
                                Integer smokeExitCode, List<String> smokeOutput, String smokeError, String smokeForm,
                                boolean kept) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(String dockerfile, String engineHost, String engineVersion, String apiVersion,
                         String smokeCommand, List<VariantResult> variants) {
        /** Every build succeeded and every smoke command that ran exited 0. */
        public boolean allPassed() {
            return variants.stream().allMatch(v -> v.built() && v.error() == null && (smokeCommand == null
                    || v.smokeExitCode() != null && v.smokeExitCode() == 0));
        }
    }

    /**
     * Builds and measures every variant. A failure in one variant (its build, its size, its smoke
     * command, even the engine going away) is recorded in its row and the others are still measured:
     * what was measured is never lost, and what was built is removed unless {@code keep}.
     */
    public static Report measure(DockerEngine engine, String dockerfileLabel, List<Variant> variants, Options o) {
        List<VariantResult> results = new ArrayList<>();
        Long baseline = null;
        String repo = REPOSITORY + sanitize(o.name());
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            String tag = repo + ":" + i;
            if (v.notBuilt() != null) {
                results.add(new VariantResult(v.name(), null, false, null, null, null, null, null, List.of(),
                        v.notBuilt(), null, null, null, null, false));
                continue;
            }
            ImageBuilder.Result b;
            try {
                b = ImageBuilder.build(engine, o.context(), v.dockerfileText(), tag);
            } catch (RuntimeException e) {
                results.add(new VariantResult(v.name(), tag, false, null, null, null, null, null, List.of(),
                        EngineException.reason(e), null, null, null, null, false));
                continue;
            }
            if (!b.ok()) {
                if (!o.keep()) {
                    removeCreated(engine, b);
                }
                results.add(new VariantResult(v.name(), tag, false, b.builder(), null, null, null, null, b.logTail(),
                        b.error(), null, null, null, null, false));
                continue;
            }
            Long size = null;
            Long diff = null;
            Double pct = null;
            String error = null;
            Smoke s = null;
            try {
                size = engine.imageSize(b.imageId());
                if (i == 0) {
                    baseline = size;
                } else if (baseline != null) {
                    diff = size - baseline;
                    pct = baseline == 0 ? null : 100.0 * diff / baseline;
                }
                if (o.smokeCommand() != null) {
                    s = smoke(engine, tag, o.smokeCommand(), o.smokeTimeout(), o.keep());
                }
            } catch (RuntimeException e) {
                error = EngineException.reason(e);
            } finally {
                if (!o.keep()) {
                    try {
                        engine.client().removeImageCmd(tag).withForce(true).exec();
                    } catch (RuntimeException e) {
                        // another tag may still hold it; nothing of ours is left under the tag
                    }
                    removeCreated(engine, b);
                }
            }
            results.add(new VariantResult(v.name(), tag, true, b.builder(), b.imageId(), size, diff, pct, b.logTail(),
                    error, s == null ? null : s.exit, s == null ? null : s.output, s == null ? null : s.error,
                    s == null ? null : s.form, o.keep()));
        }
        String version;
        try {
            version = engine.serverVersion();
        } catch (RuntimeException e) {
            version = null;
        }
        return new Report(dockerfileLabel, engine.host(), version, engine.apiVersion(), o.smokeCommand(), results);
    }

    /**
     * Removes the untagged images a build left behind: the steps of a multi-stage build's earlier
     * stages, and those of a failed build (the final image's own chain goes with its tag). Newest first,
     * never forced: an image that something else now uses (a tag, a child, a container) stays.
     */
    private static void removeCreated(DockerEngine engine, ImageBuilder.Result b) {
        List<String> ids = new ArrayList<>(b.createdImages());
        java.util.Collections.reverse(ids);
        for (String id : ids) {
            try {
                engine.client().removeImageCmd(id).exec();
            } catch (RuntimeException e) {
                // already gone with its child, or still in use: leave it
            }
        }
    }

    private record Smoke(Integer exit, List<String> output, String error, String form) {
    }

    /**
     * Runs the smoke command in a new container of {@code image}: {@code /bin/sh -c CMD} when the image
     * has {@code /bin/sh}, else in exec form (CMD split into words like a shell would, when it is one
     * plain command). Never throws: what went wrong is the result's error.
     */
    private static Smoke smoke(DockerEngine engine, String image, String command, Duration timeout, boolean keep) {
        String id;
        String form = "shell";
        try {
            id = create(engine, image, List.of("/bin/sh", "-c", command));
            if (!exists(engine, id, "/bin/sh")) {
                remove(engine, id);
                id = null;
                List<String> argv = execForm(command);
                form = "exec";
                if (argv == null) {
                    return new Smoke(null, List.of(), "the command needs a shell (a pipe, redirection, variable, glob "
                            + "or several commands)", form);
                }
                id = create(engine, image, argv);
            }
        } catch (RuntimeException e) {
            return new Smoke(null, List.of(), "cannot create a container: " + EngineException.reason(e), form);
        }
        String container = id;
        try {
            try {
                engine.call("start a container of " + image, () -> {
                    engine.client().startContainerCmd(container).exec();
                    return null;
                });
            } catch (RuntimeException e) {
                return new Smoke(null, List.of(), "cannot start it: " + EngineException.reason(e), form);
            }
            Integer exit;
            String error = null;
            try {
                exit = engine.client().waitContainerCmd(container).exec(new WaitContainerResultCallback())
                        .awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                exit = null;
                error = "no exit within " + timeout.toSeconds() + "s (" + EngineException.reason(e) + ")";
                try {
                    engine.client().killContainerCmd(container).exec();
                } catch (RuntimeException gone) {
                    // it stopped meanwhile
                }
            }
            return new Smoke(exit, logs(engine, container), error, form);
        } finally {
            if (!keep) {
                remove(engine, container);
            }
        }
    }

    private static String create(DockerEngine engine, String image, List<String> argv) {
        return engine.call("create a container of " + image, () -> engine.client().createContainerCmd(image)
                .withEntrypoint(argv.get(0)).withCmd(argv.subList(1, argv.size())).withNetworkDisabled(true)
                .exec().getId());
    }

    private static void remove(DockerEngine engine, String container) {
        try {
            engine.client().removeContainerCmd(container).withForce(true).exec();
        } catch (RuntimeException e) {
            // already gone
        }
    }

    /** Whether {@code path} exists in the (created, not started) container's filesystem. */
    private static boolean exists(DockerEngine engine, String container, String path) {
        try (java.io.InputStream in = engine.client().copyArchiveFromContainerCmd(container, path).exec()) {
            return in != null;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        } catch (java.io.IOException e) {
            return true; // it was found; closing the stream failed
        }
    }

    /**
     * The smoke command as an argv without a shell: its words, quotes removed, when it is one plain
     * command (no pipe, list, redirection, assignment, expansion or glob); null otherwise.
     */
    static List<String> execForm(String command) {
        dev.dockdiet.shell.ShellScript script = dev.dockdiet.shell.ShellParser.parse(command);
        if (script.hasErrors() || script.commands().size() != 1) {
            return null;
        }
        dev.dockdiet.shell.SimpleCommand c = script.commands().get(0);
        if (c.inPipeline() || c.inSubshell() || c.background() || c.negated() || c.inNestedShell()
                || c.inSubstitution() || c.inCondition() || c.inLoop() || c.inFunction() || c.inBranch()
                || !c.redirects().isEmpty() || !c.assignments().isEmpty() || c.andOrList().commands().size() != 1) {
            return null;
        }
        List<String> argv = new ArrayList<>();
        for (dev.dockdiet.shell.Word w : c.words()) {
            if (!w.isLiteral() || w.hasGlob()) {
                return null;
            }
            argv.add(w.value());
        }
        return argv.isEmpty() ? null : List.copyOf(argv);
    }

    private static List<String> logs(DockerEngine engine, String id) {
        Deque<String> tail = new ArrayDeque<>();
        StringBuilder all = new StringBuilder();
        try {
            engine.client().logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(false)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame f) {
                            all.append(new String(f.getPayload(), StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return List.of("(no output: " + EngineException.reason(e) + ")");
        }
        for (String l : all.toString().split("\n")) {
            if (!l.isBlank()) {
                tail.addLast(l.stripTrailing());
                if (tail.size() > 10) {
                    tail.removeFirst();
                }
            }
        }
        return List.copyOf(tail);
    }

    /** The report for people: one row per variant, then the log tail of failed builds and smoke output. */
    public static String text(Report r) {
        StringBuilder b = new StringBuilder();
        String builder = r.variants().isEmpty() || r.variants().get(0).builder() == null ? "the engine API"
                : r.variants().get(0).builder();
        b.append("Measured ").append(r.dockerfile()).append(" with the ").append(builder).append(" at ")
                .append(r.engineHost()).append('\n');
        int w = Math.max(7, r.variants().stream().mapToInt(v -> v.name().length()).max().orElse(0));
        b.append(String.format(Locale.ROOT, "%n%-" + w + "s  %-6s  %9s  %-20s  %s%n", "variant", "build", "size",
                "difference", r.smokeCommand() == null ? "" : "smoke: " + r.smokeCommand()));
        for (VariantResult v : r.variants()) {
            String diff = v.differenceBytes() == null ? (v.built() && v == r.variants().get(0) ? "(baseline)" : "")
                    : (v.differenceBytes() > 0 ? "+" : v.differenceBytes() < 0 ? "-" : "")
                    + Sizes.human(Math.abs(v.differenceBytes()))
                    + (v.differencePercent() == null ? "" : String.format(Locale.ROOT, " (%+.1f%%)", v.differencePercent()));
            String smoke = r.smokeCommand() == null || !v.built() || v.smokeForm() == null ? ""
                    : (v.smokeExitCode() != null ? "exit " + v.smokeExitCode() : "failed: " + v.smokeError())
                    + (v.smokeForm().equals("exec") ? " (exec form: the image has no /bin/sh)" : "");
            b.append(String.format(Locale.ROOT, "%-" + w + "s  %-6s  %9s  %-20s  %s%n", v.name(),
                    v.built() ? "ok" : v.tag() == null ? "-" : "FAILED", v.sizeBytes() == null ? "-" : Sizes.human(v.sizeBytes()), diff, smoke)
                    .stripTrailing()).append('\n');
        }
        for (VariantResult v : r.variants()) {
            if (!v.built() && v.tag() == null) {
                b.append('\n').append(v.name()).append(": not built: ").append(v.error()).append('\n');
            } else if (!v.built()) {
                b.append('\n').append(v.name()).append(": build failed: ").append(v.error()).append('\n');
                v.buildLog().forEach(l -> b.append("  | ").append(l).append('\n'));
            } else if (v.error() != null) {
                b.append('\n').append(v.name()).append(": built, then: ").append(v.error()).append('\n');
            } else if (r.smokeCommand() != null && (v.smokeExitCode() == null || v.smokeExitCode() != 0)
                    && v.smokeOutput() != null && !v.smokeOutput().isEmpty()) {
                b.append('\n').append(v.name()).append(": smoke command output:\n");
                if (v.smokeOutput() != null) {
                    v.smokeOutput().forEach(l -> b.append("  | ").append(l).append('\n'));
                }
            }
        }
        for (VariantResult v : r.variants()) {
            if (v.kept()) {
                b.append("kept ").append(v.tag()).append('\n');
            }
        }
        return b.toString();
    }

    /** A repository path component: lower case, {@code [a-z0-9]} separated by single {@code . _ -}. */
    static String sanitize(String name) {
        String s = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        s = s.replaceAll("[._-]{2,}", "-").replaceAll("^[._-]+|[._-]+$", "");
        return s.isEmpty() ? "image" : s;
    }
}
