package dev.dockdiet.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The vectors of github/codeql-action's src/fingerprints.test.ts. */
class LineHashTest {

    private static final String[] HELLO = {
        "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
        "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1",
    };

    @Test
    void emptyFile() {
        assertThat(LineHash.hashLines("")).containsExactly("c129715d7a2bc9a3:1");
    }

    @Test
    void blanksAndTabsAreSkipped() {
        assertThat(LineHash.hashLines(" a\nb\n  \t\tc\n d")).containsExactly(
                "271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1");
    }

    @Test
    void withoutFinalNewline() {
        assertThat(LineHash.hashLines(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End")).containsExactly(
                "8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1",
                "b86d3392aea1be30:1", "e6ceba753e1a442:1");
    }

    @Test
    void everyLineEndingGivesTheSameHashes() {
        assertThat(LineHash.hashLines(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n")).containsExactly(HELLO);
        assertThat(LineHash.hashLines(" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r")).containsExactly(HELLO);
        assertThat(LineHash.hashLines(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n")).containsExactly(HELLO);
        assertThat(LineHash.hashLines(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n")).containsExactly(HELLO);
    }

    @Test
    void repeatedLinesAreNumbered() {
        assertThat(LineHash.hashLines("Lorem ipsum dolor sit amet.\n".repeat(10))).containsExactly(
                "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
                "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
                "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1");
    }

    @Test
    void aBomChangesTheFirstLineOnly() {
        String[] plain = LineHash.hashLines("FROM a\nRUN b\n");
        String[] bom = LineHash.hashLines("\uFEFFFROM a\nRUN b\n");
        assertThat(bom[0]).isNotEqualTo(plain[0]);
        assertThat(bom[1]).isEqualTo(plain[1]);
    }
}
