/**
 * The picocli commands ({@code lint}, {@code rules}, {@code explain}, {@code parse},
 * {@code rewrite}, {@code image}, {@code measure}, {@code completion}): the only place that reads
 * arguments and touches stdout, stderr and exit codes. It wires the packages together and analyses
 * nothing itself.
 *
 * <p>May use: every package.
 */
package dev.dockdiet.cli;
