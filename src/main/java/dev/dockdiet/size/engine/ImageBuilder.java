package dev.dockdiet.size.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a Dockerfile text through the engine API ({@code POST /build}): the classic builder, which
 * every engine has. ({@code RUN --mount} and heredocs need BuildKit and fail here with the engine's
 * message.)
 */
public final class ImageBuilder {

    /** How many lines of the build log a result keeps. */
    public static final int LOG_TAIL = 15;
    private static final Pattern SUCCESS = Pattern.compile("Successfully built ([0-9a-f]{12,64})");
    private static final Pattern STEP = Pattern.compile("^Step \\d+/\\d+ : (\\S+)");
    private static final Pattern STEP_IMAGE = Pattern.compile("^ ---> ([0-9a-f]{12,64})$");

    private ImageBuilder() {
    }

    /**
     * What a build gave.
     *
     * @param imageId the built image's id, null when the build failed
     * @param builder which builder built it, e.g. {@code classic builder (engine API, Docker 20.10.24)}
     * @param logTail the last lines of the build log
     * @param error the engine's error message when the build failed, else null
     * @param createdImages the ids of the images this build committed, one per step, oldest first, the
     *     final image included: not the base images of FROM, not the cached steps it reused (the classic
     *     builder keeps them all, untagged, after the build; a failed build too)
     */
    public record Result(boolean ok, String imageId, String tag, String builder, List<String> logTail, String error,
                         List<String> createdImages) {
        public Result {
            logTail = List.copyOf(logTail);
            createdImages = List.copyOf(createdImages);
        }
    }

    public static Result build(DockerEngine engine, Path contextDir, String dockerfileText, String tag) {
        String builder = "classic builder (engine API, Docker " + engine.serverVersion() + ")";
        Path ctx;
        try {
            ctx = Files.createTempFile("dockdiet-context", ".tar");
        } catch (IOException e) {
            throw new EngineException("cannot create a temporary file: " + EngineException.reason(e), e);
        }
        try {
            try (OutputStream out = Files.newOutputStream(ctx)) {
                BuildContext.tar(contextDir, dockerfileText, out);
            }
            Set<String> before = containerIds(engine);
            Log log = new Log();
            try (InputStream in = Files.newInputStream(ctx)) {
                engine.call("build " + tag, () -> engine.client().buildImageCmd(in)
                        .withDockerfilePath(BuildContext.DOCKERFILE_NAME)
                        .withTags(Set.of(tag))
                        .withPull(false)
                        .withRemove(true)
                        .exec(log));
                try {
                    log.awaitCompletion();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EngineException("build " + tag + " interrupted");
                } catch (RuntimeException e) {
                    if (log.error == null) {
                        log.error = EngineException.reason(e);
                    }
                }
            }
            if (log.error == null && log.imageId == null) {
                log.error = "the engine reported no image id";
            }
            boolean ok = log.error == null;
            if (!ok) {
                removeFailedStepContainers(engine, before);
            }
            return new Result(ok, ok ? log.imageId : null, tag, builder, List.copyOf(log.tail), log.error,
                    List.copyOf(log.created));
        } catch (IOException e) {
            throw new EngineException("cannot build " + tag + ": " + EngineException.reason(e), e);
        } finally {
            try {
                Files.deleteIfExists(ctx);
            } catch (IOException e) {
                // a temp file left behind is not worth failing the measurement for
            }
        }
    }

    private static Set<String> containerIds(DockerEngine engine) {
        Set<String> ids = new java.util.HashSet<>();
        engine.call("list containers", () -> engine.client().listContainersCmd().withShowAll(true).exec())
                .forEach(c -> ids.add(c.getId()));
        return ids;
    }

    /**
     * The classic builder leaves the container of a failed RUN behind (the API's {@code forcerm} is
     * not exposed by docker-java). Removes containers created during the build that are stopped and
     * run a bare image id (what intermediate build containers do); a user's containers run tagged images.
     */
    private static void removeFailedStepContainers(DockerEngine engine, Set<String> before) {
        Pattern bareId = Pattern.compile("(sha256:)?[0-9a-f]{12,64}");
        for (var c : engine.call("list containers", () -> engine.client().listContainersCmd().withShowAll(true).exec())) {
            if (!before.contains(c.getId()) && !"running".equals(c.getState()) && c.getImage() != null
                    && bareId.matcher(c.getImage()).matches()) {
                try {
                    engine.client().removeContainerCmd(c.getId()).withForce(true).exec();
                } catch (RuntimeException e) {
                    // already gone, or the engine refuses: it only costs disk space
                }
            }
        }
    }

    /** Collects the build stream: the log tail, the image id, the first error. */
    private static final class Log extends ResultCallback.Adapter<BuildResponseItem> {
        final Deque<String> tail = new ArrayDeque<>();
        final List<String> created = new java.util.ArrayList<>();
        private String stepKeyword;
        private boolean stepCached;
        private final StringBuilder partial = new StringBuilder();
        volatile String imageId;
        volatile String error;

        @Override
        public void onNext(BuildResponseItem item) {
            if (item.getStream() != null) {
                partial.append(item.getStream());
                int nl;
                while ((nl = partial.indexOf("\n")) >= 0) {
                    line(partial.substring(0, nl));
                    partial.delete(0, nl + 1);
                }
            }
            if (item.getImageId() != null) {
                imageId = item.getImageId();
            }
            if (item.isErrorIndicated() && error == null) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
                if (error != null) {
                    line(error);
                }
            }
        }

        private synchronized void line(String l) {
            String s = l.stripTrailing();
            if (s.isEmpty()) {
                return;
            }
            Matcher m = SUCCESS.matcher(s);
            if (m.find() && imageId == null) {
                imageId = m.group(1);
            }
            Matcher step = STEP.matcher(s);
            if (step.find()) {
                stepKeyword = step.group(1).toUpperCase(java.util.Locale.ROOT);
                stepCached = false;
            } else if (s.equals(" ---> Using cache")) {
                stepCached = true;
            } else {
                Matcher img = STEP_IMAGE.matcher(s);
                if (img.matches() && stepKeyword != null && !stepKeyword.equals("FROM") && !stepCached) {
                    created.add(img.group(1));
                }
            }
            tail.addLast(s);
            while (tail.size() > LOG_TAIL) {
                tail.removeFirst();
            }
        }

        @Override
        public void onError(Throwable t) {
            if (error == null) {
                error = EngineException.reason(t);
            }
            super.onError(t);
        }
    }
}
