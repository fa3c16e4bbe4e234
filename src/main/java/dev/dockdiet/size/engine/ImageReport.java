package dev.dockdiet.size.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What {@code dockdiet image} reports about one image. All sizes are uncompressed content bytes:
 * the sum of the sizes of the regular files in the layer tars (directories, links and tar headers
 * count 0), which is what the engine reports as layer and image size.
 *
 * <p>Definitions:
 * <ul>
 *   <li>{@code totalBytes}: the sum of all layers' content bytes; every copy of a path counts.</li>
 *   <li>{@code wastedBytes}: for every regular file copy in some layer that is not the copy visible in
 *       the final filesystem (overwritten by a later layer, or deleted by a whiteout {@code .wh.name} or
 *       an opaque directory {@code .wh..wh..opq}, or hidden when a later layer puts a non-directory in
 *       place of its directory), its size, counted once. The surviving copy is never counted; unlike
 *       dive, a path written in two layers wastes the first copy only, not both.</li>
 *   <li>{@code finalBytes} = totalBytes - wastedBytes: the content of the final filesystem.</li>
 *   <li>{@code efficiency} = finalBytes / totalBytes = 1 - wastedBytes / totalBytes; 1.0 for an empty
 *       image.</li>
 * </ul>
 *
 * @param image the image name or id as given, or the archive path
 * @param source {@code engine} or {@code tar}
 * @param imageId the config digest ({@code sha256:…})
 * @param engineSizeBytes the engine's own figure ({@code docker image inspect} Size); null from a tar
 * @param wastedPaths the largest wasted copies, largest first (at most {@link ImageAnalyzer#TOP_WASTED})
 * @param wastedPathCount how many wasted copies there are in all
 * @param wastes wasted bytes grouped by the layer that added them and the layer that removed them
 * @param baseWastedBytes of {@code wastedBytes}, the bytes that the base image's own layers added and
 *     removed (both layers below the first layer matched to the Dockerfile): nothing the Dockerfile can
 *     change, so they do not count toward {@code --max-wasted}; null when no Dockerfile was matched
 *     (the base image's layers are then not known)
 * @param findings what to do about the waste, at Dockerfile lines when a Dockerfile was given
 * @param dockerfile the Dockerfile the layers were matched to, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageReport(String image, String source, String imageId, List<String> repoTags, String os,
                          String architecture, long totalBytes, Long engineSizeBytes, long finalBytes,
                          long wastedBytes, Long baseWastedBytes, double efficiency, List<Layer> layers, List<HistoryEntry> history,
                          List<WastedPath> wastedPaths, int wastedPathCount, List<Waste> wastes,
                          List<ImageFinding> findings, String dockerfile) {

    public ImageReport {
        repoTags = List.copyOf(repoTags);
        layers = List.copyOf(layers);
        history = List.copyOf(history);
        wastedPaths = List.copyOf(wastedPaths);
        wastes = List.copyOf(wastes);
        findings = List.copyOf(findings);
    }

    /**
     * The same report with Dockerfile matches and findings; {@code baseWastedBytes} follows from the
     * matched layers (null when none is matched).
     */
    public ImageReport withDockerfile(String path, List<Layer> matchedLayers, List<HistoryEntry> matchedHistory,
                                      List<ImageFinding> newFindings) {
        int first = firstMatchedLayer(matchedLayers);
        Long base = null;
        if (first >= 0) {
            long sum = 0;
            for (Waste w : wastes) {
                if (w.removedBy() < first) {
                    sum += w.bytes();
                }
            }
            base = sum;
        }
        return new ImageReport(image, source, imageId, repoTags, os, architecture, totalBytes, engineSizeBytes,
                finalBytes, wastedBytes, base, efficiency, matchedLayers, matchedHistory, wastedPaths, wastedPathCount,
                wastes, newFindings, path);
    }

    /**
     * The index of the lowest layer a Dockerfile instruction made: the layers below it are the base
     * image's. -1 when no layer is matched.
     */
    public static int firstMatchedLayer(List<Layer> layers) {
        for (Layer l : layers) {
            if (l.step() != null) {
                return l.index();
            }
        }
        return -1;
    }

    /** The wasted bytes the Dockerfile is responsible for: all of them but those inside the base image. */
    public long ownWastedBytes() {
        return baseWastedBytes == null ? wastedBytes : wastedBytes - baseWastedBytes;
    }

    /**
     * One layer, bottom first.
     *
     * @param index 0-based position in the image, bottom first
     * @param createdBy the history {@code created_by} of the step that made it, null when the image has no history
     * @param instruction {@code createdBy} as an instruction ({@code RUN apt-get …}, {@code COPY …})
     * @param contentBytes the sum of the regular files' sizes in this layer
     * @param filesAdded the non-directory entries this layer adds or replaces (whiteouts excluded)
     * @param pathsDeleted the whiteouts and opaque markers in this layer
     * @param wastedBytes bytes this layer adds that do not survive in the final filesystem
     * @param removedBytes bytes of lower layers that this layer deletes or overwrites (they stay in the image)
     * @param largestFiles the largest files this layer adds, largest first
     * @param largestDirectories the directories holding most of this layer's bytes, largest first; a
     *     directory is left out when one subdirectory holds 90% or more of its bytes (the subdirectory
     *     is listed instead)
     * @param step the Dockerfile instruction that made it, when a Dockerfile was matched
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Layer(int index, String diffId, String createdBy, String instruction, long contentBytes,
                        int filesAdded, int pathsDeleted, long wastedBytes, long removedBytes,
                        List<PathSize> largestFiles, List<PathSize> largestDirectories, DockerfileStep step) {
        public Layer {
            largestFiles = List.copyOf(largestFiles);
            largestDirectories = List.copyOf(largestDirectories);
        }

        public Layer withStep(DockerfileStep s) {
            return new Layer(index, diffId, createdBy, instruction, contentBytes, filesAdded, pathsDeleted,
                    wastedBytes, removedBytes, largestFiles, largestDirectories, s);
        }
    }

    /**
     * One entry of the config history, oldest first.
     *
     * @param layerIndex the layer it made, null for an empty layer (ENV, CMD, …)
     * @param step the matched Dockerfile instruction, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(int index, String createdBy, String instruction, boolean emptyLayer,
                               Integer layerIndex, DockerfileStep step) {
        public HistoryEntry withStep(DockerfileStep s) {
            return new HistoryEntry(index, createdBy, instruction, emptyLayer, layerIndex, s);
        }
    }

    public record PathSize(String path, long bytes) {
    }

    /** How a copy stopped being visible. */
    public enum Removal { DELETED, OVERWRITTEN }

    /** One wasted copy: {@code path} as added by layer {@code addedBy}, removed by layer {@code removedBy}. */
    public record WastedPath(String path, long bytes, int addedBy, int removedBy, Removal how) {
    }

    /** The wasted bytes that layer {@code addedBy} adds and layer {@code removedBy} deletes or overwrites. */
    public record Waste(int addedBy, int removedBy, long bytes, int paths, long deletedBytes, long overwrittenBytes,
                        String largestPath) {
    }

    /**
     * Something to fix, at the Dockerfile line of the layer that added the waste when it is known.
     *
     * @param ruleId the id reported in SARIF
     * @param level SARIF level: {@code warning} or {@code note}
     * @param line 1-based Dockerfile line, null when no Dockerfile was matched for this layer
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImageFinding(String ruleId, String level, String message, Integer line, Integer endLine,
                               int layer, Integer removedByLayer, long bytes) {
    }
}
