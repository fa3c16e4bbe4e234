package dev.dockdiet.rules.size;

import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.ToolNames;
import dev.dockdiet.shell.Word;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Recognises commands that compile or build software (through the shell model, never by substring). */
final class BuildSteps {

    /**
     * A build command.
     *
     * @param label what it is, e.g. {@code go build}
     * @param first the command's name word
     * @param last the last word of the label (the subcommand, goal or script), or {@code first}
     * @param jvm a Java build (needs a JDK)
     */
    record Step(String label, Word first, Word last, boolean jvm) {
    }

    private static final Set<String> COMPILERS = Set.of("gcc", "g++", "cc", "c++", "clang", "clang++", "rustc",
            "javac", "tsc", "gfortran");
    private static final Set<String> VERSION_ONLY = Set.of("--version", "-v", "-V", "--help", "-h", "-dumpversion",
            "-dumpmachine", "-dumpfullversion", "-version");
    private static final Set<String> MAVEN_GOALS = Set.of("compile", "test-compile", "package", "install", "verify",
            "deploy");
    private static final Set<String> GRADLE_TASKS = Set.of("build", "assemble", "bootJar", "bootWar", "jar", "war",
            "shadowJar", "installDist", "distTar", "distZip", "compileJava", "compileKotlin", "classes",
            "buildNeeded", "nativeCompile", "bootDistZip", "bootDistTar");
    private static final Set<String> SETUP_PY = Set.of("build", "build_ext", "bdist_wheel", "bdist_egg", "bdist");
    private static final Set<String> FRONTEND_CLIS = Set.of("ng", "next", "vite", "nest", "nuxt");

    private BuildSteps() {
    }

    /** The build this command runs, or null when it is not a build. */
    static Step of(SimpleCommand c) {
        if (c.name() == null || !c.name().isLiteral()) {
            return null;
        }
        String name = base(c.nameValue());
        List<Word> pos = c.positionals();
        if (COMPILERS.contains(name) || name.equals("make") || name.equals("gmake") || name.equals("ninja")) {
            if (c.args().isEmpty() && !name.equals("make") && !name.equals("gmake") && !name.equals("ninja")) {
                return null; // a bare compiler call does nothing
            }
            for (Word w : c.args()) {
                if (VERSION_ONLY.contains(w.value()) || w.value().startsWith("-print-")) {
                    return null;
                }
            }
            return new Step(name, c.name(), c.name(), name.equals("javac"));
        }
        switch (name) {
            case "go":
                return sub(c, pos, 0, Set.of("build", "install"), "go", false);
            case "cargo":
                return sub(c, pos, 0, Set.of("build", "b", "install"), "cargo", false);
            case "cmake":
                for (Word w : c.args()) {
                    if (w.value().equals("--build")) {
                        return new Step("cmake --build", c.name(), w, false);
                    }
                }
                return null;
            case "meson":
                return sub(c, pos, 0, Set.of("compile"), "meson", false);
            case "bazel":
            case "bazelisk":
                return sub(c, pos, 0, Set.of("build"), name, false);
            case "mvn":
            case "mvnw":
                for (Word w : goals(c)) {
                    if (MAVEN_GOALS.contains(w.value())) {
                        return new Step(c.nameValue() + " " + w.value(), c.name(), w, true);
                    }
                }
                return null;
            case "gradle":
            case "gradlew":
                for (Word w : goals(c)) {
                    String v = w.value();
                    String task = v.substring(v.lastIndexOf(':') + 1);
                    if (GRADLE_TASKS.contains(task)) {
                        return new Step(c.nameValue() + " " + v, c.name(), w, true);
                    }
                }
                return null;
            case "dotnet":
                return sub(c, pos, 0, Set.of("publish", "build"), "dotnet", false);
            case "npm":
                if (!pos.isEmpty() && (pos.get(0).value().equals("run") || pos.get(0).value().equals("run-script"))
                        && pos.size() > 1 && isBuildScript(pos.get(1).value())) {
                    return new Step("npm " + pos.get(0).value() + " " + pos.get(1).value(), c.name(), pos.get(1), false);
                }
                return null;
            case "yarn":
            case "pnpm":
                if (pos.isEmpty()) {
                    return null;
                }
                if (pos.get(0).value().equals("run") && pos.size() > 1 && isBuildScript(pos.get(1).value())) {
                    return new Step(name + " run " + pos.get(1).value(), c.name(), pos.get(1), false);
                }
                if (isBuildScript(pos.get(0).value())) {
                    return new Step(name + " " + pos.get(0).value(), c.name(), pos.get(0), false);
                }
                return null;
            case "npx":
            case "pnpx":
                if (!pos.isEmpty() && pos.get(0).value().equals("tsc")) {
                    return new Step(name + " tsc", c.name(), pos.get(0), false);
                }
                if (pos.size() > 1 && FRONTEND_CLIS.contains(pos.get(0).value()) && pos.get(1).value().equals("build")) {
                    return new Step(name + " " + pos.get(0).value() + " build", c.name(), pos.get(1), false);
                }
                return null;
            case "pip":
            case "pip3":
                return sub(c, pos, 0, Set.of("wheel"), name, false);
            default:
                break;
        }
        if (FRONTEND_CLIS.contains(name)) {
            return sub(c, pos, 0, Set.of("build"), name, false);
        }
        if (ToolNames.withVersion(name, "python")) {
            List<Word> a = c.args();
            if (a.size() >= 2 && a.get(0).value().equals("-m")) {
                String mod = a.get(1).value();
                if (mod.equals("build")) {
                    return new Step(name + " -m build", c.name(), a.get(1), false);
                }
                if (mod.equals("pip") && a.size() >= 3) {
                    for (int i = 2; i < a.size(); i++) {
                        String v = a.get(i).value();
                        if (v.startsWith("-")) {
                            continue;
                        }
                        return v.equals("wheel") ? new Step(name + " -m pip wheel", c.name(), a.get(i), false) : null;
                    }
                }
                return null;
            }
            for (int i = 0; i + 1 < a.size(); i++) {
                if (a.get(i).value().startsWith("-")) {
                    continue;
                }
                if (base(a.get(i).value()).equals("setup.py")) {
                    for (int j = i + 1; j < a.size(); j++) {
                        if (SETUP_PY.contains(a.get(j).value())) {
                            return new Step(name + " setup.py " + a.get(j).value(), c.name(), a.get(j), false);
                        }
                    }
                }
                return null;
            }
        }
        return null;
    }

    /**
     * Maven goals and Gradle tasks: the words that are not options. {@code -Dx=y} and {@code -Pprofile}
     * are whole options (not clusters of one-letter flags); only exact value flags take the next word.
     */
    private static List<Word> goals(SimpleCommand c) {
        Set<String> valueFlags = dev.dockdiet.shell.KnownFlags.valueFlags(base(c.nameValue()));
        List<Word> out = new java.util.ArrayList<>();
        List<Word> a = c.args();
        for (int i = 0; i < a.size(); i++) {
            String v = a.get(i).value();
            if (v.startsWith("-")) {
                if (valueFlags.contains(v)) {
                    i++;
                }
                continue;
            }
            out.add(a.get(i));
        }
        return out;
    }

    private static Step sub(SimpleCommand c, List<Word> pos, int index, Set<String> subs, String label, boolean jvm) {
        if (pos.size() > index && subs.contains(pos.get(index).value())) {
            return new Step(label + " " + pos.get(index).value(), c.name(), pos.get(index), jvm);
        }
        return null;
    }

    private static boolean isBuildScript(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.equals("build") || l.startsWith("build:") || l.startsWith("build-");
    }

    static String base(String v) {
        int slash = v.lastIndexOf('/');
        return slash >= 0 && slash < v.length() - 1 ? v.substring(slash + 1) : v;
    }
}
