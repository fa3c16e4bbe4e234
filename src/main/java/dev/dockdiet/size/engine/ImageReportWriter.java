package dev.dockdiet.size.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockdiet.rule.Secrets;
import dev.dockdiet.size.engine.ImageReport.ImageFinding;
import dev.dockdiet.size.engine.ImageReport.Layer;
import dev.dockdiet.size.engine.ImageReport.PathSize;
import dev.dockdiet.size.engine.ImageReport.WastedPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders an {@link ImageReport} as text, JSON or SARIF 2.1.0. Returns strings; prints nothing.
 *
 * <p>Everything an image names (paths, history, tags, os) is untrusted: the text format escapes
 * control characters, newlines and bidirectional overrides ({@link Printable}); JSON and SARIF
 * escape C0 controls as JSON must, and DEL, C1 controls, line separators and bidi overrides too,
 * so that {@code cat report.json} cannot steer a terminal either.
 *
 * <p>History is untrusted in another way: {@code created_by} records each build step as written,
 * so it holds the values of {@code ENV X_TOKEN=…}, {@code ARG}s a RUN used, URLs with
 * {@code user:password@} or {@code ?token=}. Every format masks them with {@link Secrets} (the
 * component the lint reports use): {@code createdBy}, {@code instruction}, the matched Dockerfile
 * step's {@code text} and the findings' messages show {@code ****} in place of the value.
 */
public final class ImageReportWriter {

    public enum Format { TEXT, JSON, SARIF }

    private static final int BAR = 24;
    private static final int SHOWN_WASTED = 10;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static {
        JSON.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
    }

    /** JSON's own escapes, plus {@code \u007f}, C1 controls, line separators and bidi overrides. */
    private static final class TerminalSafeEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii;

        TerminalSafeEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            if (ch <= 0xffff && Printable.unsafe((char) ch)) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }

    private static String p(String s) {
        return Printable.escape(s);
    }

    private ImageReportWriter() {
    }

    public static String write(ImageReport r, Format f) {
        return switch (f) {
            case TEXT -> text(r);
            case JSON -> json(r);
            case SARIF -> sarif(r);
        };
    }

    public static String text(ImageReport r) {
        StringBuilder b = new StringBuilder();
        String id = r.imageId() == null ? "" : r.imageId().replace("sha256:", "");
        b.append("Image ").append(p(r.image()));
        if (!id.isEmpty()) {
            b.append("  (").append(id, 0, Math.min(12, id.length())).append(')');
        }
        if (r.os() != null) {
            b.append("  ").append(p(r.os())).append('/').append(r.architecture() == null ? "?" : p(r.architecture()));
        }
        b.append('\n');
        b.append("Size ").append(Sizes.human(r.totalBytes())).append(" in ").append(r.layers().size())
                .append(r.layers().size() == 1 ? " layer" : " layers");
        if (r.engineSizeBytes() != null) {
            b.append(" (engine: ").append(Sizes.human(r.engineSizeBytes())).append(')');
        }
        b.append("   wasted ").append(Sizes.human(r.wastedBytes()));
        if (r.baseWastedBytes() != null && r.baseWastedBytes() > 0) {
            b.append(" (").append(Sizes.human(r.baseWastedBytes())).append(" of it inside the base image)");
        }
        b
                .append("   efficiency ").append(String.format(Locale.ROOT, "%.1f%%", r.efficiency() * 100)).append('\n');
        b.append('\n');
        long max = r.layers().stream().mapToLong(Layer::contentBytes).max().orElse(0);
        boolean lines = r.dockerfile() != null;
        b.append(String.format(Locale.ROOT, "%3s  %9s  %-" + BAR + "s  %9s  %s%n", "#", "size", "", "wasted",
                lines ? "line  instruction" : "instruction"));
        for (Layer l : r.layers()) {
            String where = !lines ? "" : String.format(Locale.ROOT, "%-4s  ", l.step() == null ? "-" : l.step().line());
            b.append(String.format(Locale.ROOT, "%3d  %9s  %-" + BAR + "s  %9s  %s%s%n", l.index(),
                    Sizes.human(l.contentBytes()), bar(l.contentBytes(), max),
                    l.wastedBytes() == 0 ? "" : Sizes.human(l.wastedBytes()), where, p(WasteFindings.brief(l))));
            if (l.contentBytes() >= 1000 && !l.largestFiles().isEmpty()) {
                b.append("       adds ").append(l.filesAdded()).append(l.filesAdded() == 1 ? " file" : " files");
                if (!l.largestDirectories().isEmpty()) {
                    b.append("; top dirs ").append(paths(l.largestDirectories().subList(0,
                            Math.min(3, l.largestDirectories().size()))));
                }
                b.append("; top files ").append(paths(l.largestFiles().subList(0, Math.min(3, l.largestFiles().size()))))
                        .append('\n');
            }
        }
        if (!r.wastedPaths().isEmpty()) {
            b.append("\nWasted (").append(r.wastedPathCount()).append(r.wastedPathCount() == 1 ? " copy" : " copies")
                    .append(" that do not survive in the final filesystem):\n");
            for (WastedPath w : r.wastedPaths().subList(0, Math.min(SHOWN_WASTED, r.wastedPaths().size()))) {
                b.append(String.format(Locale.ROOT, "  %9s  %s  (layer %d, %s by layer %d)%n", Sizes.human(w.bytes()),
                        p(w.path()), w.addedBy(), w.how().name().toLowerCase(Locale.ROOT), w.removedBy()));
            }
            if (r.wastedPathCount() > SHOWN_WASTED) {
                b.append("  … and ").append(r.wastedPathCount() - SHOWN_WASTED).append(" more\n");
            }
        }
        if (!r.findings().isEmpty()) {
            b.append('\n');
            for (ImageFinding f : r.findings()) {
                String loc = f.line() == null ? "" : (r.dockerfile() == null ? "line" : p(r.dockerfile())) + ":" + f.line() + ": ";
                b.append(loc).append(f.level()).append(' ').append(f.ruleId()).append(": ").append(p(Secrets.mask(f.message()))).append('\n');
            }
        }
        return b.toString();
    }

    private static String paths(List<PathSize> ps) {
        return ps.stream().map(x -> p(x.path()) + " " + Sizes.human(x.bytes())).collect(Collectors.joining(", "));
    }

    private static String bar(long v, long max) {
        if (max <= 0 || v <= 0) {
            return "";
        }
        int n = (int) Math.max(1, Math.round((double) v * BAR / max));
        return "█".repeat(n);
    }

    /** Fields of the JSON report that quote build steps, and so may hold secret values. */
    private static final java.util.Set<String> STEP_TEXT = java.util.Set.of("createdBy", "instruction", "text", "message");

    public static String json(ImageReport r) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = JSON.valueToTree(r);
            masked(tree);
            return JSON.writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Masks the secret values in every {@link #STEP_TEXT} field of {@code node}, at any depth. */
    private static void masked(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof ObjectNode o) {
            var fields = o.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                if (e.getValue().isTextual() && STEP_TEXT.contains(e.getKey())) {
                    String v = e.getValue().textValue();
                    String m = Secrets.mask(v);
                    if (!m.equals(v)) {
                        e.setValue(JSON.getNodeFactory().textNode(m));
                    }
                } else {
                    masked(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (com.fasterxml.jackson.databind.JsonNode c : a) {
                masked(c);
            }
        }
    }

    /** SARIF 2.1.0: one run, rule {@value WasteFindings#RULE_ID}, results at Dockerfile lines when known. */
    public static String sarif(ImageReport r) {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "dockdiet");
        String version = ImageReportWriter.class.getPackage().getImplementationVersion();
        driver.put("version", version == null ? "0.1.0-SNAPSHOT" : version);
        driver.put("informationUri", "https://github.com/dockdiet/dockdiet");
        ObjectNode rule = driver.putArray("rules").addObject();
        rule.put("id", WasteFindings.RULE_ID);
        rule.put("name", WasteFindings.RULE_NAME);
        rule.putObject("shortDescription").put("text", WasteFindings.RULE_SUMMARY);
        rule.put("helpUri", "https://github.com/dockdiet/dockdiet/blob/main/rules/" + WasteFindings.RULE_ID + "-"
                + WasteFindings.RULE_NAME + ".md");
        rule.putObject("defaultConfiguration").put("level", "warning");
        ArrayNode results = run.putArray("results");
        String uri = r.dockerfile() == null ? null : r.dockerfile().replace('\\', '/');
        for (ImageFinding f : r.findings()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.ruleId());
            res.put("ruleIndex", 0);
            res.put("level", f.level());
            res.putObject("message").put("text", Secrets.mask(f.message()));
            if (f.line() != null && uri != null) {
                ObjectNode region = res.putArray("locations").addObject().putObject("physicalLocation");
                region.putObject("artifactLocation").put("uri", uri);
                ObjectNode reg = region.putObject("region");
                reg.put("startLine", f.line());
                if (f.endLine() != null && f.endLine() > f.line()) {
                    reg.put("endLine", f.endLine());
                }
            }
            ObjectNode props = res.putObject("properties");
            props.put("bytes", f.bytes());
            props.put("layer", f.layer());
            if (f.removedByLayer() != null) {
                props.put("removedByLayer", f.removedByLayer());
            }
        }
        ObjectNode props = run.putObject("properties");
        props.put("image", r.image());
        if (r.imageId() != null) {
            props.put("imageId", r.imageId());
        }
        props.put("totalBytes", r.totalBytes());
        props.put("wastedBytes", r.wastedBytes());
        if (r.baseWastedBytes() != null) {
            props.put("baseWastedBytes", r.baseWastedBytes());
        }
        props.put("efficiency", r.efficiency());
        try {
            return JSON.writeValueAsString(log) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
