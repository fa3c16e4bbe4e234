/**
 * The hand-written base of the ANTLR shell lexer (heredoc bodies, context-dependent tokens); the
 * lexer and parser are generated from {@code grammar/} into this package at build time. Used only
 * by {@link dev.dockdiet.shell}. May use: ANTLR and the JDK.
 */
package dev.dockdiet.shell.antlr;
