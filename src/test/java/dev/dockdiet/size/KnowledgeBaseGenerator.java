package dev.dockdiet.size;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockdiet.syntax.ImageRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@code rules/base-images.json} from the shared research file
 * ({@code shared/reference/size/base-images.json}) and the hand-written curation
 * ({@code src/test/resources/dev/dockdiet/size/base-images.curation.json}).
 *
 * <p>The curation says which families and variants exist, how their tags are read, their
 * alternatives and traps, and, for each size figure, only <em>where</em> in the shared file the
 * number is (entry index + field, or a quoted piece of text). The number itself, the platform, the
 * confidence and the source note are copied from the shared file, so no figure can be typed in by
 * hand. Every pointer is checked: the entry must exist, the quote and the date evidence must be
 * found in that entry, the date must be ISO-8601 and its years must appear in the evidence.
 *
 * <p>The measured tags of {@code shared/reference/size/repo-info/*.tsv} (docker-library/repo-info,
 * one row per tag: compressed linux/amd64 bytes, date, file and commit) are added as figures of the
 * family and variant each tag resolves to (a variant the curation does not name is created from the
 * tag's words). Where a tag, or another tag of the same version line and release, already has a
 * figure, the newer figure is the headline and the older one is kept as {@code history}.
 *
 * <p>Regenerate with
 * {@code mvn -q -o test -Dtest=KnowledgeBaseGeneratorTest -Ddockdiet.regenerate=true}
 * (or run {@link #main} with the test classpath); review the diff of {@code rules/base-images.json}.
 */
public final class KnowledgeBaseGenerator {

    static final Path CURATION = Paths.get("src/test/resources/dev/dockdiet/size/base-images.curation.json");
    static final Path OUTPUT = Paths.get("rules/base-images.json");
    static final String SHARED_RELATIVE = "shared/reference/size/base-images.json";

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KnowledgeBaseGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path source = args.length > 0 ? Paths.get(args[0]) : findSharedSource();
        if (source == null) {
            System.err.println("cannot find " + SHARED_RELATIVE + " in a parent directory; pass its path");
            System.exit(2);
        }
        Path curation = args.length > 1 ? Paths.get(args[1]) : CURATION;
        Path out = args.length > 2 ? Paths.get(args[2]) : OUTPUT;
        Files.writeString(out, generate(source, curation), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    /**
     * The shared research file: {@code ../shared/reference/size/base-images.json} when present,
     * else its copy in {@code test-fixtures/shared} (never null: a clone alone can regenerate).
     */
    static Path findSharedSource() {
        return dev.dockdiet.syntax.SharedFiles.resolve("reference/size/base-images.json");
    }

    static String generate(Path sourceFile, Path curationFile) throws IOException {
        JsonNode source = MAPPER.readTree(sourceFile.toFile());
        JsonNode curation = MAPPER.readTree(curationFile.toFile());
        JsonNode images = source.get("images");
        String collected = source.path("collected").asText("");
        JsonNode sets = curation.path("alternativeSets");
        JsonNode traps = curation.get("traps");

        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("schemaVersion", curation.get("schemaVersion").asInt());
        out.put("generatedBy", "dev.dockdiet.size.KnowledgeBaseGenerator (src/test/java); do not edit by hand");
        Path repoInfo = sourceFile.toAbsolutePath().getParent().resolve(REPO_INFO);
        out.put("generatedFrom", SHARED_RELATIVE + (Files.isDirectory(repoInfo) ? " + shared/reference/size/" + REPO_INFO + "/*.tsv" : "")
                + " + src/test/resources/dev/dockdiet/size/base-images.curation.json");
        out.put("units", "bytes; MB in the source are 10^6 bytes (" + source.path("schema_note").asText("").replaceAll("\\s+", " ") + ")");
        out.set("traps", traps);
        ArrayNode families = out.putArray("families");
        for (JsonNode family : curation.get("families")) {
            ObjectNode f = family.deepCopy();
            ArrayNode variants = f.putArray("variants");
            for (JsonNode variant : family.get("variants")) {
                ObjectNode v = variant.deepCopy();
                JsonNode alts = variant.get("alternatives");
                if (alts != null && alts.isTextual()) {
                    String ref = alts.asText();
                    JsonNode set = ref.startsWith("@") ? sets.get(ref.substring(1)) : null;
                    if (set == null) {
                        throw new IllegalStateException(where(family, variant) + ": unknown alternative set " + ref);
                    }
                    v.set("alternatives", set.deepCopy());
                }
                checkTrapIds(traps, v.path("traps"), where(family, variant));
                for (JsonNode alt : v.path("alternatives")) {
                    checkTrapIds(traps, alt.path("traps"), where(family, variant) + " alternative " + alt.path("image").asText());
                }
                ArrayNode figures = v.putArray("figures");
                for (JsonNode spec : variant.path("figures")) {
                    figures.add(figure(spec, images, collected, where(family, variant)));
                }
                variants.add(v);
            }
            families.add(f);
        }
        if (Files.isDirectory(repoInfo)) {
            addRepoInfo(out, repoInfo);
        }
        // objects one field per line (readable diffs), arrays inline
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter(" ", "\n"));
        return MAPPER.writer(printer).writeValueAsString(out) + "\n";
    }

    static final String REPO_INFO = "repo-info";
    private static final String REPO_INFO_URL = "https://github.com/docker-library/repo-info/blob/";

    /** One measured row of a repo-info TSV, placed in the knowledge base. */
    private record Row(String file, String image, String tag, long bytes, String asOf, String path, String commit,
                       String note, KnowledgeBase.Placement at) {
    }

    /** Adds every measured tag of the repo-info TSVs as a figure; see the class comment. */
    static void addRepoInfo(ObjectNode out, Path dir) throws IOException {
        KnowledgeBase kb = KnowledgeBase.load(new ByteArrayInputStream(MAPPER.writeValueAsBytes(out)), "curated");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
        }
        List<Row> rows = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] c = lines.get(i).split("\t", -1);
                String at = file.getFileName() + ":" + (i + 1);
                if (c.length < 8) {
                    throw new IllegalStateException(at + ": expected 8 columns");
                }
                if (c[3].isEmpty()) {
                    continue; // no amd64 figure (the note says why); nothing to add
                }
                if (!c[2].equals("linux/amd64")) {
                    throw new IllegalStateException(at + ": platform " + c[2] + " is not linux/amd64");
                }
                checkIsoDate(c[4], at);
                String ref = c[1].isEmpty() ? c[0] : c[0] + ":" + c[1];
                ImageRef parsed = ImageRef.parse(ref);
                KnowledgeBase.Placement p = parsed == null ? null : kb.place(parsed);
                if (p == null) {
                    throw new IllegalStateException(at + ": " + ref + " belongs to no family of the curation: declare it there");
                }
                rows.add(new Row(file.getFileName().toString(), c[0], c[1], Long.parseLong(c[3]), c[4], c[5], c[6], c[7], p));
            }
        }
        Map<String, ObjectNode> families = new LinkedHashMap<>();
        for (JsonNode f : out.get("families")) {
            families.put(f.get("family").asText(), (ObjectNode) f);
        }
        // a version line has as many numbers as most measured versions of the family
        Map<String, Map<Integer, Integer>> depths = new HashMap<>();
        for (Row r : rows) {
            int n = numbers(r.at.version());
            if (n > 0) {
                depths.computeIfAbsent(r.at.family(), k -> new TreeMap<>()).merge(n, 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Map<Integer, Integer>> e : depths.entrySet()) {
            int depth = e.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            families.get(e.getKey()).put("lineDepth", depth);
        }
        for (Row r : rows) {
            ObjectNode family = families.get(r.at.family());
            ObjectNode variant = r.at.variant() != null ? variant(family, r.at.variant()) : autoVariant(family, r.at.tokens());
            int depth = family.path("lineDepth").asInt(0);
            ObjectNode f = JsonNodeFactory.instance.objectNode();
            f.put("image", r.tag.isEmpty() ? r.image : r.image + ":" + r.tag);
            ArrayNode exact = f.putArray("exactVersions");
            ArrayNode lines = f.putArray("versionLines");
            int n = numbers(r.at.version());
            if (n > 0 && n == depth) {
                lines.add(r.at.version());
            } else {
                exact.add(r.at.version());
            }
            f.put("kind", "compressed");
            f.put("bytes", r.bytes);
            f.put("platform", "linux/amd64");
            f.put("asOf", r.asOf);
            f.put("asOfEvidence", "as_of " + r.asOf + " (" + REPO_INFO + "/" + r.file + ")");
            f.put("source", REPO_INFO_URL + r.commit + "/" + r.path);
            f.put("sourceNote", "docker-library/repo-info " + r.path + " 'Total Size' of linux; amd64"
                    + (r.note.isEmpty() ? "" : "; " + r.note));
            f.put("confidence", "high");
            ObjectNode origin = f.putObject("origin");
            origin.put("repoInfo", r.file);
            origin.put("tag", r.tag);
            origin.put("commit", r.commit);
            merge(kb, (ArrayNode) variant.get("figures"), f);
        }
    }

    /** How many dot-separated numbers a version has; 0 when it is not numeric ({@code lts}, {@code latest}). */
    static int numbers(String version) {
        if (version == null || !version.matches("\\d+(\\.\\d+)*")) {
            return 0;
        }
        return version.split("\\.").length;
    }

    private static ObjectNode variant(ObjectNode family, String name) {
        for (JsonNode v : family.get("variants")) {
            if (v.get("variant").asText().equals(name)) {
                return (ObjectNode) v;
            }
        }
        throw new IllegalStateException(family.get("family").asText() + ": no variant " + name);
    }

    /** The variant a tag's words select when the curation names none: created once, named by the words. */
    private static ObjectNode autoVariant(ObjectNode family, List<String> tokens) {
        String name = String.join("-", tokens);
        for (JsonNode v : family.get("variants")) {
            if (v.get("variant").asText().equals(name)) {
                return (ObjectNode) v;
            }
        }
        ObjectNode v = ((ArrayNode) family.get("variants")).addObject();
        v.put("variant", name);
        ArrayNode t = v.putArray("tokens");
        tokens.forEach(t::add);
        v.put("derived", "from the measured tags of " + REPO_INFO + "; no alternatives");
        v.putArray("figures");
        v.putArray("alternatives");
        return v;
    }

    /**
     * Adds a figure to a variant's figures. A figure of the same slot (same OS release, kind, JDK
     * binding and versions) already there is merged: the newer one is the headline, the older one
     * (with its own history) goes into {@code history}.
     */
    private static void merge(KnowledgeBase kb, ArrayNode figures, ObjectNode f) {
        String key = slot(kb, f);
        for (int i = 0; i < figures.size(); i++) {
            ObjectNode old = (ObjectNode) figures.get(i);
            boolean sameImage = ImageRef.parse(old.get("image").asText()).familiar()
                    .equals(ImageRef.parse(f.get("image").asText()).familiar())
                    && old.get("kind").equals(f.get("kind"));
            if (!sameImage && !slot(kb, old).equals(key)) {
                continue;
            }
            boolean newer = end(f.get("asOf").asText()).compareTo(end(old.get("asOf").asText())) > 0;
            ObjectNode head = newer ? f : old;
            ObjectNode other = newer ? old : f;
            ArrayNode history = JsonNodeFactory.instance.arrayNode();
            ObjectNode h = history.addObject();
            h.put("image", other.get("image").asText());
            h.put("bytes", other.get("bytes").asLong());
            h.put("asOf", other.get("asOf").asText());
            h.put("source", other.get("source").asText());
            for (JsonNode x : other.path("history")) {
                history.add(x);
            }
            for (JsonNode x : head.path("history")) {
                history.add(x);
            }
            if (old.has("measuredOs") && !head.has("measuredOs")) {
                head.put("measuredOs", old.get("measuredOs").asText());
            }
            head.set("history", history);
            figures.set(i, head);
            return;
        }
        figures.add(f);
    }

    private static String slot(KnowledgeBase kb, JsonNode f) {
        KnowledgeBase.Placement p = kb.place(ImageRef.parse(f.get("image").asText()));
        return (p == null ? "?" : p.os() + "|" + new TreeMap<>(p.bindings())) + "|" + f.get("kind").asText() + "|"
                + f.get("exactVersions") + "|" + f.get("versionLines");
    }

    private static String end(String asOf) {
        return asOf.contains("/") ? asOf.substring(asOf.indexOf('/') + 1) : asOf;
    }

    private static void checkTrapIds(JsonNode traps, JsonNode ids, String where) {
        for (JsonNode id : ids) {
            if (!traps.has(id.asText())) {
                throw new IllegalStateException(where + ": unknown trap id " + id.asText());
            }
        }
    }

    private static String where(JsonNode family, JsonNode variant) {
        return family.get("family").asText() + "/" + variant.get("variant").asText();
    }

    private static ObjectNode figure(JsonNode spec, JsonNode images, String collected, String where) {
        String image = spec.get("image").asText();
        String at = where + " figure " + image;
        JsonNode from = spec.get("from");
        int index = from.get("index").asInt();
        if (index < 0 || index >= images.size()) {
            throw new IllegalStateException(at + ": no source entry #" + index);
        }
        JsonNode entry = images.get(index);
        String entryText = allText(entry);

        String kind;
        long bytes;
        ObjectNode origin = JsonNodeFactory.instance.objectNode();
        origin.put("entry", index);
        origin.put("repository", entry.path("repository").asText());
        origin.put("exampleTag", entry.path("example_tag").asText());
        if (from.has("field")) {
            String field = from.get("field").asText();
            JsonNode value = entry.get(field);
            if (value == null || !value.isNumber()) {
                throw new IllegalStateException(at + ": source entry #" + index + " has no number in " + field);
            }
            kind = switch (field) {
                case "compressed_mb" -> "compressed";
                case "uncompressed_mb" -> "uncompressed";
                default -> throw new IllegalStateException(at + ": unknown field " + field);
            };
            bytes = megabytes(value.decimalValue(), at);
            origin.put("field", field);
            origin.put("value", value.asText());
        } else {
            String quote = from.get("quote").asText();
            String unit = from.get("unit").asText();
            kind = from.get("kind").asText();
            if (!kind.equals("compressed") && !kind.equals("uncompressed")) {
                throw new IllegalStateException(at + ": kind must be compressed or uncompressed");
            }
            if (!entryText.contains(quote)) {
                throw new IllegalStateException(at + ": quote not found in source entry #" + index + ": " + quote);
            }
            Matcher m = Pattern.compile("([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*" + Pattern.quote(unit) + "\\b").matcher(quote);
            if (!m.find()) {
                throw new IllegalStateException(at + ": no number in " + unit + " in quote: " + quote);
            }
            BigDecimal number = new BigDecimal(m.group(1).replace(",", ""));
            bytes = switch (unit) {
                case "MB" -> megabytes(number, at);
                case "bytes" -> number.longValueExact();
                default -> throw new IllegalStateException(at + ": unknown unit " + unit);
            };
            origin.put("quote", quote);
        }

        String asOf = spec.get("asOf").asText();
        String evidence = spec.get("asOfEvidence").asText();
        checkIsoDate(asOf, at);
        if (!entryText.contains(evidence) && !collected.contains(evidence)) {
            throw new IllegalStateException(at + ": date evidence not found in source entry #" + index + ": " + evidence);
        }
        Matcher years = YEAR.matcher(asOf);
        while (years.find()) {
            if (!evidence.contains(years.group())) {
                throw new IllegalStateException(at + ": year " + years.group() + " of asOf " + asOf + " is not in its evidence");
            }
        }
        String url = spec.get("url").asText();
        if (!url.startsWith("https://")) {
            throw new IllegalStateException(at + ": source must be an https URL: " + url);
        }
        String platform = entry.path("platform").asText("");
        if (platform.isEmpty()) {
            throw new IllegalStateException(at + ": source entry has no platform");
        }

        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("image", image);
        if (spec.has("measuredOs")) {
            f.put("measuredOs", spec.get("measuredOs").asText());
        }
        f.set("exactVersions", spec.has("exactVersions") ? spec.get("exactVersions").deepCopy() : f.arrayNode());
        f.set("versionLines", spec.has("versionLines") ? spec.get("versionLines").deepCopy() : f.arrayNode());
        f.put("kind", kind);
        f.put("bytes", bytes);
        f.put("platform", platform);
        f.put("asOf", asOf);
        f.put("asOfEvidence", evidence);
        f.put("source", url);
        f.put("sourceNote", entry.path("source").asText());
        f.put("confidence", entry.path("confidence").asText());
        f.set("origin", origin);
        return f;
    }

    private static long megabytes(BigDecimal mb, String at) {
        try {
            return mb.movePointRight(6).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalStateException(at + ": " + mb + " MB is not a whole number of bytes", e);
        }
    }

    static void checkIsoDate(String asOf, String at) {
        String[] parts = asOf.split("/", -1);
        if (parts.length > 2) {
            throw new IllegalStateException(at + ": asOf is not an ISO-8601 date or interval: " + asOf);
        }
        for (String p : parts) {
            if (!ISO_DATE.matcher(p).matches()) {
                throw new IllegalStateException(at + ": asOf is not an ISO-8601 date or interval: " + asOf);
            }
        }
    }

    /** Every string in the entry (fields and list items), joined, so quotes can be looked up. */
    static String allText(JsonNode node) {
        List<String> parts = new ArrayList<>();
        collect(node, parts);
        return String.join("\n", parts);
    }

    private static void collect(JsonNode node, List<String> parts) {
        if (node.isTextual()) {
            parts.add(node.asText());
        } else if (node.isContainerNode()) {
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    collect(it.next().getValue(), parts);
                }
            } else {
                for (JsonNode child : node) {
                    collect(child, parts);
                }
            }
        }
    }
}
