/**
 * The Dockerfile as data: source text to a typed model ({@link dev.dockdiet.syntax.Dockerfile},
 * {@link dev.dockdiet.syntax.Stage}, the sealed {@link dev.dockdiet.syntax.Instruction} family),
 * every node with its {@link dev.dockdiet.syntax.SourceRange}; parse errors and BuildKit's
 * warnings are {@link dev.dockdiet.syntax.Problem}s, never exceptions. Follows BuildKit's parser
 * (its own test cases run as conformance tests). Also the small value helpers every later package
 * shares: {@link dev.dockdiet.syntax.LineMap} (offsets to lines and columns),
 * {@link dev.dockdiet.syntax.Quotes}, {@link dev.dockdiet.syntax.ImageRef},
 * {@link dev.dockdiet.syntax.EditDistance}.
 *
 * <p>May use: the JDK and ANTLR only (the first package of the flow
 * syntax → shell → rule → fix → size → rules → config → lint → report → cli).
 */
package dev.dockdiet.syntax;
