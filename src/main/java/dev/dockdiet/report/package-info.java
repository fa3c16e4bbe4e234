/**
 * Writing a lint report: one {@link dev.dockdiet.report.Reporter} per format (text, json, sarif,
 * checkstyle, github, gitlab, rdjson) over a {@link dev.dockdiet.report.LintReport}. Reporters
 * write to the writer they are given and analyse nothing.
 *
 * <p>May use: syntax, shell, rule, fix, size, rules, config, lint.
 */
package dev.dockdiet.report;
