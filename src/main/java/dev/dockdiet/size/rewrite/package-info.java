/**
 * The multi-stage rewrite. {@link dev.dockdiet.size.rewrite.Rewriter} is the entry point; a
 * {@code RewriteJob} checks the file's shape, analyses it and detects its ecosystem, one
 * {@code EcosystemPlanner} per ecosystem (Go, Rust, Java for Maven and Gradle, .NET, Node, Python)
 * plans the build and runtime stages, and {@code RewriteEmitter} writes them. Adding an ecosystem
 * is one planner class plus its fixture app under {@code test-fixtures/size/}.
 *
 * <p>May use: syntax, shell, rule, fix, size.
 */
package dev.dockdiet.size.rewrite;
