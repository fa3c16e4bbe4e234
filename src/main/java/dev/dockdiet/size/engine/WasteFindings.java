package dev.dockdiet.size.engine;

import dev.dockdiet.rule.Secrets;
import dev.dockdiet.size.engine.ImageReport.ImageFinding;
import dev.dockdiet.size.engine.ImageReport.Layer;
import dev.dockdiet.size.engine.ImageReport.Waste;
import java.util.ArrayList;
import java.util.List;

/** Turns the measured waste into findings, at the Dockerfile line that created it when known. */
public final class WasteFindings {

    /** The rule id the image findings are reported under (SARIF {@code ruleId}). */
    public static final String RULE_ID = "DD190";
    public static final String RULE_NAME = "layer-waste";
    public static final String RULE_SUMMARY =
            "Bytes added by one layer and deleted or overwritten by a later one still ship in the image";

    private WasteFindings() {
    }

    public static List<ImageFinding> of(ImageReport r) {
        List<ImageFinding> out = new ArrayList<>();
        int firstMatched = Integer.MAX_VALUE;
        for (Layer l : r.layers()) {
            if (l.step() != null) {
                firstMatched = Math.min(firstMatched, l.index());
            }
        }
        for (Waste w : r.wastes()) {
            if (w.bytes() < ImageAnalyzer.FINDING_MIN_BYTES) {
                continue;
            }
            Layer a = r.layers().get(w.addedBy());
            Layer b = r.layers().get(w.removedBy());
            boolean deleted = w.deletedBytes() >= w.overwrittenBytes();
            String verb = deleted ? "deletes" : "overwrites";
            String what = Sizes.human(w.bytes()) + " (" + w.paths() + (w.paths() == 1 ? " file" : " files")
                    + (w.paths() == 1 ? ": " : ", largest ") + w.largestPath() + ")";
            if (a.step() != null) {
                String where = b.step() != null ? "line " + b.step().line() : "layer " + b.index();
                String advice = deleted
                        ? "deleting in a later layer does not make the image smaller: clean up in the same RUN that creates them"
                        : "the old copy stays in the image: write the final version once, in one layer";
                out.add(new ImageFinding(RULE_ID, "warning", "this layer adds " + what + " that " + where + " " + verb
                        + "; " + advice, a.step().line(), a.step().endLine(), a.index(), b.index(), w.bytes()));
            } else if (b.step() != null) {
                String origin = a.index() < firstMatched ? "the base image" : "layer " + a.index();
                String advice = deleted
                        ? "removing files of a lower layer never shrinks an image: start from a base without them,"
                                + " or copy only what you need into a fresh stage"
                        : "the old copy stays in the image: avoid rewriting files of a lower layer";
                out.add(new ImageFinding(RULE_ID, "warning", "this layer " + verb + " " + what + " that " + origin
                        + " added; " + advice, b.step().line(), b.step().endLine(), a.index(), b.index(), w.bytes()));
            } else if (firstMatched != Integer.MAX_VALUE && w.removedBy() < firstMatched) {
                // both layers belong to the base image: not this Dockerfile's to fix, and not counted
                // toward --max-wasted (ImageReport.baseWastedBytes)
                out.add(new ImageFinding(RULE_ID, "note", "inside the base image, layer " + a.index() + " (" + brief(a)
                        + ") adds " + what + " that layer " + b.index() + " (" + brief(b) + ") " + verb
                        + "; no change to this Dockerfile removes it (a slimmer base may not have it)", null, null,
                        a.index(), b.index(), w.bytes()));
            } else {
                String advice = deleted ? "clean up in the same RUN that creates them" : "write the final version once";
                out.add(new ImageFinding(RULE_ID, "warning", "layer " + a.index() + " (" + brief(a) + ") adds " + what
                        + " that layer " + b.index() + " (" + brief(b) + ") " + verb + "; " + advice, null, null,
                        a.index(), b.index(), w.bytes()));
            }
        }
        return out;
    }

    /**
     * The layer's instruction for a message or the text table: secret values masked (before it is
     * cut, so a cut cannot hide a secret from the masking), blanks collapsed, at most 60 characters.
     */
    static String brief(Layer l) {
        String s = l.instruction() == null || l.instruction().isBlank() ? "no history" : l.instruction();
        s = Secrets.mask(s).replaceAll("\\s+", " ");
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }
}
