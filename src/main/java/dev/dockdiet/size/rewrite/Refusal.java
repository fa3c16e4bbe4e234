package dev.dockdiet.size.rewrite;

/** Why the file cannot be rewritten: carried out of the job as a result, never to the caller. */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Ecosystem ecosystem;

    Refusal(Ecosystem ecosystem, String reason) {
        super(reason, null, false, false);
        this.ecosystem = ecosystem;
    }
}
