package dev.dockdiet.lint;

import dev.dockdiet.rule.Category;
import dev.dockdiet.rule.Finding;
import dev.dockdiet.size.ImageMatch;
import dev.dockdiet.size.KnowledgeBase;
import dev.dockdiet.size.SizePicture;
import dev.dockdiet.size.SizePictures;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The size picture that ends a file's report: the final base, what each size finding saves. */
final class SizeSummary {

    private SizeSummary() {
    }

    static SizePicture of(Dockerfile df, List<Finding> findings, KnowledgeBase kb) {
        Optional<Stage> last = df.finalStage();
        if (last.isEmpty() || kb == null) {
            return null;
        }
        Stage s = last.get();
        // follow FROM <stage> to the image the final stage really starts from
        while (s.baseStage() >= 0) {
            s = df.stages().get(s.baseStage());
        }
        String base = s.baseName() != null ? s.baseName() : s.from().image() == null ? "?" : s.from().image().text();
        List<SizePictures.Item> items = new ArrayList<>();
        for (Finding f : findings) {
            // DD130 costs build time (a lost cache), not image bytes
            if (f.rule().category() == Category.SIZE
                    && f.rule() != dev.dockdiet.rules.size.InstallAfterSourceCopy.META) {
                String what = f.fix() != null ? f.fix().description() : f.rule().name();
                items.add(new SizePictures.Item(f.rule().id(), what, f.savings()));
            }
        }
        if (s.isScratch()) {
            return SizePictures.build("scratch", Optional.empty(), items);
        }
        Optional<ImageMatch> match = s.base() == null ? Optional.empty() : kb.match(s.base());
        return SizePictures.build(base, match, items);
    }
}
