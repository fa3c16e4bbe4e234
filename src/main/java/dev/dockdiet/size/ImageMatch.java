package dev.dockdiet.size;

import dev.dockdiet.rule.Savings.SizeKind;
import dev.dockdiet.syntax.ImageRef;
import java.util.List;
import java.util.Optional;

/**
 * What the knowledge base knows about one image reference. It never guesses: {@link #figures()} is
 * empty unless a figure measured on the same family, variant and version line applies (see
 * {@code rules/size-knowledge-base.md}, "Matching").
 *
 * @param ref the reference that was matched
 * @param family e.g. {@code node}, {@code eclipse-temurin}, {@code dotnet/sdk}, {@code distroless/static};
 *     for a private base, its name
 * @param variant e.g. {@code full}, {@code slim}, {@code alpine}, {@code jre}; null when the tag is
 *     unknown (a digest only) or names a variant the knowledge base does not have
 * @param version as written in the tag ({@code 20.11}, {@code lts}, {@code bookworm}) or in the
 *     repository name ({@code nodejs22} gives {@code 22}); null for {@code latest} or no tag
 * @param os the OS release named by the tag ({@code bookworm}, {@code noble}, {@code alpine3.19},
 *     {@code debian12}); null when the tag names none
 * @param runtime what the image serves
 * @param toolchain true for a build image that should not be the final stage (golang, rust, maven,
 *     gradle, dotnet/sdk, gcc, buildpack-deps, a JDK, full node)
 * @param deprecated the image is deprecated upstream (openjdk)
 * @param figures at most one figure per {@link SizeKind}, compressed first; empty: size unknown
 * @param traps what can break on this image (musl, no shell ...)
 * @param note a remark on the family (null if none)
 * @param userDefined the match comes from {@code .dockdiet.yaml} ({@code images:})
 * @param range when {@code figures} is empty but the family and variant have measured version lines:
 *     the span of those figures (never a point value); null otherwise
 * @param platform the platform the reference asks for when it is not the measured linux/amd64
 *     ({@code arm64v8/alpine} asks for linux/arm64/v8); null for amd64 or unspecified. Every figure
 *     is still a linux/amd64 figure, and reports say so.
 */
public record ImageMatch(ImageRef ref, String family, String variant, String version, String os,
                         ImageRuntime runtime, boolean toolchain, boolean deprecated,
                         List<SizeFigure> figures, List<Trap> traps, String note, boolean userDefined,
                         SizeRange range, String platform) {

    public ImageMatch {
        figures = List.copyOf(figures);
        traps = List.copyOf(traps);
    }

    /** A match without range or platform remark. */
    public ImageMatch(ImageRef ref, String family, String variant, String version, String os,
                      ImageRuntime runtime, boolean toolchain, boolean deprecated,
                      List<SizeFigure> figures, List<Trap> traps, String note, boolean userDefined) {
        this(ref, family, variant, version, os, runtime, toolchain, deprecated, figures, traps, note, userDefined,
                null, null);
    }

    /** The same match with another platform remark. */
    public ImageMatch withPlatform(String p) {
        return new ImageMatch(ref, family, variant, version, os, runtime, toolchain, deprecated, figures, traps, note,
                userDefined, range, p);
    }

    /** Whether anything can be said about the size: a figure, or a range of figures. */
    public boolean sizeOrRangeKnown() {
        return !figures.isEmpty() || range != null;
    }

    /** The figure to quote: compressed when known, else uncompressed; empty when the size is unknown. */
    public Optional<SizeFigure> figure() {
        return figures.isEmpty() ? Optional.empty() : Optional.of(figures.get(0));
    }

    public Optional<SizeFigure> figure(SizeKind kind) {
        for (SizeFigure f : figures) {
            if (f.kind() == kind) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public boolean sizeKnown() {
        return !figures.isEmpty();
    }
}
