/**
 * What the user configured: {@code .dockdiet.yaml} (found by walking up; hadolint configs as a
 * fallback), inline suppressions ({@code # dockdiet ignore=}) and baselines. Turns settings into
 * which rules run and at which severity; reports its own errors with file, line and column.
 *
 * <p>May use: syntax, shell, rule, fix, size, rules; SnakeYAML.
 */
package dev.dockdiet.config;
