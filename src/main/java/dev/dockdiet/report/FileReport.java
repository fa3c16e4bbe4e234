package dev.dockdiet.report;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.size.SizePicture;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What was found in one file.
 *
 * @param path the path as reported: repository-relative with {@code /} separators, or as the user gave it
 * @param source the file text without BOM, or null when the file could not be read
 * @param findings the findings, sorted by position (the constructor sorts them, stably); a message or
 *     fix description that quotes one of the file's secret values bare (without the context that lets
 *     {@link dev.dockdiet.rule.Finding} mask it) is masked here
 * @param size the size picture of the file's final stage, or null when there is none
 * @param hadBom whether the file on disk starts with a UTF-8 BOM; GitHub's line hash counts it, so
 *     SARIF fingerprints need it to agree with what {@code upload-sarif} computes
 */
public record FileReport(String path, String source, List<Finding> findings, SizePicture size, boolean hadBom) {

    private static final Comparator<Finding> BY_POSITION = Comparator
            .comparingInt((Finding f) -> f.range().start())
            .thenComparingInt(f -> f.range().end())
            .thenComparing(f -> f.rule().id());

    public FileReport {
        Objects.requireNonNull(path, "path");
        Shown shown = Shown.of(source);
        findings = findings.stream().sorted(BY_POSITION).map(f -> masked(f, shown)).toList();
    }

    private static Finding masked(Finding f, Shown shown) {
        String message = shown.mask(f.message());
        dev.dockdiet.rule.Fix fix = f.fix();
        if (fix != null && fix.description() != null) {
            String d = shown.mask(fix.description());
            if (!d.equals(fix.description())) {
                fix = new dev.dockdiet.rule.Fix(fix.applicability(), d, fix.edits());
            }
        }
        return message.equals(f.message()) && fix == f.fix() ? f
                : new Finding(f.rule(), f.severity(), message, f.range(), fix, f.savings());
    }

    /** A file without BOM. */
    public FileReport(String path, String source, List<Finding> findings, SizePicture size) {
        this(path, source, findings, size, false);
    }
}
