package dev.dockdiet.rules.syntax;

import dev.dockdiet.syntax.Problem;

/**
 * Which parser problems a rule other than DD001 reports: instructions before the first FROM
 * (DD005, hadolint's DL3061) and forbidden ONBUILD triggers (DD007, DL3043). BuildKit rejects
 * both, so the parser records them as problems; each is reported once, under the rule whose
 * hadolint code users know.
 */
final class ProblemOwners {

    /** The start of the parser's message for an instruction before the first FROM. */
    static final String NO_STAGE = "no build stage in current context";
    static final String ONBUILD_CHAIN = "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed";
    static final String ONBUILD_TRIGGER = "isn't allowed as an ONBUILD trigger";

    private ProblemOwners() {
    }

    static boolean instructionOrder(Problem p) {
        return p.layer() == Problem.Layer.INSTRUCTION && p.message().startsWith(NO_STAGE);
    }

    static boolean onbuildTrigger(Problem p) {
        return p.layer() == Problem.Layer.INSTRUCTION
                && (p.message().equals(ONBUILD_CHAIN) || p.message().endsWith(ONBUILD_TRIGGER));
    }

    /** True when DD001 leaves the problem to another rule. */
    static boolean ownedElsewhere(Problem p) {
        return instructionOrder(p) || onbuildTrigger(p);
    }
}
