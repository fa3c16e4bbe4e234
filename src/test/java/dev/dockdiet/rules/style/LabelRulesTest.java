package dev.dockdiet.rules.style;

import static dev.dockdiet.rules.RuleTester.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Rule;
import dev.dockdiet.rule.RuleSettings;
import dev.dockdiet.rules.RuleTester;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DD420–DD428 (hadolint's DL3049–DL3058), with the cases of hadolint's own specs. */
class LabelRulesTest {

    private static RuleSettings schema(boolean strict, String... labelAndType) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < labelAndType.length; i += 2) {
            m.put(labelAndType[i], labelAndType[i + 1]);
        }
        return RuleSettings.defaults().withLabels(m, strict);
    }

    @Test
    void nothingWithoutASchema() {
        for (Rule r : LabelRules.all()) {
            assertThat(RuleTester.of(r).findings("FROM a\nLABEL x=\"\" y=1\n")).as(r.meta().id()).isEmpty();
        }
    }

    @Test
    void missing() {
        RuleTester.of(new LabelMissing()).settings(schema(false, "foo", "text"))
                .valid("FROM baseimage\nLABEL foo=\"bar\"\n",
                        "FROM baseimage as base\nLABEL foo=\"bar\"\nFROM base\n",
                        // a stage others only copy from ships no image
                        "FROM golang:1.22 AS build\nRUN go build\nFROM scratch\nLABEL foo=1\nCOPY --from=build /a /a\n",
                        "FROM baseimage\nONBUILD LABEL foo=\"bar\"\n")
                .invalid("FROM baseimage\n", at(1, 1, "Label 'foo' is missing"))
                .invalid("FROM baseimage\nLABEL bar=\"baz\"\n", at(1, 1))
                .invalid("FROM stage1\nFROM stage2\n", at(1, 1), at(2, 1))
                .invalid("FROM stage1\nLABEL bar=\"baz\"\nFROM stage2\nLABEL buzz=\"fuzz\"\n", at(1, 1), at(3, 1))
                .invalid("FROM baseimage\nFROM newimage\nLABEL foo=\"bar\"\n", at(1, 1))
                .invalid("FROM baseimage\nLABEL baz=\"bar\"\nFROM newimage\nLABEL foo=\"bar\"\n", at(1, 1))
                .invalid("FROM baseimage as base\nFROM base\nLABEL foo=\"bar\"\n", at(1, 1))
                .test();
        // one finding per missing label
        assertThat(RuleTester.of(new LabelMissing()).settings(schema(false, "a", "text", "b", "url"))
                .findings("FROM x\n")).hasSize(2);
    }

    @Test
    void superfluous() {
        RuleTester.of(new LabelNotInSchema()).settings(schema(true, "required", "text"))
                .valid("FROM a\n", "LABEL required=\"foo\"\n", "ONBUILD LABEL required=\"bar\"\n")
                .invalid("LABEL other=\"bar\"\n", at(1, 7, "Superfluous label 'other'"))
                .invalid("ONBUILD LABEL other=\"bar\"\n", at(1, 15))
                .invalid("LABEL required=\"foo\" other=\"bar\"\n", at(1, 22))
                .test();
        // only with strict labels
        assertThat(RuleTester.of(new LabelNotInSchema()).settings(schema(false, "required", "text"))
                .findings("LABEL other=1\n")).isEmpty();
    }

    @Test
    void empty() {
        RuleTester.of(new LabelEmpty()).settings(schema(false, "emptylabel", "text"))
                .valid("LABEL emptylabel=\"foo\"\n", "ONBUILD LABEL emptylabel=\"bar\"\n", "LABEL other=\"\"\n")
                .invalid("LABEL emptylabel=\"\"\n", at(1, 7, "Label 'emptylabel' is empty"))
                .invalid("ONBUILD LABEL emptylabel=\"\"\n", at(1, 15))
                .test();
    }

    @Test
    void typed() {
        RuleTester.of(new LabelNotUrl()).settings(schema(false, "urllabel", "url"))
                .valid("LABEL urllabel=\"http://example.com\"\n", "LABEL other=\"foo\"\n",
                        "LABEL urllabel=\"https://github.com/org/repo\"\n", "LABEL urllabel=$SOURCE_URL\n",
                        "LABEL urllabel=\"\"\n")
                .invalid("LABEL urllabel=\"not-url\"\n", at(1, 16, "not a valid URL"))
                .invalid("ONBUILD LABEL urllabel=\"not-url\"\n", at(1, 24))
                .test();
        RuleTester.of(new LabelNotRfc3339()).settings(schema(false, "datelabel", "rfc3339"))
                .valid("LABEL datelabel=\"2021-03-10T10:26:33.564595127+01:00\"\n", "LABEL other=\"doo\"\n",
                        "LABEL datelabel=2024-05-01T12:00:00Z\n", "LABEL datelabel=\"${BUILD_DATE}\"\n")
                .invalid("LABEL datelabel=\"not-date\"\n", at(1, 17, "RFC 3339"))
                .invalid("LABEL datelabel=2024-05-01\n", at(1, 17))
                .test();
        RuleTester.of(new LabelNotSpdx()).settings(schema(false, "spdxlabel", "spdx"))
                .valid("LABEL spdxlabel=\"BSD-3-Clause\"\n", "LABEL spdxlabel=\"MIT\"\n", "LABEL other=\"fooo\"\n",
                        "LABEL spdxlabel=Apache-2.0\n", "LABEL spdxlabel=GPL-2.0\n")
                .invalid("LABEL spdxlabel=\"not-spdx\"\n", at(1, 17, "SPDX"))
                .invalid("LABEL spdxlabel=\"MIT OR Apache-2.0\"\n", at(1, 17))
                .test();
        RuleTester.of(new LabelNotGitHash()).settings(schema(false, "githash", "hash"))
                .valid("LABEL githash=\"2dbfae9\"\n", "LABEL githash=\"43c572f1272b6b3171dd1db9e41b7027128ce080\"\n",
                        "LABEL other=\"foo\"\n")
                .invalid("LABEL githash=\"not-git-hash\"\n", at(1, 15, "git hash"))
                .invalid("LABEL githash=2DBFAE9\n", at(1, 15))
                .test();
        RuleTester.of(new LabelNotSemver()).settings(schema(false, "semver", "semver"))
                .valid("LABEL semver=\"1.0.0\"\n", "ONBUILD LABEL semver=\"2.0.1-rc1\"\n", "LABEL other=\"foo\"\n",
                        "LABEL semver=1.0.0-alpha+001\n")
                .invalid("LABEL semver=\"not-sem-ver\"\n", at(1, 14, "semantic version"))
                .invalid("LABEL semver=1.2\n", at(1, 14))
                .test();
        RuleTester.of(new LabelNotEmail()).settings(schema(false, "maintainer", "email"))
                .valid("LABEL maintainer=\"abcd@google.com\"\n", "LABEL other=\"doo\"\n",
                        "LABEL maintainer=first.last+tag@sub.example.org\n")
                .invalid("LABEL maintainer=\"not-email\"\n", at(1, 18, "e-mail"))
                .invalid("LABEL maintainer=\"Jane Doe <jane@example.com>\"\n", at(1, 18))
                .test();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "https://a.b/c?d=e#f", "ftp://x", "urn:isbn:0451450523",
            "mailto:a@b.c"})
    void urls(String v) {
        assertThat(LabelValues.url(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-url", "example.com", "/path/only", "http://exa mple.com", ""})
    void notUrls(String v) {
        assertThat(LabelValues.url(v)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1985-04-12T23:20:50.52Z", "1996-12-19T16:39:57-08:00", "1937-01-01T12:00:27.87+00:20",
            "2024-02-29t00:00:00z"})
    void rfc3339(String v) {
        assertThat(LabelValues.rfc3339(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30T00:00:00Z", "2024-05-01T12:00Z", "2024-05-01 12:00:00Z", "2024-05-01T12:00:00",
            "2023-13-01T00:00:00Z"})
    void notRfc3339(String v) {
        assertThat(LabelValues.rfc3339(v)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.4", "1.2.3", "10.20.30", "1.1.2-prerelease+meta", "1.0.0-alpha.beta.1",
            "1.0.0-0A.is.legal", "2.0.0+build.1848"})
    void semver(String v) {
        assertThat(LabelValues.semver(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.2", "01.1.1", "1.2.3-0123", "v1.2.3", "1.2.3.4", "1.2.3-+"})
    void notSemver(String v) {
        assertThat(LabelValues.semver(v)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "\"john doe\"@example.com", "user@[192.168.0.1]", "x!#$%&'*+/=?^_`{|}~-@a-b.c"})
    void emails(String v) {
        assertThat(LabelValues.email(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plainaddress", "@example.com", "a@", "a..b@c.d", "a@-b.c", "a b@c.d"})
    void notEmails(String v) {
        assertThat(LabelValues.email(v)).isFalse();
    }

    @Test
    void spdxIds() {
        assertThat(LabelValues.spdx("MIT")).isTrue();
        assertThat(LabelValues.spdx("Apache-2.0")).isTrue();
        assertThat(LabelValues.spdx("GPL-3.0-or-later")).isTrue();
        assertThat(LabelValues.spdx("mit")).isFalse(); // ids are case-sensitive, as in Cabal's parser
        assertThat(LabelValues.spdx("LicenseRef-x")).isFalse();
    }
}
