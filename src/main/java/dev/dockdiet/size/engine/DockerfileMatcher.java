package dev.dockdiet.size.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockdiet.size.engine.ImageReport.HistoryEntry;
import dev.dockdiet.size.engine.ImageReport.Layer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Matches an image's history to the instructions of the Dockerfile that built it.
 *
 * <p>The image's own layers come from the final stage and, when it starts {@code FROM} an earlier
 * stage ({@code FROM build}, {@code FROM 0}), from that stage and the stages it starts from in turn:
 * their steps, oldest stage first, are the image's steps. History is walked newest first against
 * those steps from the last one back: each entry
 * takes the nearest earlier step with the same keyword (and, for {@code RUN}, the same command once
 * whitespace is collapsed and flags like {@code --mount} are dropped). Steps without history (a
 * BuildKit {@code ARG}) are skipped. The first entry that matches no remaining step, and everything
 * older, belongs to the base image.
 */
public final class DockerfileMatcher {

    private static final Pattern RUN_FLAG = Pattern.compile("^--[a-z-]+(=\\S*)?\\s*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerfileMatcher() {
    }

    /** The report with steps on its layers and history entries, and findings at Dockerfile lines. */
    public static ImageReport match(ImageReport report, List<DockerfileStep> steps, String dockerfile) {
        List<DockerfileStep> stage = imageSteps(steps);
        List<HistoryEntry> history = new ArrayList<>(report.history());
        DockerfileStep[] byLayer = new DockerfileStep[report.layers().size()];
        int p = stage.size() - 1;
        for (int h = history.size() - 1; h >= 0 && p >= 0; h--) {
            HistoryEntry e = history.get(h);
            CreatedBy cb = CreatedBy.parse(e.createdBy());
            int found = -1;
            for (int j = p; j >= 0 && found < 0; j--) {
                if (matches(cb, stage.get(j))) {
                    found = j;
                }
            }
            if (found < 0) {
                break;
            }
            DockerfileStep s = stage.get(found);
            history.set(h, e.withStep(s));
            if (e.layerIndex() != null) {
                byLayer[e.layerIndex()] = s;
            }
            p = found - 1;
        }
        List<Layer> layers = new ArrayList<>();
        for (Layer l : report.layers()) {
            layers.add(l.withStep(byLayer[l.index()]));
        }
        ImageReport matched = report.withDockerfile(dockerfile, layers, history, List.of());
        return matched.withDockerfile(dockerfile, layers, history, WasteFindings.of(matched));
    }

    /**
     * The steps that made the final image's layers: those of the final stage, preceded by those of the
     * earlier stage it starts from (by name, case-insensitively, or by index), and so on. FROM steps
     * themselves are left out; a FROM naming no earlier stage (an image) ends the chain.
     */
    static List<DockerfileStep> imageSteps(List<DockerfileStep> steps) {
        List<Integer> froms = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).keyword().equals("FROM")) {
                froms.add(i);
            }
        }
        if (froms.isEmpty()) {
            return steps;
        }
        String[] names = new String[froms.size()];
        String[] bases = new String[froms.size()];
        for (int s = 0; s < froms.size(); s++) {
            String[] words = steps.get(froms.get(s)).text().trim().split("\\s+");
            int w = 0;
            while (w < words.length && words[w].startsWith("--")) {
                w++; // --platform=...
            }
            bases[s] = w < words.length ? words[w] : "";
            if (w + 2 < words.length && words[w + 1].equalsIgnoreCase("AS")) {
                names[s] = words[w + 2];
            }
        }
        List<Integer> chain = new ArrayList<>();
        int s = froms.size() - 1;
        chain.add(s);
        while (true) {
            int parent = -1;
            for (int j = s - 1; j >= 0 && parent < 0; j--) {
                if (bases[s].equalsIgnoreCase(names[j] == null ? "" : names[j]) || bases[s].equals(Integer.toString(j))) {
                    parent = j;
                }
            }
            if (parent < 0) {
                break;
            }
            chain.add(0, parent);
            s = parent;
        }
        List<DockerfileStep> out = new ArrayList<>();
        for (int c : chain) {
            int start = froms.get(c) + 1;
            int end = c + 1 < froms.size() ? froms.get(c + 1) : steps.size();
            out.addAll(steps.subList(start, end));
        }
        return out;
    }

    static boolean matches(CreatedBy cb, DockerfileStep step) {
        if (cb.keyword() == null || !cb.keyword().equals(step.keyword())) {
            return false;
        }
        if (!cb.keyword().equals("RUN")) {
            return true;
        }
        String h = collapse(cb.text());
        String s = collapse(runCommand(step.text()));
        return !s.isEmpty() && (h.equals(s) || h.contains(s) || s.contains(h) && !h.isEmpty());
    }

    /** The command of a RUN's text: flags dropped, exec form joined by spaces. */
    static String runCommand(String text) {
        String t = text.strip();
        while (RUN_FLAG.matcher(t).find()) {
            t = RUN_FLAG.matcher(t).replaceFirst("");
        }
        if (t.startsWith("[")) {
            try {
                JsonNode arr = JSON.readTree(t);
                if (arr.isArray()) {
                    List<String> parts = new ArrayList<>();
                    arr.forEach(x -> parts.add(x.asText()));
                    return String.join(" ", parts);
                }
            } catch (IOException notJson) {
                // shell form that starts with '['
            }
        }
        return t;
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
