package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** COPY of an archive extracted later (DD125) and useradd with a high UID (DD126). */
class ArchiveAndUseraddTest {

    @Test
    void copyArchiveThenExtract() {
        RuleTester.of(new CopyArchiveThenExtract())
                // hadolint
                .valid("COPY packaged-app.tar /usr/src/app\nFROM debian:11 as newstage\n",
                        "COPY package.json /usr/src/app\n",
                        "COPY --from=builder /usr/local/share/some.tar /opt/some.tar\n",
                        // more
                        "FROM debian:12\nCOPY packaged-app.tar /usr/src/app/\nFROM debian:12\nRUN tar -xf packaged-app.tar\n",
                        "FROM debian:12\nCOPY app.tar /opt/\nRUN tar -cf backup.tar /opt/app.tar\n",
                        "FROM debian:12\nCOPY app.zip /opt/\nRUN unzip /opt/app.zip\n",
                        "FROM debian:12\nCOPY a.tar.gz /opt/\nRUN tar -xzf /opt/b.tar.gz\n")
                .invalid("COPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar\n",
                        at(1, 6, "packaged-app.tar is copied and then extracted with tar"))
                .invalid("COPY packaged-app.tar /usr/src/app\nWORKDIR /usr/src/app\n"
                        + "RUN foo bar && echo something && tar -xf packaged-app.tar\n", at(1, 6))
                .invalid("COPY foo/bar/packaged-app.tar /foo.tar\nRUN tar -xf /foo.tar\n", at(1, 31, "foo.tar"))
                .invalid("COPY build\\foo\\bar.tar.gz \"C:\\Program Files\\Foo\"\n"
                        + "RUN tar -xf \"C:\\Program Files\\Foo\\bar.tar.gz\"\n", at(1, 6, "bar.tar.gz"))
                .invalid("COPY build\\foo\\bar.tar.gz \"C:\\Program Files\\foo.tar.gz\"\nRUN tar -xf foo.tar.gz\n",
                        at(1, 39, "foo.tar.gz"))
                .invalid("FROM debian:12\nCOPY a.tgz b.tar.xz /tmp/\nRUN tar xzf /tmp/a.tgz && unxz /tmp/b.tar.xz\n",
                        at(2, 6, "a.tgz"), at(2, 12, "b.tar.xz is copied and then extracted with unxz"))
                .test();
    }

    @Test
    void useraddLogInit() {
        RuleTester.of(new UseraddLogInit())
                // hadolint
                .valid("RUN useradd luser\n",
                        "RUN useradd -u 12345 luser\n",
                        "RUN useradd -l -u 123456 luser\n",
                        "RUN useradd -l luser\n",
                        // more
                        "FROM debian:12\nRUN useradd --no-log-init --uid 1000000 app\n",
                        "FROM debian:12\nRUN useradd -r -lu 2000000 app\n",
                        "FROM debian:12\nARG UID=1000\nRUN useradd -u ${UID} app\n",
                        "FROM debian:12\nRUN useradd -u \"$HOST_UID\" app\n")
                .invalid("RUN useradd -u 123456 luser\n", at(1, 5, "about 36 MB uncompressed of lastlog for UID 123456"))
                .fix("FROM debian:12\nRUN groupadd -g 1000000 app && useradd -u 1000000 -g app app\n", Applicability.SAFE,
                        "FROM debian:12\nRUN groupadd -g 1000000 app && useradd -l -u 1000000 -g app app\n",
                        at(2, 32, "add -l"))
                .fix("FROM debian:12\nARG APP_UID=100001\nONBUILD RUN useradd --uid=$APP_UID app\n", Applicability.SAFE,
                        "FROM debian:12\nARG APP_UID=100001\nONBUILD RUN useradd -l --uid=$APP_UID app\n", at(3, 13))
                .test();
    }
}
