package dev.dockdiet.size;

import dev.dockdiet.rule.Finding;
import dev.dockdiet.rule.Savings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts each saving once. Findings that propose the same change (DD101 "use eclipse-temurin:21-jre"
 * and DD102 "run on eclipse-temurin:21-jre" for the same {@code FROM}) share one saving: the finding
 * of the lowest rule id counts it, the others show it as {@link Savings#sharedWith()}. A DD103 finding
 * (the final stage compiles) proposes what DD102 proposes (build in a builder stage, ship only the
 * result on a runtime image): it shares DD102's saving, the base change when there is one.
 */
public final class SavingsLedger {

    private SavingsLedger() {
    }

    /** The findings, in the same order, with shared savings marked. */
    public static List<Finding> countOnce(List<Finding> findings) {
        Map<String, String> owner = new HashMap<>();
        Savings toolchainMove = null;
        for (Finding f : findings) {
            Savings s = f.savings();
            String id = f.rule().id();
            if (s != null && s.change() == null && id.equals("DD102")) {
                toolchainMove = toolchainMove == null ? s.withChange("DD102 " + f.range().startLine() + ":"
                        + f.range().startColumn()) : toolchainMove;
            }
            if (s == null || s.change() == null) {
                continue;
            }
            owner.merge(s.change(), id, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            if (id.equals("DD102") && (toolchainMove == null || SizePictures.baseChangeTarget(s.change()) != null)) {
                toolchainMove = s;
            }
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Savings s = f.savings();
            String id = f.rule().id();
            if (id.equals("DD103") && toolchainMove != null && (s == null || s.change() == null
                    || !s.change().equals(toolchainMove.change()))) {
                // building in a builder stage is the move DD102 proposes: its saving, counted there
                f = f.withSavings(toolchainMove.sharedWith("DD102"));
            } else if (s != null && s.change() != null && !owner.get(s.change()).equals(id)) {
                f = f.withSavings(s.sharedWith(owner.get(s.change())));
            } else if (s == null && id.equals("DD103") && toolchainMove != null) {
                // building in a builder stage is the move DD102 proposes: its saving, counted there
                f = f.withSavings(toolchainMove.sharedWith("DD102"));
            }
            out.add(f);
        }
        return out;
    }
}
