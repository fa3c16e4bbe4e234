package dev.dockdiet.size;

import dev.dockdiet.rule.Savings;
import dev.dockdiet.rule.Savings.SizeKind;
import dev.dockdiet.syntax.ImageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What dockdiet knows about an image's size, for {@code dockdiet sizes IMAGE}: the figure that applies
 * (the tag it was measured on, date, source) or the range of its variant, every measured tag of the
 * family with the older figures kept as history, and the slimmer alternatives with their sizes and
 * savings. A second size source (a registry) can be put beside it through {@link SizeSource}.
 */
public final class ImageSizes {

    /**
     * A source of image sizes besides the embedded knowledge base; the knowledge base is one. A registry
     * client (exact sizes from the image manifest, {@code --online}) would be another.
     */
    public interface SizeSource {
        /** A short name for reports: {@code knowledge base}, {@code registry}. */
        String name();

        /** The size of the image for the platform, when this source knows it. */
        Optional<SizeFigure> size(ImageRef ref, String platform);
    }

    /** The knowledge base as a {@link SizeSource}: the figure the matching rules give, compressed first. */
    public static SizeSource knowledgeBase(KnowledgeBase kb) {
        return new SizeSource() {
            @Override
            public String name() {
                return "knowledge base";
            }

            @Override
            public Optional<SizeFigure> size(ImageRef ref, String platform) {
                return kb.match(ref).flatMap(ImageMatch::figure);
            }
        };
    }

    /** One slimmer alternative: its size (a figure, a range, or unknown) and the saving of moving to it. */
    public record Alternative(String image, SizeFigure figure, SizeRange range, Savings saving, List<Trap> traps,
                              String note) {
    }

    /**
     * The description of one image.
     *
     * @param image as asked
     * @param known whether the knowledge base knows the image at all (family)
     * @param match the match, null when unknown
     * @param officialAs the official Docker Hub image it stands for ({@code node} for
     *     {@code mcr.microsoft.com/mirror/docker/library/node}); null when it is not one
     * @param others figures from other size sources (empty without them)
     */
    public record Description(String image, boolean known, ImageMatch match, String officialAs,
                              List<KnowledgeBase.Measured> measured, List<Alternative> alternatives,
                              List<Other> others) {
    }

    /** A figure from another {@link SizeSource}. */
    public record Other(String source, SizeFigure figure) {
    }

    private ImageSizes() {
    }

    /** Describes an image; {@code extra} are further size sources asked besides the knowledge base. */
    public static Description describe(String image, KnowledgeBase kb, List<SizeSource> extra) {
        ImageRef ref = ImageRef.parse(image);
        if (ref == null) {
            return new Description(image, false, null, null, List.of(), List.of(), List.of());
        }
        ImageMatch m = kb.match(ref).orElse(null);
        ImageRef n = OfficialImages.normalise(ref);
        String official = n.isDockerHub() && n.repository().startsWith("library/") ? n.familiar() : null;
        List<Other> others = new ArrayList<>();
        for (SizeSource s : extra) {
            s.size(ref, m == null ? null : m.platform()).ifPresent(f -> others.add(new Other(s.name(), f)));
        }
        if (m == null) {
            return new Description(image, false, null, official, List.of(), List.of(), others);
        }
        List<Alternative> alts = new ArrayList<>();
        for (dev.dockdiet.size.Alternative a : kb.alternatives(m)) {
            ImageMatch am = kb.match(a.ref()).orElse(null);
            SizeFigure f = am == null ? null : am.figure(SizeKind.COMPRESSED).or(am::figure).orElse(null);
            alts.add(new Alternative(a.image(), f, am == null ? null : am.range(), kb.saving(m, am).orElse(null),
                    a.traps(), a.note()));
        }
        return new Description(image, true, m, official, kb.measured(m), alts, others);
    }
}
