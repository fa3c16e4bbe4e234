package dev.dockdiet.size;

import dev.dockdiet.syntax.ImageRef;

/**
 * Every base dockdiet writes (a rewrite's runtime stage, a fix's replacement image) names a tag:
 * an untagged FROM is whatever {@code latest} is on the day of the build, and dockdiet's own
 * DD201 flags it. The knowledge base names some alternatives without a tag (the distroless
 * images); this is where they get the tag their project documents.
 */
public final class ImageTags {

    /**
     * The tag distroless images are written with: GoogleContainerTools/distroless documents the
     * tags {@code latest}, {@code nonroot}, {@code debug} and {@code debug-nonroot}; {@code latest}
     * is DD202's finding and runs as root, {@code nonroot} runs as uid 65532 (the distroless
     * images' {@code nonroot} user).
     */
    public static final String DISTROLESS_TAG = "nonroot";

    private ImageTags() {
    }

    /**
     * The image as it is written, with an explicit tag: unchanged when it has a tag or a digest or
     * is {@code scratch}; a distroless image gets {@code :nonroot}; null when no documented tag is
     * known (the caller then does not write it).
     */
    public static String explicit(String image) {
        if (image == null) {
            return null;
        }
        ImageRef ref = ImageRef.parse(image);
        if (ref == null) {
            return null;
        }
        if (ref.isScratch() || ref.tag() != null || ref.digest() != null) {
            return image;
        }
        if ("gcr.io".equals(ref.registry()) && ref.repository().startsWith("distroless/")) {
            return image + ":" + DISTROLESS_TAG;
        }
        return null;
    }

    /** The image pinned to a digest: {@code name:tag@sha256:…} (the tag stays for people and for bots). */
    public static String pinned(String image, String digest) {
        ImageRef ref = ImageRef.parse(image);
        if (ref == null || ref.isScratch() || ref.digest() != null || digest == null) {
            return image;
        }
        return image + "@" + digest;
    }
}
