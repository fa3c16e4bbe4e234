package dev.dockdiet.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Secrets#find} tries each pattern only where its literal is (an anchor): it must find exactly
 * what the patterns find when tried at every position ({@code Matcher.find}, the reference), on the
 * repository's Dockerfiles and on generated text dense in the patterns' edge cases (header names
 * with and without "proxy-", {@code -u}/{@code --user}/{@code --proxy-user}, names of 128 and 129
 * characters before {@code =}, digits and {@code $.{-} before names, case, non-ASCII letters whose
 * lower case is longer).
 */
class SecretsAnchoredSearchTest {

    private static final String[] FRAGMENTS = {
        "Authorization: Bearer ", "proxy-authorization:", "PROXY-Authorization : token ", "X-Api-Key: ",
        "x-auth-token:", "Circle-Token:abc123def", "private-token: ", "x-vault-token :", "api-key:",
        "-u ", "--user ", "--proxy-user=", "user:pa55word", "0:0", "root:/x", "--password ", "--token=",
        "--api-key \"", "--secret id=x", "'quoted v4lue'", "\"dq v4l\"", "=", "==", "A_TOKEN=", "MY_SECRET=",
        "API_KEY=", "db_password=", "Filters__0__Key=ProcessId", "ENV ", "env ", "GITHUB_TOKEN ", "ENV\tAPI_KEY ",
        "https://", "http://u:p4ssw0rd@h", "git+ssh://", "://", "@", "?token=", "&key=", "&sig=", "?", "&",
        "AKIAIOSFODNN7ABCDEFG", "ghp_0123456789abcdefghijABCDEFGHIJ012345", "glpat-abcdefghij0123456789",
        "sk_live_0123456789abcdefghijkl", "xoxb-123456-abcdefgh1", "-----BEGIN RSA PRIVATE KEY-----\n",
        " ", " ", "\n", "\t", "$", "${", "{", ".", "-", "_", "\\\n", ":", "\u0130", "\u212a", "\u00e9",
        "A".repeat(127), "B".repeat(128), "9abc=", "x9Kq2mP0vL7rT4wZ8nB3qq", "s3cr3tPassw0rd", "$TOKEN",
    };

    @Test
    void findsWhatEveryStartFindsInGeneratedText() {
        Random r = new Random(20261203);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int parts = 1 + r.nextInt(14);
            for (int p = 0; p < parts; p++) {
                if (r.nextInt(5) == 0) {
                    for (int k = r.nextInt(12); k > 0; k--) {
                        b.append((char) (r.nextInt(5) == 0 ? 32 + r.nextInt(95) : "aZ09_-=:@?&/$".charAt(r.nextInt(13))));
                    }
                } else {
                    b.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
                }
            }
            String text = b.toString();
            assertThat(Secrets.find(text, false)).as("%s", text).isEqualTo(Secrets.find(text, true));
        }
    }

    @Test
    void findsWhatEveryStartFindsInTheRepositorysDockerfiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("test-fixtures"))) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThan(100);
        int withSecrets = 0;
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            List<Secrets.Span> reference = Secrets.find(text, true);
            assertThat(Secrets.find(text, false)).as("%s", f).isEqualTo(reference);
            withSecrets += reference.isEmpty() ? 0 : 1;
        }
        assertThat(withSecrets).as("fixtures that hold secrets (the comparison must see some)").isGreaterThan(3);
    }
}
