package dev.dockdiet.size.rewrite;

import java.util.Objects;

/**
 * What {@link Rewriter#rewrite} produced: the multi-stage Dockerfile, or why there is none.
 *
 * @param text the rewritten Dockerfile; null when the file cannot be rewritten
 * @param reason why it cannot be rewritten (one sentence, no trailing period); null when rewritten
 * @param ecosystem the build recognised; null when none was
 * @param buildImage the base of the build stage, as written in the rewrite; null when not rewritten
 * @param runtimeImage the base of the final stage, as written in the rewrite; null when not rewritten
 */
public record RewriteResult(String text, String reason, Ecosystem ecosystem, String buildImage, String runtimeImage) {

    public RewriteResult {
        if ((text == null) == (reason == null)) {
            throw new IllegalArgumentException("a rewrite result has either a text or a reason");
        }
    }

    static RewriteResult refused(Ecosystem ecosystem, String reason) {
        return new RewriteResult(null, Objects.requireNonNull(reason), ecosystem, null, null);
    }

    static RewriteResult refused(String reason) {
        return refused(null, reason);
    }

    /** True when {@link #text()} holds the rewrite. */
    public boolean rewritten() {
        return text != null;
    }

    /** "cannot rewrite: why", for messages. */
    public String describeRefusal() {
        return reason == null ? null : "cannot rewrite: " + reason;
    }
}
