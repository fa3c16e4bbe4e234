/** DD2xx: build correctness and reproducibility (tags, pins, stages, ARGs, shell form). May use: syntax, shell, rule. */
package dev.dockdiet.rules.build;
