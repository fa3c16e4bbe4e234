package dev.dockdiet.size.rewrite;

/**
 * Plans the two stages for one ecosystem: the build image, cache mounts, the runtime image, what
 * the runtime stage copies and what the reader should check. A planner reads and fills the
 * {@link RewriteJob} it was made for, or throws {@link Refusal} (through {@code job.refuse}) when
 * it cannot be sure.
 *
 * <p>Adding an ecosystem (Ruby, PHP, Bun): a constant in {@link Ecosystem}, its build command in
 * {@code RewriteJob.detect}, one planner class registered in {@code RewriteJob.planner}, and its
 * fixture app under {@code test-fixtures/size/} with the reviewed {@code Dockerfile.rewritten}.
 */
interface EcosystemPlanner {

    /** Fills the job's plan, or refuses. */
    void plan();
}
