package dev.dockdiet.rule;

/** What kind of fix a rule declares it emits; a test checks that rules keep their word. */
public enum Fixability {
    NONE, SOMETIMES, ALWAYS
}
