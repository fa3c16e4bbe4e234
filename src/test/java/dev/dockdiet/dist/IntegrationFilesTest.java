package dev.dockdiet.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The integration files users copy verbatim — {@code .pre-commit-hooks.yaml}, {@code action.yml},
 * the README snippets — point at things that exist and match the files dockdiet lints.
 */
class IntegrationFilesTest {

    /** File names dockdiet's discovery lints, and names it must leave alone (issue 11). */
    private static final List<String> DOCKERFILES = List.of("Dockerfile", "svc/Dockerfile", "Dockerfile.prod",
            "Dockerfile-worker", "api.Dockerfile", "deploy/app.dockerfile", "Containerfile", "Containerfile.dev",
            "dockerfile", "Dockerfile.alpine-3.20");
    private static final List<String> NOT_DOCKERFILES = List.of("Dockerfile.dockerignore", "x/Dockerfile.md",
            "Dockerfile.j2", "Dockerfile.tmpl", "Dockerfile.tpl", "Dockerfile.erb", "Dockerfile.in", "Dockerfile.txt",
            "README.md", "docker-compose.yml", "Dockerfilex", "notDockerfile", "Dockerfile/README",
            ".dockerignore");

    private static Object yaml(String file) throws IOException {
        try (Reader r = Files.newBufferedReader(Path.of(file))) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> hooks() throws IOException {
        return (List<Map<String, Object>>) yaml(".pre-commit-hooks.yaml");
    }

    private static boolean selected(Map<String, Object> hook, String path) {
        // pre-commit applies `files` and `exclude` with Python's re.search; these patterns use
        // only syntax that Java's Pattern reads the same way
        boolean in = Pattern.compile((String) hook.get("files")).matcher(path).find();
        boolean out = hook.containsKey("exclude")
                && Pattern.compile((String) hook.get("exclude")).matcher(path).find();
        return in && !out;
    }

    @Test
    void everyHookSelectsExactlyTheDockerfiles() throws IOException {
        assertThat(hooks()).hasSizeGreaterThanOrEqualTo(4);
        for (Map<String, Object> hook : hooks()) {
            assertThat(hook).as(hook.get("id").toString()).doesNotContainKey("types");
            for (String name : DOCKERFILES) {
                assertThat(selected(hook, name)).as(hook.get("id") + " selects " + name).isTrue();
            }
            for (String name : NOT_DOCKERFILES) {
                assertThat(selected(hook, name)).as(hook.get("id") + " leaves " + name).isFalse();
            }
        }
    }

    @Test
    void scriptHooksRunFilesThatExist() throws IOException {
        for (Map<String, Object> hook : hooks()) {
            String language = (String) hook.get("language");
            String entry = ((String) hook.get("entry")).split(" ")[0];
            if (language.equals("script")) {
                assertThat(Path.of(entry)).as(hook.get("id").toString()).isRegularFile().isExecutable();
            } else if (language.equals("docker")) {
                // pre-commit builds ./Dockerfile and runs the entry inside it as the entrypoint
                assertThat(Files.readString(Path.of("Dockerfile"))).contains("COPY --from=build /opt/dockdiet/runtime/")
                        .contains("COPY --from=build /opt/dockdiet/lib/");
                assertThat(entry).isEqualTo("/opt/dockdiet/runtime/bin/java");
                assertThat((String) hook.get("entry")).endsWith("-jar /opt/dockdiet/lib/dockdiet.jar");
            } else {
                assertThat(language).isIn("system", "unsupported");
            }
        }
    }

    @Test
    void dockerHookRunsWhatTheImageEntrypointRuns() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        String entry = hooks().stream().filter(h -> h.get("language").equals("docker")).findFirst()
                .map(h -> (String) h.get("entry")).orElseThrow();
        StringBuilder fromImage = new StringBuilder();
        var m = Pattern.compile("\"([^\"]+)\"").matcher(dockerfile.substring(dockerfile.indexOf("ENTRYPOINT")));
        while (m.find() && !m.group(1).equals("--help")) {
            fromImage.append(fromImage.length() == 0 ? "" : " ").append(m.group(1));
        }
        assertThat(entry).isEqualTo(fromImage.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void actionUsesSupportedStepsAndExistingPaths() throws IOException {
        Map<String, Object> action = (Map<String, Object>) yaml("action.yml");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps");
        for (Map<String, Object> step : steps) {
            String uses = (String) step.get("uses");
            if (uses != null) {
                assertThat(uses).as("deprecated upload-sarif").doesNotStartWith("github/codeql-action/upload-sarif@v3")
                        .doesNotStartWith("github/codeql-action/upload-sarif@v2");
                Map<String, Object> with = (Map<String, Object>) step.getOrDefault("with", Map.of());
                // setup-java keys its cache to files in the workspace; the action's pom is not there
                assertThat(with).as(uses).doesNotContainKey("cache-dependency-path");
            }
            String run = (String) step.get("run");
            if (run != null) {
                var paths = Pattern.compile("\\$GITHUB_ACTION_PATH/([\\w./-]+)").matcher(run);
                while (paths.find()) {
                    assertThat(Path.of(paths.group(1))).as(run).exists();
                }
            }
        }
    }

    @Test
    void readmeSnippetsReferenceRefsThatExist() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        // no tag has been released: snippets follow main (and say how to pin a commit)
        var revs = Pattern.compile("(?m)^\\s*rev:\\s*(\\S+)").matcher(readme);
        while (revs.find()) {
            assertThat(revs.group(1)).isEqualTo("main");
        }
        var uses = Pattern.compile("uses:\\s*dockdiet/dockdiet@(\\S+)").matcher(readme);
        while (uses.find()) {
            assertThat(uses.group(1)).isEqualTo("main");
        }
        var hookIds = Pattern.compile("(?m)^\\s*- id:\\s*(\\S+)").matcher(readme);
        List<Object> ids = hooks().stream().map(h -> h.get("id")).toList();
        while (hookIds.find()) {
            assertThat(ids).contains(hookIds.group(1));
        }
    }
}
