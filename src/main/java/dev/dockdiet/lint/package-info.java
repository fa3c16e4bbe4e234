/**
 * Linting files: finding Dockerfiles in directories ({@code .gitignore} respected), running the
 * rules of the catalogue on each (rule failures caught and reported, never thrown), applying
 * config and suppressions, the size summary of a file, and the repository-relative path each file is
 * reported under ({@link dev.dockdiet.lint.ReportPaths}).
 *
 * <p>May use: syntax, shell, rule, fix, size, rules, config.
 */
package dev.dockdiet.lint;
