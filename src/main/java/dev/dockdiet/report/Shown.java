package dev.dockdiet.report;

import dev.dockdiet.rule.Secrets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What a report may show of one file ({@link Secrets} decides what is secret): its text with each
 * secret value masked character for character (same offsets, lines and columns), and whether a
 * replacement text or a range of lines would show a secret value. Fix edits are exact text that a
 * tool applies, so a format that carries them leaves out an edit that would show a secret rather
 * than masking it (a masked suggestion would write the stars into the file).
 */
final class Shown {

    /** Shorter values are not searched for in other text (too many accidental matches). */
    private static final int MIN_VALUE = 4;

    /** The masked text when it differs from the source; null when nothing is masked or nothing was read. */
    private final String masked;
    /**
     * The source, weakly: the map of known files holds each Shown strongly, and a value that held its
     * own key would keep every file of the run alive for ever (whoever asks for {@link #text()}
     * holds the source anyway).
     */
    private final java.lang.ref.WeakReference<String> source;
    private final List<Secrets.Span> spans;
    private final Set<String> values = new LinkedHashSet<>();

    /**
     * The files of this run by their text: each reporter, and each file's report, asks for the same
     * file's secrets, and finding them is a scan of the whole text. Weak keys: an entry lives as long
     * as the report that holds the text.
     */
    private static final Map<String, Shown> BY_SOURCE = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Shown NONE = new Shown(null);

    private Shown(String source) {
        this.spans = source == null ? List.of() : Secrets.find(source);
        String m = source == null ? null : Secrets.maskKeepingLength(source, spans);
        this.masked = m == source ? null : m;
        this.source = new java.lang.ref.WeakReference<>(source);
        for (Secrets.Span s : spans) {
            String v = source.substring(s.start(), s.end());
            for (String line : v.split("\\R")) { // a private key body: each line of it
                if (line.strip().length() >= MIN_VALUE) {
                    values.add(new String(line.strip())); // a copy: never the key itself (see source)
                }
            }
        }
    }

    static Shown of(String source) {
        if (source == null) {
            return NONE;
        }
        Shown known = BY_SOURCE.get(source);
        if (known != null) {
            return known;
        }
        Shown shown = new Shown(source); // outside the lock: the scan is the expensive part
        Shown raced = BY_SOURCE.putIfAbsent(source, shown);
        return raced != null ? raced : shown;
    }

    /** The file's text with secret values masked, or null when the file could not be read. */
    String text() {
        return masked != null ? masked : source.get();
    }

    /** Whether {@code [start, end)} of the file holds (part of) a secret value. */
    boolean secretIn(int start, int end) {
        return Secrets.overlaps(spans, start, end);
    }

    /** Whether showing {@code s} would show a secret value: one {@link Secrets} finds, or one of this file's. */
    boolean leaks(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        if (Secrets.contains(s)) {
            return true;
        }
        for (String v : values) {
            if (s.contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** {@code s} masked: what {@link Secrets#mask} finds, and this file's secret values wherever they appear. */
    String mask(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        return maskValues(Secrets.mask(s));
    }

    /**
     * {@code s} with this file's secret values masked wherever they appear: for text that {@link
     * Secrets#mask} has already masked (a finding's message and a fix's description are, when made).
     */
    String maskValues(String s) {
        if (s == null || s.isEmpty() || values.isEmpty()) {
            return s;
        }
        String out = s;
        List<String> present = new ArrayList<>();
        for (String v : values) {
            if (out.contains(v)) {
                present.add(v);
            }
        }
        for (String v : present) {
            out = out.replace(v, Secrets.MASK);
        }
        return out;
    }
}
