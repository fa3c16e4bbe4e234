package dev.dockdiet.report;

import dev.dockdiet.rule.RuleMeta;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything a reporter writes.
 *
 * @param toolVersion dockdiet's version, e.g. {@code 0.1.0}
 * @param files one entry per file checked, in the order to report them
 * @param rules the catalogue of all rules (SARIF lists them all in {@code tool.driver.rules})
 * @param ruleDocs maps a rule id to its Markdown docs page; may return null
 */
public record LintReport(String toolVersion, List<FileReport> files, List<RuleMeta> rules,
                         Function<String, String> ruleDocs) {

    public LintReport {
        Objects.requireNonNull(toolVersion, "toolVersion");
        files = List.copyOf(files);
        rules = List.copyOf(rules);
        if (ruleDocs == null) {
            ruleDocs = id -> null;
        }
    }

    /** The docs page of a rule, or null; a failing lookup counts as "no page". */
    public String docsOf(String ruleId) {
        try {
            return ruleDocs.apply(ruleId);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
