package dev.dockdiet.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void masksCredentialsInUrlsAndKeepsTheRest() {
        assertThat(Secrets.mask("ADD downloads 'https://deploy:s3cr3tPassw0rd@files.corp.test/a.tgz'"))
                .isEqualTo("ADD downloads 'https://deploy:****@files.corp.test/a.tgz'");
        assertThat(Secrets.mask("git clone https://oauth2:hunter2@gitlab.corp.test/x.git"))
                .isEqualTo("git clone https://oauth2:****@gitlab.corp.test/x.git");
        assertThat(Secrets.mask("https://x9Kq2mP0vL7rT4wZ8nB3@github.com/o/r.git"))
                .isEqualTo("https://****@github.com/o/r.git");
        // a variable is no secret, and a user alone is no secret
        assertThat(Secrets.mask("https://ci:${CI_TOKEN}@host/x https://git@host/x"))
                .isEqualTo("https://ci:${CI_TOKEN}@host/x https://git@host/x");
    }

    @Test
    void masksSecretQueryParameters() {
        assertThat(Secrets.mask("https://h/x?token=abc123&v=2&access_token=Zq8v&key=k1&sig=s%2Fx&page=3"))
                .isEqualTo("https://h/x?token=****&v=2&access_token=****&key=****&sig=****&page=3");
        assertThat(Secrets.mask("https://b.s3.amazonaws.com/o?X-Amz-Credential=AK%2F1&X-Amz-Signature=9f8e"))
                .isEqualTo("https://b.s3.amazonaws.com/o?X-Amz-Credential=****&X-Amz-Signature=****");
        assertThat(Secrets.mask("https://h/x?token=$TOKEN")).isEqualTo("https://h/x?token=$TOKEN");
    }

    @Test
    void masksTokensKeepingTheIssuerPrefix() {
        assertThat(Secrets.mask("ENV AWS_ACCESS_KEY_ID=AKIAZ7QW3RTY5UIO9PLK")).isEqualTo("ENV AWS_ACCESS_KEY_ID=AKIA****");
        assertThat(Secrets.mask("ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8")).isEqualTo("ghp_****");
        // AWS's documentation key is a placeholder, not a secret
        assertThat(Secrets.mask("AKIAIOSFODNN7EXAMPLE")).isEqualTo("AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void masksValuesOfSecretNamesHeadersAndOptions() {
        assertThat(Secrets.mask("ENV DB_PASSWORD=hunter22 API_TOKEN=\"x8Kq2mP0\" NODE_ENV=production"))
                .isEqualTo("ENV DB_PASSWORD=**** API_TOKEN=\"****\" NODE_ENV=production");
        assertThat(Secrets.mask("ENV API_TOKEN x8Kq2mP0vL7r")).isEqualTo("ENV API_TOKEN ****");
        assertThat(Secrets.mask("curl -H \"Authorization: Bearer eyJhbGciOi.x\" -u admin:pw1234 https://h"))
                .isEqualTo("curl -H \"Authorization: Bearer ****\" -u admin:**** https://h");
        assertThat(Secrets.mask("mytool --password=s3cr3t --token abcd1234 --password-stdin"))
                .isEqualTo("mytool --password=**** --token **** --password-stdin");
        // what is not a secret: paths, variables, switches, template words, public names
        String plain = "ENV API_KEY_FILE=/run/secrets/k DB_PASSWORD=$PW GITHUB_TOKEN=\"${GITHUB_TOKEN}\""
                + " AUTH_ENABLED=true GPG_KEY=A4A9406876FCBD3C456770C88C718D3B5072E1F5 \"ENV key=value\""
                + " API_TOKEN=<your-token>";
        assertThat(Secrets.mask(plain)).isEqualTo(plain);
    }

    @Test
    void leavesAloneWhatTheCorpusShowedIsNoSecret() {
        // found by scanning the 2,284-file corpus: ids, versions, fingerprints, uid:gid, pip --user, secret mounts
        String plain = "ENV DefaultProcess__Filters__0__Key=ProcessId\n"
                + "RUN pip install google_auth==2.23.3 && pip install --user 'git+https://github.com/o/r.git@v0.6'\n"
                + "RUN key='DBA3 6B51 81D0 C816 F630  E889 D980 A174 57F6 FB06'\n"
                + "LABEL RUN=\"docker run -u 0:0 -e X=1 img\"\n"
                + "RUN docker build --secret id=npm_token,env=NPM_TOKEN . # give it to the --token option.\n";
        assertThat(Secrets.find(plain)).isEmpty();
    }

    @Test
    void masksPrivateKeyBodiesAcrossLines() {
        String key = "RUN echo '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n"
                + "AAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----' > /k";
        String masked = Secrets.maskKeepingLength(key);
        assertThat(masked).hasSameSizeAs(key).doesNotContain("b3BlbnNz").doesNotContain("AAAAEbm9u")
                .contains("-----BEGIN OPENSSH PRIVATE KEY-----\n").contains("\n-----END OPENSSH PRIVATE KEY-----");
        assertThat(masked.split("\n")).hasSameSizeAs(key.split("\n"));
    }

    @Test
    void maskingIsIdempotentAndKeepingLengthKeepsOffsets() {
        String s = "ADD https://u:p4ssw0rd@h/x?token=t0k3n ENV AWS_ACCESS_KEY_ID=AKIAZ7QW3RTY5UIO9PLK";
        String once = Secrets.mask(s);
        assertThat(Secrets.mask(once)).isEqualTo(once);
        assertThat(Secrets.contains(once)).isFalse();
        String kept = Secrets.maskKeepingLength(s);
        assertThat(kept).hasSameSizeAs(s).isEqualTo(
                "ADD https://u:********@h/x?token=***** ENV AWS_ACCESS_KEY_ID=AKIA****************");
        assertThat(Secrets.maskKeepingLength(kept)).isEqualTo(kept);
    }

    @Test
    void hostileInputStaysLinear() {
        // no assertion on time (see COMMON rules); these must simply finish and find nothing absurd
        String stars = "https://" + "a".repeat(20_000) + ":" + "b".repeat(20_000);
        assertThat(Secrets.find(stars)).isEmpty();
        String equals = "A_TOKEN=".repeat(5_000);
        assertThat(Secrets.mask(equals)).isNotNull();
    }
}
