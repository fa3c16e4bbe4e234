package dev.dockdiet.size.registry;

import dev.dockdiet.size.ImageSizes;
import dev.dockdiet.rule.Savings;
import dev.dockdiet.size.SizeFigure;
import dev.dockdiet.syntax.ImageRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry as a size source for {@code dockdiet sizes --online}: the exact compressed size of
 * the image for the platform, with the manifest it was read from. Lookups that fail are kept as
 * one line each, for the command to print.
 */
public final class RegistrySizeSource implements ImageSizes.SizeSource {

    private final RegistrySizes registry;
    private final List<String> problems = new ArrayList<>();

    public RegistrySizeSource(RegistrySizes registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "registry";
    }

    @Override
    public Optional<SizeFigure> size(ImageRef ref, String platform) {
        Platform p = platform == null ? Platform.LINUX_AMD64 : Platform.parse(platform);
        if (p == null) {
            p = Platform.LINUX_AMD64;
        }
        RegistrySizes.Outcome o = registry.lookup(List.of(ref), p).get(ref);
        if (o == null || !o.found()) {
            problems.add(ref.raw() + ": " + (o == null ? "no answer" : o.problem()));
            return Optional.empty();
        }
        RegistrySize s = o.size();
        return Optional.of(new SizeFigure(s.reference(), Savings.SizeKind.COMPRESSED, s.compressedBytes(), s.platform(),
                s.fetchedAt().toString().substring(0, 10), s.source(), s.digest() + ", " + s.layers() + " layers",
                "exact", SizeFigure.Fit.EXACT));
    }

    /** One line per image the registry could not size, in the order asked. */
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
