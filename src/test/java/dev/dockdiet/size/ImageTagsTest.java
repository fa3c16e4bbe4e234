package dev.dockdiet.size;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageTagsTest {

    @Test
    void distrolessGetsTheDocumentedNonrootTag() {
        assertThat(ImageTags.explicit("gcr.io/distroless/cc-debian12")).isEqualTo("gcr.io/distroless/cc-debian12:nonroot");
        assertThat(ImageTags.explicit("gcr.io/distroless/static-debian12")).isEqualTo("gcr.io/distroless/static-debian12:nonroot");
    }

    @Test
    void taggedDigestedAndScratchStayAsWritten() {
        assertThat(ImageTags.explicit("node:22-slim")).isEqualTo("node:22-slim");
        assertThat(ImageTags.explicit("gcr.io/distroless/cc-debian12:debug")).isEqualTo("gcr.io/distroless/cc-debian12:debug");
        assertThat(ImageTags.explicit("alpine@sha256:" + "a".repeat(64))).isEqualTo("alpine@sha256:" + "a".repeat(64));
        assertThat(ImageTags.explicit("scratch")).isEqualTo("scratch");
    }

    @Test
    void anUntaggedImageWithoutADocumentedTagIsNotWritten() {
        assertThat(ImageTags.explicit("node")).isNull();
        assertThat(ImageTags.explicit("registry.example.com/team/base")).isNull();
        assertThat(ImageTags.explicit(null)).isNull();
    }

    @Test
    void pinningKeepsTheTag() {
        String d = "sha256:" + "b".repeat(64);
        assertThat(ImageTags.pinned("node:22-slim", d)).isEqualTo("node:22-slim@" + d);
        assertThat(ImageTags.pinned("scratch", d)).isEqualTo("scratch");
        assertThat(ImageTags.pinned("node:22-slim", null)).isEqualTo("node:22-slim");
    }
}
