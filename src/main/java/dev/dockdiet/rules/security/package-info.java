/** DD3xx: security (root, sudo, registries, secrets, pipes to a shell, TLS). May use: syntax, shell, rule. */
package dev.dockdiet.rules.security;
