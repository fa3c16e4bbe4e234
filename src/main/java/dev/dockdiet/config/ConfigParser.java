package dev.dockdiet.config;

import dev.dockdiet.rule.Savings;
import dev.dockdiet.size.engine.Sizes;
import dev.dockdiet.syntax.EditDistance;
import dev.dockdiet.syntax.ImageRef;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads one config file's text into a {@link Config}, with SnakeYAML's node API so that every
 * error names the exact line and column. Not thread-safe; one instance per file.
 */
final class ConfigParser {

    static final List<String> DOCKDIET_KEYS = List.of("ignore", "select", "severity", "trustedRegistries",
            "allowedBaseImages", "sizeBudget", "failOn", "exclude", "images", "sizes", "labelSchema", "strictLabels",
            "disableIgnorePragma", "noFail");
    /**
     * hadolint's spellings, accepted in {@code .dockdiet.yaml} too (same meaning as in a
     * {@code .hadolint.yaml}), so a hadolint config can be moved over as it is.
     */
    static final List<String> HADOLINT_KEYS = List.of("ignored", "override", "failure-threshold", "no-fail",
            "label-schema", "strict-labels", "disable-ignore-pragma");
    /** The label value types of hadolint's {@code label-schema}. */
    static final List<String> LABEL_TYPES = List.of("text", "url", "semver", "hash", "rfc3339", "spdx", "email");
    /** Settings that two keys write: the dockdiet key for each hadolint spelling. */
    private static final Map<String, String> SAME_SETTING = Map.of("ignored", "ignore", "override", "severity",
            "failure-threshold", "failOn", "no-fail", "noFail", "label-schema", "labelSchema",
            "strict-labels", "strictLabels", "disable-ignore-pragma", "disableIgnorePragma");
    static final List<String> IMAGE_KEYS = List.of("name", "tags", "bytes", "kind", "source", "asOf", "alternatives");

    private final Function<String, Optional<String>> resolveRuleId;
    private final String displayName;
    private final Path file;
    private final List<String> warnings = new ArrayList<>();

    ConfigParser(Function<String, Optional<String>> resolveRuleId, String displayName, Path file) {
        this.resolveRuleId = resolveRuleId;
        this.displayName = displayName;
        this.file = file;
    }

    // ---------------------------------------------------------------- dockdiet

    Config parseDockdiet(String yaml) {
        MappingNode root = root(yaml);
        List<String> ignore = List.of();
        List<String> select = List.of();
        Map<String, RuleLevel> severity = Map.of();
        List<String> registries = List.of();
        List<String> allowed = List.of();
        OptionalLong budget = OptionalLong.empty();
        Optional<FailOn> failOn = Optional.empty();
        List<String> exclude = List.of();
        List<ImageEntry> images = List.of();
        boolean registrySizes = false;
        Hadolint h = new Hadolint();
        boolean noFail = false;
        Map<String, Node> setBy = new HashMap<>();
        if (root != null) {
            for (NodeTuple t : entries(root)) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                Node v = t.getValueNode();
                if (!DOCKDIET_KEYS.contains(key) && !HADOLINT_KEYS.contains(key)) {
                    List<String> known = new ArrayList<>(DOCKDIET_KEYS);
                    known.addAll(HADOLINT_KEYS);
                    throw error(t.getKeyNode(), "unknown key '" + key + "'" + suggest(key, known));
                }
                String setting = SAME_SETTING.getOrDefault(key, key);
                Node earlier = setBy.putIfAbsent(setting, t.getKeyNode());
                if (earlier != null) {
                    throw error(t.getKeyNode(), "'" + key + "' sets what '" + ((ScalarNode) earlier).getValue()
                            + "' (at " + line(earlier) + ":" + column(earlier) + ") sets; keep one");
                }
                if (isNull(v)) {
                    continue; // "ignore:" with nothing after it: unset
                }
                if (HADOLINT_KEYS.contains(key)) {
                    h.read(key, v);
                    continue;
                }
                switch (key) {
                    case "ignore" -> ignore = ruleList(v, key);
                    case "select" -> select = ruleList(v, key);
                    case "severity" -> severity = severityMap(v);
                    case "trustedRegistries" -> registries = patternList(v, key);
                    case "allowedBaseImages" -> allowed = patternList(v, key);
                    case "sizeBudget" -> budget = OptionalLong.of(size(v, key));
                    case "failOn" -> failOn = Optional.of(failOn(v));
                    case "exclude" -> exclude = pathGlobs(v);
                    case "images" -> images = images(v);
                    case "sizes" -> registrySizes = sizes(v);
                    case "labelSchema" -> h.labelSchema = labelSchema(v, key);
                    case "strictLabels" -> h.strictLabels = bool(v, key);
                    case "disableIgnorePragma" -> h.disableIgnorePragma = bool(v, key);
                    case "noFail" -> noFail = bool(v, key);
                    default -> throw new IllegalStateException(key);
                }
            }
        }
        if (!h.ignore.isEmpty()) {
            ignore = h.ignore;
        }
        if (!h.severity.isEmpty()) {
            severity = h.severity;
        }
        if (h.failOn.isPresent()) {
            failOn = h.failOn;
        }
        if (noFail || h.noFail) {
            failOn = Optional.of(FailOn.NONE);
        }
        return new Config(file, baseDir(), Config.Dialect.DOCKDIET, ignore, select, severity, registries, allowed,
                budget, failOn, exclude, images, h.labelSchema, h.strictLabels, h.disableIgnorePragma, registrySizes,
                warnings);
    }

    /** {@code sizes: {registry: true}}: where sizes may come from besides the knowledge base. */
    private boolean sizes(Node v) {
        MappingNode map = mapping(v, "'sizes' must be a mapping, e.g. 'sizes: {registry: true}'");
        boolean registry = false;
        for (NodeTuple t : entries(map)) {
            String key = keyText(t).trim();
            if (!key.equals("registry")) {
                throw error(t.getKeyNode(), "unknown key 'sizes." + key + "' (known: registry)");
            }
            registry = bool(t.getValueNode(), "sizes.registry");
        }
        return registry;
    }

    private boolean bool(Node v, String key) {
        String text = scalar(v, "'" + key + "'").trim();
        if (v.getTag().equals(Tag.BOOL) || text.equals("true") || text.equals("false")) {
            String t = text.toLowerCase(Locale.ROOT);
            if (List.of("true", "yes", "on", "y").contains(t)) {
                return true;
            }
            if (List.of("false", "no", "off", "n").contains(t)) {
                return false;
            }
        }
        throw error(v, "'" + key + "' must be true or false, not '" + text + "'");
    }

    /** {@code label: type}, as hadolint's {@code label-schema}; an empty type means {@code text}. */
    private Map<String, String> labelSchema(Node v, String key) {
        MappingNode map = mapping(v, "'" + key + "' must map label names to types (" + String.join(", ", LABEL_TYPES) + ")");
        Map<String, String> out = new LinkedHashMap<>();
        for (NodeTuple t : entries(map)) {
            String label = keyText(t).trim();
            if (label.isEmpty()) {
                throw error(t.getKeyNode(), "empty label name in '" + key + "'");
            }
            Node tv = t.getValueNode();
            String type = isNull(tv) ? "text" : scalar(tv, "the type of label '" + label + "'").trim().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                type = "text";
            }
            if (!LABEL_TYPES.contains(type)) {
                throw error(tv, "bad type '" + type + "' for label '" + label + "' in '" + key + "' (use "
                        + String.join(", ", LABEL_TYPES) + suggestValue(type, LABEL_TYPES) + ")");
            }
            out.put(label, type);
        }
        return out;
    }

    private static String suggestValue(String v, List<String> known) {
        String s = suggest(v, known);
        return s.isEmpty() ? "" : s.replace(" (did you", "; did you").replace("?)", "?");
    }

    private Map<String, RuleLevel> severityMap(Node v) {
        MappingNode map = mapping(v, "'severity' must map rules to error, warning, info, style or off");
        Map<String, RuleLevel> out = new LinkedHashMap<>();
        for (NodeTuple t : entries(map)) {
            String id = rule(t.getKeyNode(), "severity").orElseThrow();
            String text = scalar(t.getValueNode(), "severity of '" + keyText(t) + "'");
            RuleLevel level = RuleLevel.parse(text);
            if (level == null) {
                throw error(t.getValueNode(), "bad severity '" + text + "' for '" + keyText(t)
                        + "' (use error, warning, info, style or off)");
            }
            out.put(id, level);
        }
        return out;
    }

    private FailOn failOn(Node v) {
        String text = scalar(v, "'failOn'");
        FailOn f = FailOn.parse(text);
        if (f == null) {
            throw error(v, "bad value '" + text + "' for 'failOn' (use error, warning, info, style or none)");
        }
        return f;
    }

    private long size(Node v, String key) {
        String text = scalar(v, "'" + key + "'");
        try {
            long bytes = Sizes.parse(text);
            if (bytes <= 0) {
                throw error(v, "'" + key + "' must be more than 0 bytes");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw error(v, "bad size for '" + key + "': " + e.getMessage());
        }
    }

    private List<String> patternList(Node v, String key) {
        List<String> out = new ArrayList<>();
        for (Node item : items(v, key)) {
            String text = scalar(item, "an entry of '" + key + "'");
            if (text.isBlank()) {
                throw error(item, "empty entry in '" + key + "'");
            }
            try {
                Glob.compile(text, false);
            } catch (IllegalArgumentException e) {
                throw error(item, "bad pattern '" + text + "' in '" + key + "': " + e.getMessage());
            }
            out.add(text.trim());
        }
        return out;
    }

    private List<String> pathGlobs(Node v) {
        List<String> out = new ArrayList<>();
        for (Node item : items(v, "exclude")) {
            String text = scalar(item, "an entry of 'exclude'");
            if (text.isBlank()) {
                throw error(item, "empty entry in 'exclude'");
            }
            try {
                Glob.compile(text.endsWith("/") ? text.substring(0, text.length() - 1) : text, true);
            } catch (IllegalArgumentException e) {
                throw error(item, "bad pattern '" + text + "' in 'exclude': " + e.getMessage());
            }
            out.add(text.trim());
        }
        return out;
    }

    private List<ImageEntry> images(Node v) {
        if (!(v instanceof SequenceNode seq)) {
            throw error(v, "'images' must be a list of entries (name, tags, bytes, kind, source, asOf, alternatives)");
        }
        List<ImageEntry> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            out.add(image(item));
        }
        return out;
    }

    private ImageEntry image(Node node) {
        MappingNode map = mapping(node, "an entry of 'images' must be a mapping with name, bytes, kind and asOf");
        String name = null;
        List<String> tags = List.of("*");
        Long bytes = null;
        Savings.SizeKind kind = null;
        String source = null;
        String asOf = null;
        List<String> alternatives = List.of();
        for (NodeTuple t : entries(map)) {
            String key = keyText(t);
            Node v = t.getValueNode();
            if (!IMAGE_KEYS.contains(key)) {
                throw error(t.getKeyNode(), "unknown key '" + key + "' in an image entry" + suggest(key, IMAGE_KEYS));
            }
            switch (key) {
                case "name" -> {
                    name = scalar(v, "'name'").trim();
                    ImageRef ref = ImageRef.parse(name);
                    if (ref == null) {
                        throw error(v, "'" + name + "' is not an image name");
                    }
                    if (ref.tag() != null || ref.digest() != null) {
                        throw error(v, "'name' takes the image name without tag or digest; put tags under 'tags'");
                    }
                }
                case "tags" -> tags = patternList(v, "tags");
                case "bytes" -> bytes = size(v, "bytes");
                case "kind" -> {
                    String k = scalar(v, "'kind'").trim().toLowerCase(Locale.ROOT);
                    if (k.equals("compressed")) {
                        kind = Savings.SizeKind.COMPRESSED;
                    } else if (k.equals("uncompressed")) {
                        kind = Savings.SizeKind.UNCOMPRESSED;
                    } else {
                        throw error(v, "bad value '" + k + "' for 'kind' (use compressed or uncompressed)");
                    }
                }
                case "source" -> source = scalar(v, "'source'").trim();
                case "asOf" -> {
                    asOf = scalar(v, "'asOf'").trim();
                    try {
                        LocalDate.parse(asOf);
                    } catch (DateTimeParseException e) {
                        throw error(v, "bad date '" + asOf + "' for 'asOf' (use YYYY-MM-DD)");
                    }
                }
                case "alternatives" -> {
                    List<String> alts = new ArrayList<>();
                    for (Node a : items(v, "alternatives")) {
                        String ref = scalar(a, "an entry of 'alternatives'").trim();
                        if (ImageRef.parse(ref) == null) {
                            throw error(a, "'" + ref + "' is not an image reference");
                        }
                        alts.add(ref);
                    }
                    alternatives = alts;
                }
                default -> throw new IllegalStateException(key);
            }
        }
        String origin = displayName + ":" + line(node) + ":" + column(node);
        for (String required : List.of("name", "bytes", "kind", "asOf")) {
            boolean missing = switch (required) {
                case "name" -> name == null;
                case "bytes" -> bytes == null;
                case "kind" -> kind == null;
                default -> asOf == null;
            };
            if (missing) {
                throw error(node, "image entry lacks '" + required + "'");
            }
        }
        return new ImageEntry(name, tags, bytes, kind, source == null || source.isEmpty() ? "config: " + origin : source,
                asOf, alternatives, origin);
    }

    // ---------------------------------------------------------------- hadolint

    /**
     * Reads the keys of a {@code .hadolint.yaml} that dockdiet understands ({@code ignored},
     * {@code override}, {@code trustedRegistries}, {@code failure-threshold}, {@code no-fail},
     * {@code label-schema}, {@code strict-labels}, {@code disable-ignore-pragma}); other keys are
     * hadolint's business and pass without error. Rule codes dockdiet does not know (ShellCheck
     * {@code SC} codes, hadolint rules without a dockdiet twin) become warnings, not errors.
     */
    Config parseHadolint(String yaml) {
        MappingNode root = root(yaml);
        Hadolint h = new Hadolint();
        List<String> registries = List.of();
        if (root != null) {
            for (NodeTuple t : entries(root)) {
                String key = keyText(t);
                Node v = t.getValueNode();
                if (isNull(v)) {
                    continue;
                }
                if (HADOLINT_KEYS.contains(key)) {
                    h.read(key, v);
                } else if (key.equals("trustedRegistries")) {
                    registries = patternList(v, key);
                }
                // format, no-color, verbose, ...: hadolint's, not ours
            }
        }
        Optional<FailOn> failOn = h.noFail ? Optional.of(FailOn.NONE) : h.failOn;
        return new Config(file, baseDir(), Config.Dialect.HADOLINT, h.ignore, List.of(), h.severity, registries, List.of(),
                OptionalLong.empty(), failOn, List.of(), List.of(), h.labelSchema, h.strictLabels,
                h.disableIgnorePragma, false, warnings);
    }

    /** The settings read from hadolint's keys, in either kind of file. */
    private final class Hadolint {
        List<String> ignore = new ArrayList<>();
        Map<String, RuleLevel> severity = new LinkedHashMap<>();
        Optional<FailOn> failOn = Optional.empty();
        boolean noFail;
        Map<String, String> labelSchema = Map.of();
        boolean strictLabels;
        boolean disableIgnorePragma;

        void read(String key, Node v) {
            switch (key) {
                case "ignored" -> {
                    for (Node item : items(v, key)) {
                        hadolintRule(item, key).filter(id -> !ignore.contains(id)).ifPresent(ignore::add);
                    }
                }
                case "override" -> {
                    MappingNode map = mapping(v, "'override' must map error, warning, info and style to lists of rules");
                    // hadolint applies style, info, warning, error in that order: error wins
                    Map<String, List<String>> byLevel = new HashMap<>();
                    for (NodeTuple o : entries(map)) {
                        String level = keyText(o);
                        if (RuleLevel.parse(level) == null || level.equals("off")) {
                            warn(o.getKeyNode(), "'override." + level + "' is not a hadolint severity; ignored");
                            continue;
                        }
                        List<String> ids = new ArrayList<>();
                        if (!isNull(o.getValueNode())) {
                            for (Node item : items(o.getValueNode(), "override." + level)) {
                                hadolintRule(item, "override." + level).ifPresent(ids::add);
                            }
                        }
                        byLevel.put(level.toLowerCase(Locale.ROOT), ids);
                    }
                    for (String level : List.of("style", "info", "warning", "error")) {
                        for (String id : byLevel.getOrDefault(level, List.of())) {
                            severity.put(id, RuleLevel.parse(level));
                        }
                    }
                }
                case "failure-threshold" -> {
                    String text = scalar(v, "'failure-threshold'").trim().toLowerCase(Locale.ROOT);
                    switch (text) {
                        case "error", "warning", "info", "style" -> failOn = Optional.of(FailOn.parse(text));
                        case "ignore", "none" -> {
                            // hadolint fails on every finding with these; keep its behaviour
                            failOn = Optional.of(FailOn.STYLE);
                            warn(v, "hadolint's failure-threshold '" + text
                                    + "' fails on every finding; read as 'style' (dockdiet's 'none' never fails)");
                        }
                        default -> throw error(v, "bad value '" + text
                                + "' for 'failure-threshold' (use error, warning, info, style, ignore or none)");
                    }
                }
                case "no-fail" -> noFail = bool(v, key);
                case "label-schema" -> labelSchema = labelSchema(v, key);
                case "strict-labels" -> strictLabels = bool(v, key);
                case "disable-ignore-pragma" -> disableIgnorePragma = bool(v, key);
                default -> throw new IllegalStateException(key);
            }
        }
    }

    private Optional<String> hadolintRule(Node item, String key) {
        String code = scalar(item, "an entry of '" + key + "'").trim();
        Optional<String> id = resolveRuleId.apply(code);
        if (id.isEmpty()) {
            warn(item, "rule '" + code + "' in '" + key + "' has no dockdiet equivalent; ignored");
        }
        return id;
    }

    // ---------------------------------------------------------------- shared helpers

    private MappingNode root(String yaml) {
        Node node;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported below, with both places
            options.setMaxAliasesForCollections(50);
            options.setCodePointLimit(1 << 20);
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(yaml)), options),
                    new Resolver(), options);
            node = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            if (m == null) {
                throw new ConfigException(displayName, "not valid YAML: " + oneLine(problem), e);
            }
            throw new ConfigException(displayName, m.getLine() + 1, m.getColumn() + 1, "not valid YAML: " + oneLine(problem));
        } catch (YAMLException e) {
            throw new ConfigException(displayName, "not valid YAML: " + oneLine(e.getMessage()), e);
        }
        if (node == null || isNull(node)) {
            return null; // empty file: defaults
        }
        if (!(node instanceof MappingNode map)) {
            throw error(node, "expected a mapping of settings (key: value) at the top of the file");
        }
        return map;
    }

    /** The tuples of a mapping, with scalar keys and no duplicates. */
    private List<NodeTuple> entries(MappingNode map) {
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k) || t.getKeyNode().getTag().equals(Tag.MERGE)) {
                throw error(t.getKeyNode(), "keys must be plain words");
            }
            Node first = seen.putIfAbsent(k.getValue(), k);
            if (first != null) {
                throw error(k, "duplicate key '" + k.getValue() + "' (first at " + line(first) + ":" + column(first) + ")");
            }
        }
        return map.getValue();
    }

    private List<Node> items(Node v, String key) {
        if (v instanceof ScalarNode) {
            return List.of(v); // a single value where a list is expected
        }
        if (v instanceof SequenceNode seq) {
            return seq.getValue();
        }
        throw error(v, "'" + key + "' must be a list");
    }

    private List<String> ruleList(Node v, String key) {
        List<String> out = new ArrayList<>();
        for (Node item : items(v, key)) {
            String id = rule(item, key).orElseThrow();
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    private Optional<String> rule(Node node, String key) {
        String ref = scalar(node, "a rule in '" + key + "'").trim();
        if (ref.isEmpty()) {
            throw error(node, "empty rule in '" + key + "'");
        }
        Optional<String> id = resolveRuleId.apply(ref);
        if (id.isEmpty()) {
            throw error(node, "unknown rule '" + ref + "' in '" + key + "'");
        }
        return id;
    }

    private String scalar(Node v, String what) {
        if (v instanceof ScalarNode s && !isNull(v)) {
            return s.getValue();
        }
        throw error(v, what + " must be a single value" + (v instanceof ScalarNode ? ", not empty" : ""));
    }

    private MappingNode mapping(Node v, String message) {
        if (v instanceof MappingNode m) {
            return m;
        }
        throw error(v, message);
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
    }

    private static String keyText(NodeTuple t) {
        return ((ScalarNode) t.getKeyNode()).getValue();
    }

    private ConfigException error(Node node, String problem) {
        return new ConfigException(displayName, line(node), column(node), problem);
    }

    private void warn(Node node, String text) {
        warnings.add(displayName + ":" + line(node) + ":" + column(node) + ": " + text);
    }

    private static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    private static int column(Node n) {
        return n.getStartMark().getColumn() + 1;
    }

    private Path baseDir() {
        if (file == null) {
            return null;
        }
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** {@code " (did you mean 'ignore'?)"} when a known key is close, else "". */
    static String suggest(String key, List<String> known) {
        String norm = normalise(key);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            if (normalise(k).equals(norm)) {
                return " (did you mean '" + k + "'?)";
            }
            int d = EditDistance.osa(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int limit = Math.max(1, Math.min(3, key.length() / 3));
        return best != null && bestDistance <= limit ? " (did you mean '" + best + "'?)" : "";
    }

    private static String normalise(String s) {
        return s.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
