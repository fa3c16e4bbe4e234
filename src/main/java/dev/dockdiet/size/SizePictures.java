package dev.dockdiet.size;

import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Savings.SizeKind;
import dev.dockdiet.syntax.ImageRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link SizePicture} that ends a file's report. */
public final class SizePictures {

    private SizePictures() {
    }

    /** The prefix of {@link Savings#change()} for a change of the final base: {@code base FROM -> TO}. */
    public static final String BASE_CHANGE = "base ";

    /** The change key of moving the final base from one image to another. */
    public static String baseChange(String from, String to) {
        return BASE_CHANGE + from + " -> " + to;
    }

    /** The image a base change moves to; null when the key is not a base change. */
    public static String baseChangeTarget(String change) {
        if (change == null || !change.startsWith(BASE_CHANGE)) {
            return null;
        }
        int arrow = change.indexOf(" -> ");
        return arrow < 0 ? null : change.substring(arrow + 4);
    }

    /**
     * One size suggestion of the file.
     *
     * @param ruleId e.g. {@code DD101}
     * @param description one line, e.g. {@code node:18 -> node:18-slim}
     * @param savings its expected saving, or null when unknown. It carries its {@link SizeKind}, so a
     *     compressed saving is never added to an uncompressed base.
     */
    public record Item(String ruleId, String description, Savings savings) {
    }

    /** As {@link #build(String, ImageMatch, List, KnowledgeBase)}, with an optional match. */
    public static SizePicture build(String finalBase, Optional<ImageMatch> base, List<Item> items) {
        return build(finalBase, base.orElse(null), items, KnowledgeBase.get());
    }

    /** As {@link #build(String, ImageMatch, List, KnowledgeBase)} with the embedded knowledge base. */
    public static SizePicture build(String finalBase, ImageMatch base, List<Item> items) {
        return build(finalBase, base, items, KnowledgeBase.get());
    }

    /**
     * The size picture of a file.
     *
     * <p>The picture's kind is the kind of the base's figure (or range); when the base has both, the
     * kind every known saving shares (compressed when both fit). Suggestions are one line per rule and
     * description; a saving another line already counts ({@link Savings#sharedWith()}) is named, not
     * added. The final base after applying them is the target of the base change (when a suggestion
     * changes the base) and its size is looked up for that image, so the estimate is never smaller than
     * the image it runs on; what the other suggestions save comes off the file's own layers and is
     * reported beside it.
     *
     * @param finalBase the final stage's base as written (after ARG expansion)
     * @param base its match, or null when the image is not in the knowledge base
     */
    public static SizePicture build(String finalBase, ImageMatch base, List<Item> items, KnowledgeBase kb) {
        SizeKind kind = chooseKind(base, items);
        long[] baseSize = size(base, kind);
        String basis = null;
        String source = null;
        String asOf = null;
        if (base != null && kind != null) {
            Optional<SizeFigure> f = base.figure(kind);
            if (f.isPresent()) {
                basis = f.get().basis() + (f.get().platform().equals("unspecified") ? "" : ", " + f.get().platform());
                source = f.get().source();
                asOf = f.get().asOf();
            } else if (base.range() != null && base.range().kind() == kind) {
                basis = base.range().describe();
                source = base.range().source();
                asOf = base.range().firstAsOf() + "/" + base.range().lastAsOf();
            }
        }
        String platformNote = base == null || base.platform() == null ? null
                : "the figures are for linux/amd64; " + finalBase + " is " + base.platform();

        Map<String, SizePicture.Suggestion> lines = new LinkedHashMap<>();
        String afterImage = finalBase;
        String target = null;
        boolean layersKnown = true;
        boolean anyLayer = false;
        long layerMin = 0;
        long layerMax = 0;
        for (Item item : items) {
            Savings s = item.savings();
            String t = s == null || s.sharedWith() != null ? null : baseChangeTarget(s.change());
            if (t != null && (target == null || item.ruleId().equals("DD102"))) {
                target = t;
            }
            if (t == null && (s == null || s.sharedWith() == null)) {
                anyLayer = true;
                if (s == null || s.kind() != kind) {
                    layersKnown = false;
                } else {
                    layerMin += s.bytes();
                    layerMax += s.upTo();
                }
            }
            String key = item.ruleId() + "\u0000" + item.description();
            SizePicture.Suggestion old = lines.get(key);
            Long min = s == null ? null : s.bytes();
            Long max = s == null ? null : s.upTo();
            if (old != null) {
                boolean known = old.savedBytes() != null && min != null && old.kind() == s.kind();
                lines.put(key, new SizePicture.Suggestion(item.ruleId(), item.description(),
                        known ? old.savedBytes() + min : null, known ? old.savedBytesMax() + max : null,
                        known ? old.kind() : null, old.sharedWith(), old.count() + 1));
            } else {
                lines.put(key, new SizePicture.Suggestion(item.ruleId(), item.description(), min, max,
                        s == null ? null : s.kind(), s == null ? null : s.sharedWith(), 1));
            }
        }
        Long after = baseSize == null ? null : baseSize[0];
        Long afterMax = baseSize == null ? null : baseSize[1];
        if (target != null) {
            afterImage = target;
            ImageRef ref = ImageRef.parse(target);
            ImageMatch m = ref == null || kb == null ? null : kb.match(ref).orElse(null);
            long[] t = size(m, kind);
            after = t == null ? null : t[0];
            afterMax = t == null ? null : t[1];
        }
        return new SizePicture(finalBase, baseSize == null ? null : baseSize[0], baseSize == null ? null : baseSize[1],
                kind, source, asOf, basis, platformNote, new ArrayList<>(lines.values()), afterImage, after, afterMax,
                anyLayer && layersKnown ? layerMin : null, anyLayer && layersKnown ? layerMax : null);
    }

    /** The size of a match in one kind: {min, max}, a point when measured; null when unknown. */
    static long[] size(ImageMatch m, SizeKind kind) {
        if (m == null || kind == null) {
            return null;
        }
        Optional<SizeFigure> f = m.figure(kind);
        if (f.isPresent()) {
            return new long[] {f.get().bytes(), f.get().bytes()};
        }
        if (m.figures().isEmpty() && m.range() != null && m.range().kind() == kind) {
            return new long[] {m.range().minBytes(), m.range().maxBytes()};
        }
        // a layer's gzip is never larger than the layer: an on-disk figure bounds the pull size
        Optional<SizeFigure> disk = m.figure(SizeKind.UNCOMPRESSED);
        if (kind == SizeKind.COMPRESSED && disk.isPresent()) {
            return new long[] {0, disk.get().bytes()};
        }
        if (kind == SizeKind.COMPRESSED && m.figures().isEmpty() && m.range() != null
                && m.range().kind() == SizeKind.UNCOMPRESSED) {
            return new long[] {0, m.range().maxBytes()};
        }
        return null;
    }

    private static SizeKind chooseKind(ImageMatch base, List<Item> items) {
        List<SizeKind> savingKinds = new ArrayList<>();
        for (Item item : items) {
            if (item.savings() != null && !savingKinds.contains(item.savings().kind())) {
                savingKinds.add(item.savings().kind());
            }
        }
        List<SizeKind> baseKinds = new ArrayList<>();
        if (base != null) {
            for (SizeFigure f : base.figures()) {
                baseKinds.add(f.kind());
            }
            if (baseKinds.isEmpty() && base.range() != null) {
                baseKinds.add(base.range().kind());
            }
        }
        if (baseKinds.isEmpty()) {
            // nothing to add to; the suggestions keep the first kind seen, the others show as unknown
            return savingKinds.isEmpty() ? null : savingKinds.get(0);
        }
        if (savingKinds.size() == 1 && baseKinds.contains(savingKinds.get(0))) {
            return savingKinds.get(0);
        }
        return baseKinds.get(0);
    }
}
