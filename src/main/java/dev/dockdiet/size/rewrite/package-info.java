/**
 * The multi-stage rewrite. {@link dev.dockdiet.size.rewrite.Rewriter} is the entry point; a
 * {@code RewriteJob} checks the file's shape and analyses it, each {@code EcosystemPlanner} listed in
 * {@code Planners} (Go, Rust, Java for Maven and Gradle, .NET, Node, Python) says whether the build
 * is its own, the one that is plans the build and runtime stages, and {@code RewriteEmitter} writes
 * them. Adding an ecosystem is one planner class, listed in {@code Planners}, plus its fixture app
 * under {@code test-fixtures/size/} (docs/architecture.md, "How to add an ecosystem").
 *
 * <p>May use: syntax, shell, rule, fix, size.
 */
package dev.dockdiet.size.rewrite;
