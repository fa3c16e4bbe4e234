package dev.dockdiet.size.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockdiet.size.engine.ImageReport.HistoryEntry;
import dev.dockdiet.size.engine.ImageReport.Layer;
import dev.dockdiet.size.engine.ImageReport.PathSize;
import dev.dockdiet.size.engine.ImageReport.Removal;
import dev.dockdiet.size.engine.ImageReport.Waste;
import dev.dockdiet.size.engine.ImageReport.WastedPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Measures an image: replays its layers like the overlay filesystem does and records, for every
 * path, which copies survive. See {@link ImageReport} for the exact definitions of the figures.
 */
public final class ImageAnalyzer {

    /** How many of the largest files, directories and wasted copies are listed. */
    public static final int TOP_FILES = 5;
    public static final int TOP_WASTED = 20;
    /** A waste below this is listed in the figures but gets no finding. */
    public static final long FINDING_MIN_BYTES = 1_000_000;

    private ImageAnalyzer() {
    }

    /** Analyses an image in the engine: {@code docker save} streamed, plus the engine's own size. */
    public static ImageReport analyze(DockerEngine engine, String image) {
        long engineSize = engine.imageSize(image);
        ImageArchive archive = engine.save(image);
        return analyze(archive, image, "engine", engineSize);
    }

    /** Analyses the output of {@code docker save} (docker-archive or OCI layout). */
    public static ImageReport analyze(Path tar) {
        return analyze(tar, ImageArchive.Limits.DEFAULT);
    }

    /** Analyses the output of {@code docker save}, reading it within {@code limits}. */
    public static ImageReport analyze(Path tar, ImageArchive.Limits limits) {
        return analyze(ImageArchive.read(tar, limits), tar.toString(), "tar", null);
    }

    public static ImageReport analyze(ImageArchive archive, String image, String source, Long engineSize) {
        List<ImageArchive.Layer> in = archive.layers();
        int n = in.size();
        long[] content = new long[n];
        long[] wasted = new long[n];
        long[] removed = new long[n];
        int[] added = new int[n];
        int[] deleted = new int[n];
        List<List<PathSize>> topFiles = new ArrayList<>();
        List<List<PathSize>> topDirs = new ArrayList<>();
        List<WastedPath> wastedPaths = new ArrayList<>();
        NavigableMap<String, Node> fs = new TreeMap<>();

        for (int i = 0; i < n; i++) {
            List<LayerEntry> entries = in.get(i).entries();
            // 1. whiteouts and opaque markers hide what lower layers put there
            for (LayerEntry e : entries) {
                if (e.isOpaqueMarker()) {
                    deleted[i]++;
                    removeChildren(fs, e.parent(), i, Removal.DELETED, wastedPaths);
                } else if (e.isWhiteout()) {
                    deleted[i]++;
                    String target = e.whitedOutPath();
                    remove(fs, target, i, Removal.DELETED, wastedPaths);
                    removeChildren(fs, target, i, Removal.DELETED, wastedPaths);
                }
            }
            // 2. this layer's own entries, in tar order; a repeated path in one tar: the last one wins
            DirSizes dirBytes = new DirSizes();
            List<PathSize> files = new ArrayList<>();
            for (LayerEntry e : entries) {
                if (e.isWhiteoutMetadata()) {
                    continue;
                }
                Node old = fs.get(e.path());
                if (e.kind() == LayerEntry.Kind.DIRECTORY) {
                    if (old != null && old.kind != LayerEntry.Kind.DIRECTORY && old.size > 0) {
                        remove(fs, e.path(), i, Removal.OVERWRITTEN, wastedPaths);
                    }
                    if (old == null || old.kind != LayerEntry.Kind.DIRECTORY) {
                        fs.put(e.path(), new Node(e.kind(), 0, i));
                    }
                    continue;
                }
                if (old != null) {
                    remove(fs, e.path(), i, Removal.OVERWRITTEN, wastedPaths);
                    if (old.kind == LayerEntry.Kind.DIRECTORY) {
                        removeChildren(fs, e.path(), i, Removal.OVERWRITTEN, wastedPaths);
                    }
                }
                fs.put(e.path(), new Node(e.kind(), e.size(), i));
                added[i]++;
                content[i] += e.size();
                if (e.size() > 0) {
                    files.add(new PathSize(e.path(), e.size()));
                    dirBytes.add(e.path(), e.size());
                }
            }
            files.sort(BY_SIZE);
            topFiles.add(List.copyOf(files.subList(0, Math.min(TOP_FILES, files.size()))));
            topDirs.add(dirBytes.largest());
        }

        Map<Long, long[]> pairs = new LinkedHashMap<>();
        Map<Long, WastedPath> pairLargest = new HashMap<>();
        long totalWasted = 0;
        for (WastedPath w : wastedPaths) {
            wasted[w.addedBy()] += w.bytes();
            removed[w.removedBy()] += w.bytes();
            totalWasted += w.bytes();
            // added * n + removed, not added << 32 | removed: Long's hash folds the halves together, so
            // (i, i + 1) pairs collided into one bucket and a layer listed many times took seconds
            long key = (long) w.addedBy() * n + w.removedBy();
            long[] agg = pairs.computeIfAbsent(key, k -> new long[4]);
            agg[0] += w.bytes();
            agg[1]++;
            agg[w.how() == Removal.DELETED ? 2 : 3] += w.bytes();
            pairLargest.merge(key, w, (a, b) -> b.bytes() > a.bytes() ? b : a);
        }
        List<Waste> wastes = new ArrayList<>();
        pairs.forEach((key, agg) -> {
            if (agg[0] > 0) {
                wastes.add(new Waste((int) (key / n), (int) (key % n), agg[0], (int) agg[1], agg[2], agg[3],
                        pairLargest.get(key).path()));
            }
        });
        wastes.sort(Comparator.comparingLong(Waste::bytes).reversed().thenComparingInt(Waste::addedBy));

        long total = 0;
        for (long c : content) {
            total += c;
        }
        JsonNode config = archive.configJson();
        List<HistoryEntry> history = history(config, n);
        String[] layerCreatedBy = new String[n];
        String[] layerInstruction = new String[n];
        for (HistoryEntry h : history) {
            if (h.layerIndex() != null) {
                layerCreatedBy[h.layerIndex()] = h.createdBy();
                layerInstruction[h.layerIndex()] = h.instruction();
            }
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String cb = layerCreatedBy[i];
            layers.add(new Layer(i, in.get(i).diffId(), cb, layerInstruction[i],
                    content[i], added[i], deleted[i], wasted[i], removed[i], topFiles.get(i), topDirs.get(i), null));
        }
        List<WastedPath> largestWasted = new ArrayList<>(wastedPaths);
        largestWasted.sort(Comparator.comparingLong(WastedPath::bytes).reversed().thenComparing(WastedPath::path));
        double efficiency = total == 0 ? 1.0 : 1.0 - (double) totalWasted / total;
        ImageReport report = new ImageReport(image, source, archive.configDigest(), archive.repoTags(),
                config.path("os").asText(null), config.path("architecture").asText(null), total, engineSize,
                total - totalWasted, totalWasted, null, efficiency, layers, history,
                largestWasted.subList(0, Math.min(TOP_WASTED, largestWasted.size())), wastedPaths.size(), wastes,
                List.of(), null);
        return report.withDockerfile(null, layers, history, WasteFindings.of(report));
    }

    /** History oldest first; the i-th non-empty entry made layer i (as docker and dive pair them). */
    private static List<HistoryEntry> history(JsonNode config, int layers) {
        List<HistoryEntry> out = new ArrayList<>();
        int layer = 0;
        int i = 0;
        for (JsonNode h : config.path("history")) {
            boolean empty = h.path("empty_layer").asBoolean(false);
            Integer idx = null;
            if (!empty && layer < layers) {
                idx = layer++;
            }
            String cb = h.path("created_by").asText("");
            String shown = CreatedBy.parse(cb).display();
            if (shown.isBlank() && !h.path("comment").asText("").isBlank()) {
                shown = h.path("comment").asText(); // docker import: "Imported from -"
            }
            out.add(new HistoryEntry(i++, cb, shown, empty, idx, null));
        }
        return out;
    }

    private static final Comparator<PathSize> BY_SIZE =
            Comparator.comparingLong(PathSize::bytes).reversed().thenComparing(PathSize::path);

    /**
     * The bytes under each directory of one layer, as a tree of path segments: adding a file costs
     * its path's length, not its depth times its length (a 100,000-deep path would otherwise copy
     * every ancestor's name), so a hostile layer costs time and memory linear in its size.
     */
    private static final class DirSizes {
        private final Dir root = new Dir(null, "");
        private final List<Dir> all = new ArrayList<>();

        private static final class Dir {
            final Dir parent;
            final String name;
            final Map<String, Dir> children = new HashMap<>(4);
            long bytes;
            long maxChild;

            Dir(Dir parent, String name) {
                this.parent = parent;
                this.name = name;
            }

            String path() {
                List<String> parts = new ArrayList<>();
                for (Dir d = this; d.parent != null; d = d.parent) {
                    parts.add(d.name);
                }
                StringBuilder b = new StringBuilder();
                for (int i = parts.size() - 1; i >= 0; i--) {
                    b.append('/').append(parts.get(i));
                }
                return b.toString();
            }
        }

        /** Adds a file's bytes to every directory above it but the root. */
        void add(String file, long bytes) {
            Dir d = root;
            int start = 1;
            int end = file.lastIndexOf('/');
            while (start < end) {
                int slash = file.indexOf('/', start);
                if (slash < 0 || slash > end) {
                    slash = end;
                }
                String seg = file.substring(start, slash);
                Dir parent = d;
                d = parent.children.get(seg);
                if (d == null) {
                    d = new Dir(parent, seg);
                    parent.children.put(seg, d);
                    all.add(d);
                }
                d.bytes += bytes;
                start = slash + 1;
            }
        }

        /** The largest directories that are not almost all one child (under 90% in one subdirectory). */
        List<PathSize> largest() {
            for (Dir d : all) {
                if (d.parent != root) {
                    d.parent.maxChild = Math.max(d.parent.maxChild, d.bytes);
                }
            }
            List<Dir> picked = new ArrayList<>();
            for (Dir d : all) {
                if (d.maxChild < 0.9 * d.bytes) {
                    picked.add(d);
                }
            }
            picked.sort(Comparator.comparingLong((Dir d) -> d.bytes).reversed());
            // only the top few, and those tied with the last of them, need their path (the tie-break)
            int keep = Math.min(TOP_FILES, picked.size());
            while (keep < picked.size() && keep > 0 && picked.get(keep).bytes == picked.get(keep - 1).bytes) {
                keep++;
            }
            List<PathSize> out = new ArrayList<>();
            for (Dir d : picked.subList(0, keep)) {
                out.add(new PathSize(d.path(), d.bytes));
            }
            out.sort(BY_SIZE);
            return List.copyOf(out.subList(0, Math.min(TOP_FILES, out.size())));
        }
    }

    private static void remove(NavigableMap<String, Node> fs, String path, int by, Removal how, List<WastedPath> out) {
        Node old = fs.remove(path);
        if (old != null && old.kind != LayerEntry.Kind.DIRECTORY && old.size > 0) {
            out.add(new WastedPath(path, old.size, old.layer, by, how));
        }
    }

    private static void removeChildren(NavigableMap<String, Node> fs, String dir, int by, Removal how,
                                       List<WastedPath> out) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        String end = dir.equals("/") ? "0" : dir + "0"; // '0' sorts right after '/'
        NavigableMap<String, Node> sub = fs.subMap(prefix, true, end, false);
        for (Map.Entry<String, Node> e : sub.entrySet()) {
            if (e.getValue().kind != LayerEntry.Kind.DIRECTORY && e.getValue().size > 0) {
                out.add(new WastedPath(e.getKey(), e.getValue().size, e.getValue().layer, by, how));
            }
        }
        sub.clear();
    }

    static String parentOf(String path) {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }

    private record Node(LayerEntry.Kind kind, long size, int layer) {
    }
}
