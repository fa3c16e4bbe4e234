/**
 * The rule catalogue ({@link dev.dockdiet.rules.Rules}: every rule, resolved by id, name or
 * hadolint/BuildKit alias) and the rules themselves, one class per rule, grouped by category in
 * sub-packages, each group listing its rules in one {@code all()} method. A rule is registered in
 * its group, documented in {@code rules/DDnnn-name.md} and tested; {@code RuleCatalogueTest} fails
 * when one of the three is missing.
 *
 * <p>May use: syntax, shell, rule, fix, size.
 */
package dev.dockdiet.rules;
