package dev.dockdiet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No report shows a secret value: an AWS key, a URL's password and token query parameters are masked
 * in all seven formats and in {@code --diff}; fixes whose text holds a secret are left out of the
 * machine formats; {@code --fix} still writes the real text.
 */
class SecretMaskingCliTest {

    static final String DOCKERFILE = """
            FROM node:20
            WORKDIR /app
            ENV AWS_ACCESS_KEY_ID AKIAZ7QW3RTY5UIO9PLK
            ADD https://deploy:Rq7vX2pLm9Kd44@files.corp.test/app.tar.gz /opt/
            ADD https://files.corp.test/tool.tar.gz?token=tk9f8e7d6c5b4a3f2e1d0c /opt/
            COPY . .
            RUN npm ci && npm run build
            run wget -q "https://api.corp.test/x?access_token=Zq8vN3kL0pWm5tR7&v=2" -O /tmp/x
            CMD ["node", "dist/index.js"]
            """;

    /** The raw secrets (the AWS key without its issuer prefix, which masking keeps). */
    static final List<String> SECRETS = List.of("Z7QW3RTY5UIO9PLK", "Rq7vX2pLm9Kd44", "tk9f8e7d6c5b4a3f2e1d0c",
            "Zq8vN3kL0pWm5tR7");
    static final List<String> FORMATS = List.of("text", "json", "sarif", "checkstyle", "github", "gitlab", "rdjson");

    @TempDir
    Path dir;

    private Path dockerfile() throws IOException {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, DOCKERFILE, StandardCharsets.UTF_8);
        return f;
    }

    private static void assertNoSecret(String what, String out) {
        for (String s : SECRETS) {
            assertThat(out).as(what + " shows " + s).doesNotContain(s);
        }
    }

    @Test
    void noFormatShowsASecretValue() throws IOException {
        Path f = dockerfile();
        for (String format : FORMATS) {
            CliRunner.Run r = CliRunner.run("--color", "never", "-f", format, f.toString());
            assertThat(r.code()).as(format).isEqualTo(1);
            assertThat(r.out()).as(format).isNotBlank();
            assertNoSecret(format, r.out());
            assertNoSecret(format + " stderr", r.err());
        }
        assertThat(Files.readString(f)).as("reporting changes no file").isEqualTo(DOCKERFILE);
    }

    @Test
    void aBigFileLintedOnEveryCoreShowsNoSecretEither() throws IOException {
        // over dev.dockdiet.syntax.Parallel.MIN_CHARS: parsed in parts, rules on several threads, and
        // the reports' secret scan beside the lint
        StringBuilder b = new StringBuilder();
        while (b.length() <= dev.dockdiet.syntax.Parallel.MIN_CHARS) {
            b.append(DOCKERFILE).append('\n');
        }
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, b, StandardCharsets.UTF_8);
        for (String format : List.of("text", "json", "sarif")) {
            CliRunner.Run r = CliRunner.run("--color", "never", "-f", format, f.toString());
            assertThat(r.code()).as(format).isEqualTo(1);
            assertNoSecret(format, r.out());
            assertNoSecret(format + " stderr", r.err());
        }
        String text = CliRunner.run("--color", "never", f.toString()).out();
        assertThat(text).contains("ADD https://deploy:**************@files.corp.test/app.tar.gz /opt/\n");
    }

    @Test
    void masksKeepTheMeaning() throws IOException {
        Path f = dockerfile();
        String text = CliRunner.run("--color", "never", f.toString()).out();
        // source excerpts: stars of the secret's length, so the carets still point at the right columns
        assertThat(text).contains("3 | ENV AWS_ACCESS_KEY_ID AKIA****************\n")
                .contains("4 | ADD https://deploy:**************@files.corp.test/app.tar.gz /opt/\n")
                .contains("?access_token=****************&v=2\"");
        // rule messages (DD307 quotes the URL) in every format
        for (String format : FORMATS) {
            String out = CliRunner.run("-f", format, f.toString()).out();
            assertThat(out).as(format).contains("https://deploy:****@files.corp.test/app.tar.gz")
                    .contains("tool.tar.gz?token=****").contains("AKIA****");
        }
    }

    @Test
    void machineFormatsLeaveOutFixesThatWouldShowASecret() throws IOException {
        Path f = dockerfile();
        ObjectMapper m = new ObjectMapper();
        // DD102's multi-stage rewrite copies the ENV line with the key: its edits are not shown
        JsonNode json = m.readTree(CliRunner.run("-f", "json", f.toString()).out());
        JsonNode rewrite = null;
        for (JsonNode finding : json.at("/files/0/findings")) {
            if (finding.get("rule").asText().equals("DD102")) {
                rewrite = finding;
            }
        }
        assertThat(rewrite).isNotNull();
        assertThat(rewrite.at("/fix/edits")).isEmpty();
        assertThat(rewrite.at("/fix/description").asText()).contains("edits not shown: they contain a secret value");

        JsonNode sarif = m.readTree(CliRunner.run("-f", "sarif", f.toString()).out());
        int withFixes = 0;
        for (JsonNode result : sarif.at("/runs/0/results")) {
            if (result.get("ruleId").asText().equals("DD102")) {
                assertThat(result.has("fixes")).as("DD102 fix in SARIF").isFalse();
            }
            withFixes += result.has("fixes") ? 1 : 0;
        }
        assertThat(withFixes).as("fixes without secrets are still there").isPositive();

        // rdjson: a suggestion replaces whole lines, so a fix on the key's line (DD405) has none, and says why
        JsonNode rd = m.readTree(CliRunner.run("-f", "rdjson", f.toString()).out());
        boolean sawWithheld = false;
        for (JsonNode d : rd.at("/diagnostics")) {
            if (d.at("/code/value").asText().equals("DD405")) {
                assertThat(d.has("suggestions")).isFalse();
                assertThat(d.get("message").asText()).contains("no suggestion: the changed lines hold a secret value");
                sawWithheld = true;
            }
        }
        assertThat(sawWithheld).isTrue();
    }

    @Test
    void diffMasksAndFixWritesTheRealText() throws IOException {
        Path f = dockerfile();
        CliRunner.Run diff = CliRunner.run("--diff", "--fix=suggested", f.toString());
        assertThat(diff.code()).isEqualTo(1);
        assertThat(diff.out()).contains("+ENV AWS_ACCESS_KEY_ID=AKIA****************").contains("@@");
        assertNoSecret("--diff", diff.out());
        assertThat(Files.readString(f)).isEqualTo(DOCKERFILE);

        CliRunner.Run fix = CliRunner.run("--fix=suggested", "-f", "json", f.toString());
        assertNoSecret("--fix report", fix.out());
        String fixed = Files.readString(f);
        assertThat(fixed).contains("AWS_ACCESS_KEY_ID=AKIAZ7QW3RTY5UIO9PLK")
                .contains("https://deploy:Rq7vX2pLm9Kd44@files.corp.test/app.tar.gz")
                .contains("?token=tk9f8e7d6c5b4a3f2e1d0c").contains("access_token=Zq8vN3kL0pWm5tR7");
    }
}
