package dev.dockdiet.size;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
        out.put("generatedFrom", SHARED_RELATIVE + " + src/test/resources/dev/dockdiet/size/base-images.curation.json");
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
        // objects one field per line (readable diffs), arrays inline
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter(" ", "\n"));
        return MAPPER.writer(printer).writeValueAsString(out) + "\n";
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
