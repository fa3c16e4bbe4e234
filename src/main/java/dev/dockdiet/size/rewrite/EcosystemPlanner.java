package dev.dockdiet.size.rewrite;

import dev.dockdiet.shell.SimpleCommand;
import java.util.List;

/**
 * One ecosystem's part of the rewrite: which build commands are its own, which build images it
 * splits, and the plan of the two stages (the build image, cache mounts, the runtime image, what
 * the runtime stage copies and what the reader should check). A planner is stateless: it reads
 * and fills the {@link RewriteJob} it is given, or throws {@link Refusal} (through
 * {@code job.refuse}) when it cannot be sure.
 *
 * <p>Adding an ecosystem (Ruby, PHP, Bun) is one new class implementing this interface, listed in
 * {@link Planners#all()}, plus its fixture app under {@code test-fixtures/size/<app>/} with the
 * reviewed {@code Dockerfile.rewritten} and {@code report.txt}. {@code PlannerRegistryTest} fails
 * when a planner is not listed or has no fixture.
 */
interface EcosystemPlanner {

    /** The ecosystems this planner serves (the Java planner serves Maven and Gradle). */
    List<Ecosystem> ecosystems();

    /** The ecosystem whose build this command runs, when it is one of this planner's; null otherwise. */
    Ecosystem detect(SimpleCommand c);

    /** The build commands, for messages: {@code go build}. */
    String buildCommands();

    /** A tool of this ecosystem that the rewrite does not support (yarn for Node): its name; null otherwise. */
    default String unsupportedTool(SimpleCommand c) {
        return null;
    }

    /** True when a build that also uses one of {@link #unsupportedTool}'s tools is refused (npm with yarn). */
    default boolean refusesMixedTools() {
        return false;
    }

    /**
     * Why this command, when no build of any ecosystem is seen, still gives nothing to copy
     * ({@code dotnet build} without {@code dotnet publish}); null when it says nothing.
     */
    default String incompleteBuild(SimpleCommand c) {
        return null;
    }

    /** True when the job's base is an image this planner splits for this ecosystem (the official toolchain). */
    boolean buildsOn(RewriteJob job, Ecosystem e);

    /**
     * True when the final stage takes the application files from the build context again (Node,
     * Python), which is only right when the original took them from there.
     */
    default boolean takesSourcesFromContext() {
        return false;
    }

    /** False for a system package that the build installs only for itself (python3 for node-gyp). */
    default boolean neededAtRuntime(String systemPackage) {
        return true;
    }

    /** Fills the job's plan, or refuses. */
    void plan(RewriteJob job);
}
