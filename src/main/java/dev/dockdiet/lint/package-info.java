/**
 * Linting files: finding Dockerfiles in directories ({@code .gitignore} respected), running the
 * rules of the catalogue on each (rule failures caught and reported, never thrown), applying
 * config and suppressions, and the size summary of a file.
 *
 * <p>May use: syntax, shell, rule, fix, size, rules, config.
 */
package dev.dockdiet.lint;
