package dev.dockdiet.report;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.size.SizePicture;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What was found in one file.
 *
 * @param path the path machine formats report: relative to the file's repository root with {@code /}
 *     separators (outside a repository: relative to the working directory, or absolute)
 * @param source the file text without BOM, or null when the file could not be read
 * @param findings the findings, sorted by position (the constructor sorts them, stably); a message or
 *     fix description that quotes one of the file's secret values bare (without the context that lets
 *     {@link dev.dockdiet.rule.Finding} mask it) is masked here
 * @param size the size picture of the file's final stage, or null when there is none
 * @param hadBom whether the file on disk starts with a UTF-8 BOM; GitHub's line hash counts it, so
 *     SARIF fingerprints need it to agree with what {@code upload-sarif} computes
 * @param root the directory a relative {@code path} is relative to, as an absolute {@code file:} URI
 *     ending in {@code /}; null: the report's {@link ReportOptions#srcRoot()}
 * @param localPath the path the {@code text} format shows people (relative to the working directory,
 *     as they would type it); defaults to {@code path}
 * @param readError why the file could not be read ({@code "no such file or directory"}, {@code "not a
 *     text file (it contains NUL bytes)"}, ...), without the path; null when it was read, or when the
 *     reason is unknown
 */
public record FileReport(String path, String source, List<Finding> findings, SizePicture size, boolean hadBom,
                         URI root, String localPath, String readError) {

    private static final Comparator<Finding> BY_POSITION = Comparator
            .comparingInt((Finding f) -> f.range().start())
            .thenComparingInt(f -> f.range().end())
            .thenComparing(f -> f.rule().id());

    public FileReport {
        Objects.requireNonNull(path, "path");
        Shown shown = Shown.of(source);
        findings = findings.stream().sorted(BY_POSITION).map(f -> masked(f, shown)).toList();
        if (root != null) {
            if (!root.isAbsolute()) {
                throw new IllegalArgumentException("a file's root must be an absolute URI: " + root);
            }
            if (!root.toString().endsWith("/")) {
                root = URI.create(root + "/");
            }
        }
        if (localPath == null) {
            localPath = path;
        }
        if (source != null) {
            readError = null;
        }
    }

    /**
     * Does now, on the calling thread, the scan of {@code source} for secrets that every report of it
     * needs (to mask them), so that a caller linting files on several threads does it there too, or
     * beside the lint of a big file; a report of the same text made later finds it done.
     */
    public static void prepare(String source) {
        Shown.of(source);
    }

    /** A file reported relative to the report's source root, the same path for people and machines. */
    public FileReport(String path, String source, List<Finding> findings, SizePicture size, boolean hadBom) {
        this(path, source, findings, size, hadBom, null, null, null);
    }

    private static Finding masked(Finding f, Shown shown) {
        // Finding and Fix mask what Secrets finds when they are made; what is left is this file's values
        String message = shown.maskValues(f.message());
        dev.dockdiet.rule.Fix fix = f.fix();
        if (fix != null && fix.description() != null) {
            String d = shown.maskValues(fix.description());
            if (!d.equals(fix.description())) {
                fix = new dev.dockdiet.rule.Fix(fix.applicability(), d, fix.edits(),
                        fix.refused() == null ? null : shown.mask(fix.refused()));
            }
        }
        return message.equals(f.message()) && fix == f.fix() ? f
                : new Finding(f.rule(), f.severity(), message, f.range(), fix, f.savings());
    }

    /** A file without BOM. */
    public FileReport(String path, String source, List<Finding> findings, SizePicture size) {
        this(path, source, findings, size, false);
    }

    /** This report with its root (see {@link #root()}) and the path shown to people. */
    public FileReport located(URI root, String localPath) {
        return new FileReport(path, source, findings, size, hadBom, root, localPath, readError);
    }

    /** A file that could not be read, and why (see {@link #readError()}). */
    public static FileReport unreadable(String path, String readError) {
        return new FileReport(path, null, List.of(), null, false, null, null, readError);
    }

    /**
     * What machine formats say of a file that could not be read: {@code "could not be read: no such
     * file or directory"}; null for a file that was read.
     */
    public String unreadableMessage() {
        if (readable()) {
            return null;
        }
        return readError == null || readError.isBlank() ? "could not be read" : "could not be read: " + readError;
    }

    /** Whether the file could be read (and so was linted). */
    public boolean readable() {
        return source != null;
    }
}
