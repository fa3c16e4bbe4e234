package dev.dockdiet.size.rewrite;

import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.size.Alternative;
import dev.dockdiet.syntax.Instruction;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java, for both Maven ({@code mvn package}) and Gradle ({@code gradle build}): the jar that
 * {@code java -jar} runs goes to a JRE image of the same major version. The two build tools differ
 * only in their cache folder, so one planner serves both ecosystems.
 *
 * <p>{@link #plan} fills the job's plan or refuses.
 */
final class JavaPlanner implements EcosystemPlanner {

    private static final Pattern JAVA_MAJOR = Pattern.compile(
            "(?:jdk|temurin|corretto|openjdk|semeru|sapmachine|zulu|liberica|graalvm)-?(\\d{1,2})(?![\\d.])");

    static final Ecosystem MAVEN = new Ecosystem("maven", "Java (Maven)");
    static final Ecosystem GRADLE = new Ecosystem("gradle", "Java (Gradle)");

    @Override
    public List<Ecosystem> ecosystems() {
        return List.of(MAVEN, GRADLE);
    }

    @Override
    public Ecosystem detect(SimpleCommand c) {
        if (c.is("mvn", "mvnw") && RewriteJob.hasAny(c, "package", "install", "verify", "deploy")) {
            return MAVEN;
        }
        if (c.is("gradle", "gradlew") && RewriteJob.hasAny(c, "build", "assemble", "bootJar", "jar", "shadowJar",
                "installDist")) {
            return GRADLE;
        }
        return null;
    }

    @Override
    public String buildCommands() {
        return "mvn package, gradle build";
    }

    @Override
    public boolean buildsOn(RewriteJob job, Ecosystem e) {
        return job.family.equals(e == MAVEN ? "maven" : "gradle") || job.onJdk();
    }

    @Override
    public void plan(RewriteJob job) {
        List<String> w = job.launchWords();
        int j = w.indexOf("-jar");
        if (j < 0 || j + 1 >= w.size()) {
            throw job.refuse("the container does not run a jar (java -jar ...), so the rewrite cannot tell what to "
                    + "copy into the runtime stage");
        }
        String jar = job.abs(w.get(j + 1), job.finalWorkdir, "the jar");
        for (Instruction.Run r : job.runs()) {
            for (SimpleCommand c : job.commands(r)) {
                if (c.is("mvn", "mvnw")) {
                    job.mount(r, "/root/.m2");
                } else if (c.is("gradle", "gradlew")) {
                    job.mount(r, job.family.equals("gradle") ? "/home/gradle/.gradle" : "/root/.gradle");
                }
            }
        }
        job.buildFrom = job.fromImageText();
        job.runtimeImage = null;
        if (job.baseMatch != null) {
            for (Alternative a : job.kb.alternatives(job.baseMatch)) {
                if ("eclipse-temurin".equals(a.family()) && a.variant() != null && a.variant().startsWith("jre")) {
                    job.runtimeImage = a.image();
                    break;
                }
            }
        }
        if (job.runtimeImage == null) {
            Matcher m = JAVA_MAJOR.matcher(job.base.tag() == null ? "" : job.base.tag());
            if (!m.find()) {
                throw job.refuse("the Java version of " + job.base.familiar() + " is not in its tag; pin it (for example "
                        + "maven:3-eclipse-temurin-21 or gradle:jdk21) so that the runtime JRE can match it");
            }
            job.runtimeImage = "eclipse-temurin:" + m.group(1) + "-jre" + (job.base.familiar().contains("alpine") ? "-alpine" : "");
        }
        job.runtimeHasShell = true;
        String dest = jar.contains("*") ? jar.substring(0, jar.lastIndexOf('/') + 1) : jar;
        job.runtimeCopies.add("COPY --from=build " + jar + " " + dest);
        job.changes.add("The build runs in the \"build\" stage on " + job.buildFrom + " as before; only the jar " + jar
                + " is copied into the final image, so the JDK, " + (job.eco == MAVEN ? "Maven" : "Gradle")
                + ", its dependency cache and the source no longer ship.");
        job.changes.add("Final stage: " + job.runtimeImage + ", a Java runtime (JRE) of the same Java version as the "
                + "build's JDK.");
        if (job.family.equals("openjdk")) {
            job.changes.add("The openjdk images are deprecated; the runtime is Eclipse Temurin of the same Java version.");
        }
        job.checks.add("A JRE has no jcmd, jmap or javac: if the app or its tooling calls them, use a JDK runtime.");
        job.checkRuntimeFiles();
    }
}
