/**
 * The hand-written base of the ANTLR Dockerfile lexer (heredocs, the escape directive); the lexer
 * and parser themselves are generated from {@code grammar/} into this package at build time.
 * Used only by {@link dev.dockdiet.syntax}. May use: ANTLR and the JDK.
 */
package dev.dockdiet.syntax.antlr;
