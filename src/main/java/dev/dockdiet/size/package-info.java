/**
 * Size knowledge: the embedded knowledge base of base-image sizes ({@link dev.dockdiet.size.KnowledgeBase},
 * generated from sourced figures into {@code rules/base-images.json}), matching an image reference
 * to a family and its smaller alternatives, the size picture of a Dockerfile, and .dockerignore
 * reading. Sub-packages: {@code engine} (measuring real images through Docker) and
 * {@code rewrite} (the single-stage to multi-stage rewrite).
 *
 * <p>May use: syntax, shell, rule, fix.
 */
package dev.dockdiet.size;
