package dev.dockdiet.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockdiet.fix.AtomicWriter;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.syntax.LineMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A record of known findings, so a CI gate fails only on new ones ({@code --write-baseline FILE},
 * {@code --baseline FILE}).
 *
 * <p>A finding is recorded by a fingerprint that survives unrelated edits: the SHA-256 of the
 * file's path, the rule id, the text of the source lines the finding spans (each line trimmed,
 * runs of blanks collapsed; line numbers are not part of it) and its occurrence index among the
 * findings of that file with the same rule and text (ordered by position). Moving an instruction,
 * adding lines above it or re-indenting it keeps the fingerprint; changing the flagged line makes
 * the finding new. The message is not part of it, so a better wording or a new size figure does
 * not turn old findings into new ones.
 *
 * <p>The path is the one machine formats report: relative to the file's repository root, with
 * {@code /} (see {@code dev.dockdiet.lint.ReportPaths}), so a baseline written from the repository
 * root matches when dockdiet runs from a subfolder, and the other way round. Baselines written
 * before that keyed files by their path relative to the working directory; a reader names that
 * path as a file's legacy key ({@link #withLegacyKey}), and a finding recorded under either key is known.
 *
 * <p>The file is JSON, sorted by path, rule and fingerprint, with a {@code version}; {@code line}
 * and {@code message} are there for readers only and are not used when matching.
 */
public final class Baseline {

    public static final int VERSION = 1;

    /** One recorded finding. */
    public record Entry(String path, String rule, String fingerprint, int line, String message) {
    }

    private final Set<String> fingerprints;
    private final List<Entry> entries;
    private final String legacyKey;

    private Baseline(List<Entry> entries) {
        this(List.copyOf(entries), fingerprints(entries), null);
    }

    private Baseline(List<Entry> entries, Set<String> fingerprints, String legacyKey) {
        this.entries = entries;
        this.fingerprints = fingerprints;
        this.legacyKey = legacyKey;
    }

    private static Set<String> fingerprints(List<Entry> entries) {
        Set<String> out = new HashSet<>();
        for (Entry e : entries) {
            out.add(e.fingerprint());
        }
        return out;
    }

    /**
     * This baseline for one file that baselines written before repository-relative keys knew by
     * {@code legacyKey} (its path relative to the working directory): a finding recorded under that
     * key is known too, so such a baseline keeps working from the directory it was written in.
     * Cheap: the entries are shared.
     */
    public Baseline withLegacyKey(String legacyKey) {
        return new Baseline(entries, fingerprints, legacyKey);
    }

    /** A baseline that knows nothing: every finding is new. */
    public static Baseline empty() {
        return new Baseline(List.of());
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The findings of one file that are not in the baseline, in their original order. */
    public List<Finding> newFindings(String path, String source, List<Finding> findings) {
        List<Entry> keyed = entries(path, source, findings);
        List<Entry> old = legacyKey == null || legacyKey.equals(path) ? null : entries(legacyKey, source, findings);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            if (!fingerprints.contains(keyed.get(i).fingerprint())
                    && (old == null || !fingerprints.contains(old.get(i).fingerprint()))) {
                out.add(findings.get(i));
            }
        }
        return out;
    }

    /**
     * The entries for one file's findings, one per finding and in the same order.
     *
     * @param path the file's key: its repository-relative path with {@code /} separators, the path
     *     machine formats report, so writing and reading agree wherever dockdiet runs
     */
    public static List<Entry> entries(String path, String source, List<Finding> findings) {
        LineMap lines = new LineMap(source);
        String[] texts = new String[findings.size()];
        Integer[] order = new Integer[findings.size()];
        for (int i = 0; i < findings.size(); i++) {
            texts[i] = spanText(lines, source, findings.get(i));
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.<Integer>comparingInt(i -> findings.get(i).range().start())
                .thenComparing(i -> findings.get(i).message()));
        Map<String, Integer> seen = new HashMap<>();
        Entry[] out = new Entry[findings.size()];
        for (int i : order) {
            Finding f = findings.get(i);
            String key = f.rule().id() + '\0' + texts[i];
            int occurrence = seen.merge(key, 1, Integer::sum) - 1;
            String fp = sha256(path + '\0' + f.rule().id() + '\0' + texts[i] + '\0' + occurrence);
            out[i] = new Entry(path, f.rule().id(), fp, f.range().startLine(), f.message());
        }
        return List.of(out);
    }

    /** Collects entries for several files, then writes them. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        public Builder add(String path, String source, List<Finding> findings) {
            entries.addAll(Baseline.entries(path, source, findings));
            return this;
        }

        public Baseline build() {
            return new Baseline(sorted(entries));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This baseline as JSON text, sorted and stable. */
    public String toJson() {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"version\": ").append(VERSION).append(",\n  \"tool\": \"dockdiet\",\n  \"findings\": [");
        List<Entry> sorted = sorted(entries);
        for (int i = 0; i < sorted.size(); i++) {
            Entry e = sorted.get(i);
            b.append(i == 0 ? "\n" : ",\n");
            b.append("    {\"path\": ").append(quote(e.path()))
                    .append(", \"rule\": ").append(quote(e.rule()))
                    .append(", \"fingerprint\": ").append(quote(e.fingerprint()))
                    .append(", \"line\": ").append(e.line())
                    .append(", \"message\": ").append(quote(e.message()))
                    .append('}');
        }
        b.append(sorted.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return b.toString();
    }

    /** Writes the baseline atomically; returns false if the file already held exactly this. */
    public boolean write(Path file) throws IOException {
        return AtomicWriter.writeText(file, toJson(), false);
    }

    /**
     * Reads a baseline file.
     *
     * @throws ConfigException naming the file (and line and column where it applies) when the file
     *     is missing, not JSON, of another version or misses fields
     */
    public static Baseline load(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, "baseline file not found", e);
        } catch (IOException e) {
            throw new ConfigException(name, "cannot read baseline file: " + e.getMessage(), e);
        }
        return parse(name, text);
    }

    /** Parses baseline JSON; {@code name} is used in messages. */
    public static Baseline parse(String name, String text) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = "not a dockdiet baseline (invalid JSON: " + e.getOriginalMessage().replaceAll("\\s+", " ") + ")";
            if (loc != null && loc.getLineNr() > 0) {
                throw new ConfigException(name, loc.getLineNr(), loc.getColumnNr(), msg);
            }
            throw new ConfigException(name, msg, e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(name, "not a dockdiet baseline (expected a JSON object with version and findings)", null);
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt()) {
            throw new ConfigException(name, "not a dockdiet baseline (no \"version\")", null);
        }
        if (version.intValue() != VERSION) {
            throw new ConfigException(name, "baseline version " + version.intValue() + " is not supported (this dockdiet reads version "
                    + VERSION + "); write it again with --write-baseline", null);
        }
        JsonNode findings = root.get("findings");
        if (findings == null || !findings.isArray()) {
            throw new ConfigException(name, "not a dockdiet baseline (no \"findings\" list)", null);
        }
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode f : findings) {
            String fp = text(f, "fingerprint");
            String path = text(f, "path");
            String rule = text(f, "rule");
            if (fp == null || path == null || rule == null) {
                throw new ConfigException(name, "entry " + (index + 1)
                        + " of \"findings\" lacks \"path\", \"rule\" or \"fingerprint\"", null);
            }
            JsonNode line = f.get("line");
            String message = text(f, "message");
            entries.add(new Entry(path, rule, fp, line != null && line.canConvertToInt() ? line.intValue() : 0,
                    message == null ? "" : message));
            index++;
        }
        return new Baseline(entries);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static List<Entry> sorted(List<Entry> entries) {
        List<Entry> s = new ArrayList<>(entries);
        s.sort(Comparator.comparing(Entry::path).thenComparing(Entry::rule).thenComparing(Entry::fingerprint));
        return s;
    }

    /** The finding's source lines, each trimmed with blank runs collapsed, joined by {@code \n}. */
    private static String spanText(LineMap lines, String source, Finding f) {
        if (source.isEmpty()) {
            return "";
        }
        // offsets of characters, never the empty line after a final newline
        int lastChar = source.length() - 1;
        int start = Math.min(f.range().start(), lastChar);
        int end = Math.min(Math.max(start, f.range().end() - 1), lastChar);
        int first = lines.line(start);
        int last = Math.max(first, lines.line(end));
        StringBuilder b = new StringBuilder();
        for (int l = first; l <= last; l++) {
            if (l > first) {
                b.append('\n');
            }
            b.append(lines.lineText(l).trim().replaceAll("\\s+", " "));
        }
        return b.toString();
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte x : d) {
                hex.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
