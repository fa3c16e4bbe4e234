package dev.dockdiet.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsAllValueKinds() throws IOException {
        Object o = Json.parse("\uFEFF { \"a\": [1, -2.5e1, true, false, null, \"x\\\"\\\\\\/\\n\\u00e9\"], \"b\": {}, \"c\": [] }\n");
        assertThat(o).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -25.0, true, false, null, "x\"\\/\né"),
                "b", Map.of(), "c", List.of()));
    }

    @Test
    void rejectsMalformedInputWithTheLine() {
        for (String bad : new String[] {"", "{", "{\"a\" 1}", "[1,]", "[1 2]", "{\"a\":1,}", "\"abc", "tru", "{} x",
                "[\"\\q\"]", "[\"\\u12\"]", "{1:2}", "[01x]"}) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("invalid JSON at line");
        }
        assertThatThrownBy(() -> Json.parse("{\n\"a\": [1,\n}")).hasMessageContaining("line 3");
    }

    @Test
    void readsTheEmbeddedFileLikeJackson() throws IOException {
        Object mine;
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(KnowledgeBase.RESOURCE)) {
            mine = Json.read(in);
        }
        Object jackson;
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(KnowledgeBase.RESOURCE)) {
            jackson = new ObjectMapper().readValue(in, Object.class);
        }
        // Jackson gives Integer for small integers; compare through their string forms
        assertThat(mine.toString()).isEqualTo(jackson.toString());
    }
}
