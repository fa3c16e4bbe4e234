package dev.dockdiet.report;

import java.io.IOException;
import java.io.Writer;

/** Writes a report in one format. Never prints anywhere but to {@code out}, and never closes it. */
public interface Reporter {
    void write(LintReport report, Writer out) throws IOException;
}
