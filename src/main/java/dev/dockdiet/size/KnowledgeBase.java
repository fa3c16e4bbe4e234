package dev.dockdiet.size;

import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Savings.SizeKind;
import dev.dockdiet.size.KbModel.AltSpec;
import dev.dockdiet.size.KbModel.Family;
import dev.dockdiet.size.KbModel.Figure;
import dev.dockdiet.size.KbModel.ImagePattern;
import dev.dockdiet.size.KbModel.Parsed;
import dev.dockdiet.size.KbModel.Variant;
import dev.dockdiet.syntax.ImageRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.dockdiet.syntax.GlobMatcher;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded size knowledge base: base-image families and variants, their sizes (each with kind,
 * platform, date and source), the runtime they serve, their slimmer alternatives and the traps of
 * each. Lint needs neither network nor Docker.
 *
 * <p>{@link #get()} loads {@code dockdiet/rules/base-images.json} from the classpath on first use,
 * with a small hand-written JSON reader (no Jackson on this path). Instances are immutable and thread-safe;
 * {@link #withExtra} returns a copy that also knows the user's private bases.
 *
 * <p>The matching rules are documented in {@code rules/size-knowledge-base.md}; in short, a figure is
 * given only for the family, variant and version line it was measured on, and never across kinds.
 */
public final class KnowledgeBase {

    /** Classpath location of the embedded data (the pom copies {@code rules/} to {@code dockdiet/rules/}). */
    public static final String RESOURCE = "/dockdiet/rules/base-images.json";

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?(/\\d{4}(-\\d{2}(-\\d{2})?)?)?");

    private static final class Holder {
        static final KnowledgeBase INSTANCE = loadEmbedded();
    }

    private final List<Family> families;
    private final List<Extra> extras;

    private KnowledgeBase(List<Family> families, List<Extra> extras) {
        this.families = families;
        this.extras = extras;
    }

    /** The embedded knowledge base, loaded once. */
    public static KnowledgeBase get() {
        return Holder.INSTANCE;
    }

    private static KnowledgeBase loadEmbedded() {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the size knowledge base " + RESOURCE + " is missing from the classpath");
            }
            return load(in, RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the size knowledge base " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a knowledge base in the format of {@code rules/base-images.json}.
     *
     * @param name used in error messages
     * @throws IOException when the JSON is malformed or its content inconsistent (the message says where)
     */
    public static KnowledgeBase load(InputStream in, String name) throws IOException {
        try {
            return new KnowledgeBase(build(Json.obj(Json.read(in), name), name), List.of());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
    }

    // ---- public API ---------------------------------------------------------------------------

    /** Names of the families known, e.g. {@code node}, {@code dotnet/sdk}, {@code distroless/static}. */
    public List<String> families() {
        List<String> names = new ArrayList<>();
        for (Extra e : extras) {
            names.add(e.family);
        }
        for (Family f : families) {
            names.add(f.name);
        }
        return Collections.unmodifiableList(names);
    }

    /** Variant names of a family, in the data's order; empty for an unknown family or a private base. */
    public List<String> variants(String family) {
        for (Family f : families) {
            if (f.name.equals(family)) {
                List<String> out = new ArrayList<>();
                for (Variant v : f.variants) {
                    out.add(v.name);
                }
                return out;
            }
        }
        return List.of();
    }

    /**
     * A copy of this knowledge base that also knows the user's private bases. They are checked before
     * the built-in families, so an entry for an official image (name {@code node}) overrides it.
     *
     * @throws IllegalArgumentException naming the entry ({@code images[2] (name)}) and what is wrong
     */
    public KnowledgeBase withExtra(List<ExtraImage> extra) {
        List<Extra> all = new ArrayList<>();
        for (int i = 0; i < extra.size(); i++) {
            all.add(Extra.of(extra.get(i), i));
        }
        all.addAll(extras);
        return new KnowledgeBase(families, List.copyOf(all));
    }

    /**
     * What is known about an image. Empty when the image is not in the knowledge base: its size is
     * unknown, and nothing is guessed.
     */
    public Optional<ImageMatch> match(ImageRef ref) {
        if (ref == null) {
            return Optional.empty();
        }
        for (Extra e : extras) {
            if (e.matches(ref)) {
                return Optional.of(e.toMatch(ref, resolve(OfficialImages.normalise(ref))));
            }
        }
        ImageRef norm = OfficialImages.normalise(ref);
        Resolved r = resolve(norm);
        if (r == null) {
            return Optional.empty();
        }
        Family f = r.family;
        Variant v = r.variant;
        boolean toolchain = v != null && v.toolchain != null ? v.toolchain : f.toolchain;
        List<SizeFigure> figs = figures(r);
        SizeRange range = figs.isEmpty() && v != null ? range(f, v, r.bindings) : null;
        return Optional.of(new ImageMatch(ref, f.name, v == null ? null : v.name, r.parsed.version(), r.parsed.os(),
                f.runtime, toolchain, f.deprecated, figs, v == null ? List.of() : v.traps, f.note, false, range,
                OfficialImages.platformOf(ref)));
    }

    /** Where a reference lands in the knowledge base; for the generator (which places measured tags) and tests. */
    record Placement(String family, String variant, List<String> tokens, String version, String os,
                     Map<String, String> bindings) {
    }

    /** The family, variant and tag reading of a reference; null when no family matches. */
    Placement place(ImageRef ref) {
        Resolved r = resolve(OfficialImages.normalise(ref));
        if (r == null) {
            return null;
        }
        return new Placement(r.family.name, r.variant == null ? null : r.variant.name, r.parsed.tokens(),
                r.family.canonicalVersion(r.parsed.version()), r.parsed.os(), r.bindings);
    }

    /**
     * Everything measured for the family of a match, variant by variant: the headline figures with the
     * older ones of the same slot as history. For {@code dockdiet sizes}.
     */
    public List<Measured> measured(ImageMatch m) {
        List<Measured> out = new ArrayList<>();
        if (m == null || m.userDefined()) {
            return out;
        }
        for (Family f : families) {
            if (!f.name.equals(m.family())) {
                continue;
            }
            for (Variant v : f.variants) {
                for (Figure x : v.figures) {
                    List<Measured.Old> history = new ArrayList<>();
                    for (KbModel.History h : x.history) {
                        history.add(new Measured.Old(h.image(), h.bytes(), h.asOf(), h.source()));
                    }
                    out.add(new Measured(v.name, x.toFigure(SizeFigure.Fit.EXACT), history));
                }
            }
        }
        return out;
    }

    /** One measured figure of a family, with the older figures of the same slot. */
    public record Measured(String variant, SizeFigure figure, List<Old> history) {
        /** An older figure. */
        public record Old(String image, long bytes, String asOf, String source) {
        }
    }

    /**
     * Slimmer images serving the same runtime, in order of preference, keeping the user's pinned
     * version and tag style. Empty when the variant is unknown or none is slimmer.
     */
    public List<Alternative> alternatives(ImageMatch base) {
        List<Alternative> out = new ArrayList<>();
        if (base.userDefined()) {
            for (Extra e : extras) {
                if (e.matches(base.ref())) {
                    for (String image : e.alternatives) {
                        addAlternative(out, base, ImageRef.parse(image), List.of(), null);
                    }
                    break;
                }
            }
            if (!out.isEmpty() || resolve(OfficialImages.normalise(base.ref())) == null) {
                return out;
            }
            // a private entry for an official image that names no alternatives keeps the built-in ones
        }
        Resolved r = resolve(OfficialImages.normalise(base.ref()));
        if (r == null || r.variant == null) {
            return out;
        }
        for (AltSpec spec : r.variant.alternatives) {
            String image = spec.render(r.parsed, r.bindings);
            if (image != null) {
                addAlternative(out, base, ImageRef.parse(image), spec.traps, spec.note);
            }
        }
        return out;
    }

    /**
     * The saving of moving from {@code from} to the alternative {@code to}; see {@link #saving(ImageMatch, ImageMatch)}.
     */
    public Optional<Savings> saving(ImageMatch from, Alternative to) {
        if (from == null || to == null || to.ref() == null) {
            return Optional.empty();
        }
        return saving(from, match(to.ref()).orElse(null));
    }

    /**
     * The saving of moving the final base from {@code from} to {@code to}, in the first kind (compressed
     * first) both have a size of: each side's figure, or the range of its variant's measured lines when
     * the tag has none. A range on either side gives a range ({@code from.min - to.max} ..
     * {@code from.max - to.min}). Present only when the whole range is a saving; its {@code change} is
     * the base change, so findings proposing the same move share it.
     */
    public Optional<Savings> saving(ImageMatch from, ImageMatch to) {
        if (from == null || to == null) {
            return Optional.empty();
        }
        for (SizeKind k : List.of(SizeKind.COMPRESSED, SizeKind.UNCOMPRESSED)) {
            long[] a = SizePictures.size(from, k);
            long[] b = SizePictures.size(to, k);
            if (a == null || b == null) {
                continue;
            }
            long min = a[0] - b[1];
            long max = a[1] - b[0];
            if (min <= 0) {
                continue; // not a sure saving in this kind; the other kind may say more
            }
            String sa = sourceOf(from, k);
            String sb = sourceOf(to, k);
            String source = sa.equals(sb) ? sa : sa + " ; " + sb;
            return Optional.of(new Savings(min, k, source, combineDates(dateOf(from, k), dateOf(to, k)), max,
                    SizePictures.baseChange(from.ref().familiar(), to.ref().familiar()), null));
        }
        return Optional.empty();
    }

    // the figure of that kind, else the range, else the on-disk figure or range that bounds it (SizePictures.size)
    private static String sourceOf(ImageMatch m, SizeKind k) {
        if (m.figure(k).isPresent()) {
            return m.figure(k).get().source();
        }
        if (m.figure(SizeKind.UNCOMPRESSED).isPresent()) {
            return m.figure(SizeKind.UNCOMPRESSED).get().source() + " (on-disk size, an upper bound of the pull size)";
        }
        return m.range().source() + (m.range().kind() == k ? "" : " (on-disk sizes, an upper bound of the pull size)");
    }

    private static String dateOf(ImageMatch m, SizeKind k) {
        if (m.figure(k).isPresent()) {
            return m.figure(k).get().asOf();
        }
        if (m.figure(SizeKind.UNCOMPRESSED).isPresent()) {
            return m.figure(SizeKind.UNCOMPRESSED).get().asOf();
        }
        return m.range().firstAsOf().equals(m.range().lastAsOf()) ? m.range().firstAsOf()
                : m.range().firstAsOf() + "/" + m.range().lastAsOf();
    }

    /** One ISO-8601 date, or the interval spanning both (each may itself be an interval). */
    static String combineDates(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        List<String> parts = new ArrayList<>(List.of(a.split("/")));
        parts.addAll(List.of(b.split("/")));
        Collections.sort(parts);
        return parts.get(0) + "/" + parts.get(parts.size() - 1);
    }

    // ---- matching -----------------------------------------------------------------------------

    private record Resolved(Family family, Parsed parsed, Variant variant, Map<String, String> bindings) {
    }

    private Resolved resolve(ImageRef ref) {
        for (Family f : families) {
            for (ImagePattern p : f.images) {
                Matcher m = p.match(ref.registry(), ref.repository());
                if (m == null) {
                    continue;
                }
                String repoVersion = p.hasVersionGroup() ? m.group("version") : null;
                String repoOs = p.hasOsGroup() ? m.group("os") : null;
                String tag = ref.tag() != null ? ref.tag() : (ref.digest() == null ? "latest" : null);
                Parsed parsed = f.parse(tag, repoVersion, repoOs);
                if (parsed.tagKnown()) {
                    for (Variant v : f.variants) {
                        Map<String, String> b = v.bind(parsed.tokens());
                        if (b != null) {
                            return new Resolved(f, parsed, v, b);
                        }
                    }
                }
                return new Resolved(f, parsed, null, Map.of());
            }
        }
        return null;
    }

    /**
     * The figures that apply: same variant and bindings (maven's JDK version), the version covered,
     * and the OS release equal to the measured one; when the tag names no OS release, a figure
     * measured on an explicit one applies as {@link SizeFigure.Fit#DEFAULT_OS}. Per kind, an exact
     * figure wins; two candidates with different sizes cancel out (ambiguous: unknown).
     */
    private static List<SizeFigure> figures(Resolved r) {
        if (r.variant == null) {
            return List.of();
        }
        String version = r.family.canonicalVersion(r.parsed.version());
        String os = r.parsed.os();
        Map<SizeKind, List<Figure>> exact = new LinkedHashMap<>();
        Map<SizeKind, List<Figure>> byDefault = new LinkedHashMap<>();
        for (Figure fig : r.variant.figures) {
            if (!fig.bindings.equals(r.bindings)) {
                continue;
            }
            int rank = fig.rank(version);
            if (rank == 0) {
                continue;
            }
            if (os != null) {
                if (os.equals(fig.os) || os.equals(fig.measuredOs)) {
                    add(exact, fig, rank, version);
                }
            } else if (fig.os == null) {
                add(exact, fig, rank, version);
            } else {
                add(byDefault, fig, rank, version);
            }
        }
        List<SizeFigure> out = new ArrayList<>();
        for (SizeKind kind : List.of(SizeKind.COMPRESSED, SizeKind.UNCOMPRESSED)) {
            Figure chosen = unambiguous(exact.get(kind));
            SizeFigure.Fit fit = SizeFigure.Fit.EXACT;
            if (chosen == null && exact.get(kind) == null) {
                chosen = unambiguous(byDefault.get(kind));
                if (chosen == null) {
                    chosen = newest(byDefault.get(kind));
                }
                fit = SizeFigure.Fit.DEFAULT_OS;
            }
            if (chosen != null) {
                out.add(chosen.toFigure(fit));
            }
        }
        return out;
    }

    /**
     * The span of the variant's measured figures (headline figures only, compressed when there are
     * any), for a tag that has no figure of its own; null when the variant has none.
     */
    private static SizeRange range(Family f, Variant v, Map<String, String> bindings) {
        for (SizeKind kind : List.of(SizeKind.COMPRESSED, SizeKind.UNCOMPRESSED)) {
            List<Figure> lines = new ArrayList<>();
            List<Figure> any = new ArrayList<>();
            for (Figure x : v.figures) {
                if (x.kind == kind && x.bindings.equals(bindings)) {
                    any.add(x);
                    if (x.line() != null) {
                        lines.add(x);
                    }
                }
            }
            List<Figure> use = lines.isEmpty() ? any : lines;
            if (use.isEmpty()) {
                continue;
            }
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            String firstLine = null;
            String lastLine = null;
            String firstDate = null;
            String lastDate = null;
            Set<String> sources = new HashSet<>();
            for (Figure x : use) {
                min = Math.min(min, x.bytes);
                max = Math.max(max, x.bytes);
                String line = x.line();
                if (line != null) {
                    firstLine = firstLine == null || compareVersions(line, firstLine) < 0 ? line : firstLine;
                    lastLine = lastLine == null || compareVersions(line, lastLine) > 0 ? line : lastLine;
                }
                String start = x.asOf.split("/")[0];
                String end = x.asOf.contains("/") ? x.asOf.split("/")[1] : x.asOf;
                firstDate = firstDate == null || start.compareTo(firstDate) < 0 ? start : firstDate;
                lastDate = lastDate == null || end.compareTo(lastDate) > 0 ? end : lastDate;
                sources.add(x.source.startsWith("https://github.com/docker-library/repo-info")
                        ? "https://github.com/docker-library/repo-info" : x.source);
            }
            String source = sources.size() == 1 ? sources.iterator().next() : String.join(" ; ", new java.util.TreeSet<>(sources));
            return new SizeRange(f.name, v.name, kind, min, max, firstLine, lastLine, firstDate, lastDate, use.size(), source);
        }
        return null;
    }

    /** Numeric comparison of dotted versions ({@code 1.9 < 1.19}); non-numeric parts compare as text. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            if (x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")) {
                c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    // keeps, per kind, only the figures that stand for the version most closely (rank)
    private static void add(Map<SizeKind, List<Figure>> byKind, Figure fig, int rank, String version) {
        List<Figure> list = byKind.get(fig.kind);
        if (list == null) {
            list = new ArrayList<>();
            byKind.put(fig.kind, list);
        }
        if (!list.isEmpty()) {
            int best = list.get(0).rank(version);
            if (rank < best) {
                return;
            }
            if (rank > best) {
                list.clear();
            }
        }
        list.add(fig);
    }

    /**
     * For a tag that names no release, measured on several: the one measured last, which is what the
     * floating tag pointed to most recently; null when two share the newest date.
     */
    private static Figure newest(List<Figure> candidates) {
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        Figure best = null;
        boolean tie = false;
        for (Figure f : candidates) {
            String end = f.asOf.contains("/") ? f.asOf.substring(f.asOf.indexOf('/') + 1) : f.asOf;
            String bestEnd = best == null ? null : best.asOf.contains("/") ? best.asOf.substring(best.asOf.indexOf('/') + 1) : best.asOf;
            int c = best == null ? 1 : end.compareTo(bestEnd);
            if (c > 0) {
                best = f;
                tie = false;
            } else if (c == 0 && f.bytes != best.bytes) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static Figure unambiguous(List<Figure> candidates) {
        if (candidates == null || candidates.isEmpty()) {
            return null;
        }
        Figure first = candidates.get(0);
        for (Figure f : candidates) {
            if (f.bytes != first.bytes) {
                return null;
            }
        }
        return first;
    }

    private void addAlternative(List<Alternative> out, ImageMatch base, ImageRef ref, List<Trap> extraTraps, String note) {
        if (ref == null || ref.familiar().equals(base.ref().familiar())) {
            return;
        }
        for (Alternative a : out) {
            if (a.image().equals(ref.familiar())) {
                return;
            }
        }
        ImageMatch m = match(ref).orElse(null);
        SizeFigure figure = null;
        Long saving = null;
        if (base.sizeKnown()) {
            for (SizeFigure bf : base.figures()) {
                Optional<SizeFigure> af = m == null ? Optional.empty() : m.figure(bf.kind());
                if (af.isPresent()) {
                    figure = af.get();
                    saving = bf.bytes() - figure.bytes();
                    break;
                }
            }
        } else if (m != null) {
            figure = m.figure().orElse(null);
        }
        List<Trap> traps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Trap t : m == null ? List.<Trap>of() : m.traps()) {
            if (seen.add(t.id())) {
                traps.add(t);
            }
        }
        for (Trap t : extraTraps) {
            if (seen.add(t.id())) {
                traps.add(t);
            }
        }
        out.add(new Alternative(ref.familiar(), ref, m == null ? null : m.family(), m == null ? null : m.variant(),
                figure, saving, traps, note));
    }

    // ---- user extras --------------------------------------------------------------------------

    private static final class Extra {
        String family;
        String registry;
        String repository;
        GlobMatcher tag;
        boolean anyTag;
        SizeFigure figure;
        ImageRuntime runtime;
        boolean toolchain;
        boolean runtimeDeclared;
        boolean toolchainDeclared;
        List<String> alternatives;

        static Extra of(ExtraImage x, int index) {
            String at = "images[" + index + "]" + (x == null || x.name() == null ? "" : " (" + x.name() + ")");
            if (x == null || x.name() == null || x.name().isBlank()) {
                throw new IllegalArgumentException(at + ": 'name' is required");
            }
            ImageRef ref = ImageRef.parse(x.name());
            if (ref == null || ref.tag() != null || ref.digest() != null) {
                throw new IllegalArgumentException(at + ": 'name' must be an image name without tag or digest; put the tag in 'tag'");
            }
            Extra e = new Extra();
            e.family = ref.familiarName();
            e.registry = ref.registry();
            e.repository = ref.repository();
            String glob = x.tagPattern() == null || x.tagPattern().isBlank() ? "*" : x.tagPattern().trim();
            e.anyTag = glob.equals("*");
            e.tag = globToRegex(glob);
            if (x.bytes() != null) {
                if (x.bytes() < 0) {
                    throw new IllegalArgumentException(at + ": 'bytes' must not be negative");
                }
                SizeKind kind;
                String k = x.kind() == null ? "" : x.kind().trim().toLowerCase(Locale.ROOT);
                if (k.equals("compressed")) {
                    kind = SizeKind.COMPRESSED;
                } else if (k.equals("uncompressed")) {
                    kind = SizeKind.UNCOMPRESSED;
                } else {
                    throw new IllegalArgumentException(at + ": 'kind' must be compressed or uncompressed when 'bytes' is given");
                }
                if (x.source() == null || x.source().isBlank()) {
                    throw new IllegalArgumentException(at + ": 'source' is required when 'bytes' is given (a URL or 'measured: ...')");
                }
                if (x.asOf() == null || !ISO_DATE.matcher(x.asOf().trim()).matches()) {
                    throw new IllegalArgumentException(at + ": 'asOf' must be an ISO-8601 date (e.g. 2026-05-02) when 'bytes' is given");
                }
                e.figure = new SizeFigure(e.family + ":" + glob, kind, x.bytes(), "unspecified", x.asOf().trim(),
                        x.source().trim(), "declared in .dockdiet.yaml", "user", SizeFigure.Fit.EXACT);
            }
            try {
                e.runtime = x.runtime() == null ? ImageRuntime.NONE : ImageRuntime.fromLabel(x.runtime());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(at + ": " + ex.getMessage(), ex);
            }
            e.toolchain = Boolean.TRUE.equals(x.toolchain());
            e.runtimeDeclared = x.runtime() != null;
            e.toolchainDeclared = x.toolchain() != null;
            for (String alt : x.alternatives()) {
                if (ImageRef.parse(alt) == null) {
                    throw new IllegalArgumentException(at + ": alternative '" + alt + "' is not an image reference");
                }
            }
            e.alternatives = x.alternatives();
            return e;
        }

        boolean matches(ImageRef ref) {
            if (!registry.equals(ref.registry()) || !repository.equals(ref.repository())) {
                return false;
            }
            String t = ref.tag() != null ? ref.tag() : (ref.digest() == null ? "latest" : null);
            return t == null ? anyTag : tag.matches(t);
        }

        /**
         * The match of a private entry. An entry for an image the knowledge base knows (an official
         * image, or a mirror of one) keeps what it does not say itself: family, variant, runtime,
         * toolchain, traps, and the built-in figures when it gives no bytes.
         */
        ImageMatch toMatch(ImageRef ref, Resolved builtIn) {
            if (builtIn == null) {
                return new ImageMatch(ref, family, null, ref.tag(), null, runtime, toolchain, false,
                        figure == null ? List.of() : List.of(figure), List.of(), null, true);
            }
            Variant v = builtIn.variant;
            boolean builtInToolchain = v != null && v.toolchain != null ? v.toolchain : builtIn.family.toolchain;
            List<SizeFigure> figs = figure != null ? List.of(figure) : figures(builtIn);
            SizeRange range = figs.isEmpty() && v != null ? range(builtIn.family, v, builtIn.bindings) : null;
            return new ImageMatch(ref, builtIn.family.name, v == null ? null : v.name, builtIn.parsed.version(),
                    builtIn.parsed.os(), runtimeDeclared ? runtime : builtIn.family.runtime,
                    toolchainDeclared ? toolchain : builtInToolchain, builtIn.family.deprecated, figs,
                    v == null ? List.of() : v.traps, builtIn.family.note, true, range, OfficialImages.platformOf(ref));
        }

        private static GlobMatcher globToRegex(String glob) {
            return GlobMatcher.wildcard(glob, false);
        }
    }

    // ---- loading ------------------------------------------------------------------------------

    private static List<Family> build(Map<String, Object> root, String name) {
        Map<String, Trap> traps = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : Json.obj(root.get("traps"), name + " traps").entrySet()) {
            traps.put(e.getKey(), new Trap(e.getKey(), String.valueOf(e.getValue())));
        }
        List<Family> families = new ArrayList<>();
        for (Object o : Json.list(root, "families", name)) {
            Map<String, Object> fm = Json.obj(o, name + " family");
            Family f = new Family();
            f.name = Json.str(fm, "family", name + " family");
            String at = "family " + f.name;
            for (Object io : Json.list(fm, "images", at)) {
                Map<String, Object> im = Json.obj(io, at + " images");
                String repo = Json.str(im, "repository", at);
                f.images.add(ImagePattern.of(Set.copyOf(Json.strings(im, "registries", at)), repo));
            }
            f.runtime = ImageRuntime.fromLabel(Json.str(fm, "runtime", at));
            f.toolchain = Json.bool(fm, "toolchain", false);
            f.deprecated = Json.bool(fm, "deprecated", false);
            f.note = Json.optStr(fm, "note");
            f.tagHasVersion = Json.bool(fm, "tagHasVersion", true);
            f.versionKeywords = Set.copyOf(Json.strings(fm, "versionKeywords", at));
            Map<String, String> aliases = new LinkedHashMap<>();
            if (fm.get("versionAliases") != null) {
                for (Map.Entry<String, Object> e : Json.obj(fm.get("versionAliases"), at).entrySet()) {
                    aliases.put(e.getKey(), String.valueOf(e.getValue()));
                }
            }
            f.versionAliases = aliases;
            f.defaultTokens = Set.copyOf(Json.strings(fm, "defaultTokens", at));
            f.neutralTokens = Set.copyOf(Json.strings(fm, "neutralTokens", at));
            f.lineDepth = fm.get("lineDepth") == null ? 0 : (int) Json.lng(fm, "lineDepth", at);
            for (Object vo : Json.list(fm, "variants", at)) {
                f.variants.add(variant(Json.obj(vo, at), f, traps, at));
            }
            families.add(f);
        }
        KnowledgeBase kb = new KnowledgeBase(families, List.of());
        kb.checkFigures();
        return families;
    }

    private static Variant variant(Map<String, Object> vm, Family f, Map<String, Trap> traps, String at) {
        Variant v = new Variant();
        v.name = Json.str(vm, "variant", at + " variant");
        String vat = at + " variant " + v.name;
        v.tokenSpecs = Json.strings(vm, "tokens", vat);
        v.toolchain = Json.optBool(vm, "toolchain");
        v.traps = traps(Json.strings(vm, "traps", vat), traps, vat);
        for (Object fo : Json.list(vm, "figures", vat)) {
            Map<String, Object> fig = Json.obj(fo, vat + " figure");
            Figure x = new Figure();
            x.image = Json.str(fig, "image", vat + " figure");
            String fat = vat + " figure " + x.image;
            x.measuredOs = Json.optStr(fig, "measuredOs");
            for (String ev : Json.strings(fig, "exactVersions", fat)) {
                x.exactVersions.add(f.canonicalVersion(ev));
            }
            for (String line : Json.strings(fig, "versionLines", fat)) {
                x.versionLines.add(f.canonicalVersion(line));
            }
            String kind = Json.str(fig, "kind", fat);
            x.kind = switch (kind) {
                case "compressed" -> SizeKind.COMPRESSED;
                case "uncompressed" -> SizeKind.UNCOMPRESSED;
                default -> throw new IllegalStateException(fat + ": unknown kind " + kind);
            };
            x.bytes = Json.lng(fig, "bytes", fat);
            x.platform = Json.str(fig, "platform", fat);
            x.asOf = Json.str(fig, "asOf", fat);
            if (!ISO_DATE.matcher(x.asOf).matches()) {
                throw new IllegalStateException(fat + ": asOf is not ISO-8601: " + x.asOf);
            }
            x.source = Json.str(fig, "source", fat);
            x.sourceNote = Json.str(fig, "sourceNote", fat);
            x.confidence = Json.str(fig, "confidence", fat);
            if (fig.get("history") != null) {
                for (Object ho : Json.list(fig, "history", fat)) {
                    Map<String, Object> h = Json.obj(ho, fat + " history");
                    x.history.add(new KbModel.History(Json.str(h, "image", fat), Json.lng(h, "bytes", fat),
                            Json.str(h, "asOf", fat), Json.str(h, "source", fat)));
                }
            }
            v.figures.add(x);
        }
        for (Object ao : Json.list(vm, "alternatives", vat)) {
            Map<String, Object> am = Json.obj(ao, vat + " alternative");
            AltSpec a = new AltSpec();
            a.template = Json.str(am, "image", vat + " alternative");
            String aat = vat + " alternative " + a.template;
            a.majorIn = Json.strings(am, "majorIn", aat);
            a.versionLineIn = Json.strings(am, "versionLineIn", aat);
            a.versionIn = Json.strings(am, "versionIn", aat);
            a.javaIn = Json.strings(am, "javaIn", aat);
            a.requiresVersion = Json.bool(am, "requiresVersion", false);
            a.traps = traps(Json.strings(am, "traps", aat), traps, aat);
            a.note = Json.optStr(am, "note");
            v.alternatives.add(a);
        }
        return v;
    }

    private static List<Trap> traps(List<String> ids, Map<String, Trap> traps, String at) {
        List<Trap> out = new ArrayList<>();
        for (String id : ids) {
            Trap t = traps.get(id);
            if (t == null) {
                throw new IllegalStateException(at + ": unknown trap " + id);
            }
            out.add(t);
        }
        return out;
    }

    /** Every figure's measured image must resolve to the very family and variant that holds it. */
    private void checkFigures() {
        for (Family f : families) {
            for (Variant v : f.variants) {
                for (Figure x : v.figures) {
                    ImageRef ref = ImageRef.parse(x.image);
                    Resolved r = ref == null ? null : resolve(ref);
                    if (r == null || r.family != f || r.variant != v) {
                        throw new IllegalStateException("figure image " + x.image + " does not resolve to its own family "
                                + f.name + " variant " + v.name);
                    }
                    x.os = r.parsed.os();
                    x.bindings = Map.copyOf(r.bindings);
                    if (!x.covers(f.canonicalVersion(r.parsed.version()))) {
                        throw new IllegalStateException("figure image " + x.image + " is not covered by its own versions");
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "KnowledgeBase[" + families.size() + " families, " + extras.size() + " private bases]";
    }
}
