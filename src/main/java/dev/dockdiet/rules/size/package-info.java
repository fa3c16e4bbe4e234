/**
 * DD1xx: image size (oversized bases, toolchains and dev dependencies in the final stage, package
 * caches left in layers, the whole context copied). May use: syntax, shell, rule, fix, size.
 */
package dev.dockdiet.rules.size;
