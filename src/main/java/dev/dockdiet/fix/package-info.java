/**
 * Applying fixes to text: {@link dev.dockdiet.fix.Fixer} (non-overlapping edits, repeated until
 * stable), atomic file writes that keep line endings and BOMs, and unified diffs for {@code --diff}.
 *
 * <p>May use: syntax, shell, rule.
 */
package dev.dockdiet.fix;
