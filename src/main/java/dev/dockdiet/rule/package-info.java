/**
 * The API a rule sees: {@link dev.dockdiet.rule.Rule} and its {@link dev.dockdiet.rule.RuleMeta}
 * (id, name, severity, category, fixability, aliases, summary), the
 * {@link dev.dockdiet.rule.RuleContext} it reads the file from and reports to,
 * {@link dev.dockdiet.rule.Finding}, {@link dev.dockdiet.rule.Fix} (text edits with an
 * applicability) and {@link dev.dockdiet.rule.Savings}; and the image policies shared by rules
 * ({@link dev.dockdiet.rule.ImagePolicy}). A rule never prints and never throws out of check().
 *
 * <p>May use: syntax, shell.
 */
package dev.dockdiet.rule;
