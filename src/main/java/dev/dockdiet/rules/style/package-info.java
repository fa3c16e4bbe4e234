/** DD4xx: style and maintainability (casing, deprecated and legacy forms, labels). May use: syntax, shell, rule. */
package dev.dockdiet.rules.style;
