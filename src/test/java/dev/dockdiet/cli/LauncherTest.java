package dev.dockdiet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** bin/dockdiet with a bad DOCKDIET_JAVA: exit 2 and one clear line, not a raw shell error and 127. */
class LauncherTest {

    @Test
    void aBadJavaIsOneClearLineAndExitTwo() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "bin/dockdiet", "--version");
        pb.environment().put("DOCKDIET_JAVA", "/nonexistent/bin/java");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(err).isEqualTo("dockdiet: no Java at '/nonexistent/bin/java' (from DOCKDIET_JAVA); "
                + "set DOCKDIET_JAVA to a Java 17+ executable\n");
    }
}
