/** DD0xx: what the parser found (syntax errors, BuildKit warnings) and the suppression findings. May use: syntax, shell, rule. */
package dev.dockdiet.rules.syntax;
