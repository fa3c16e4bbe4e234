package dev.dockdiet.rules.style;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rule.Applicability;
import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** cd, commands that make no sense in a build, and wget's progress bar (DD411–DD413). */
class ShellReadingStyleTest {

    @Test
    void cdInsteadOfWorkdir() {
        RuleTester.of(new CdInsteadOfWorkdir())
                // hadolint
                .valid("WORKDIR /opt\n",
                        // more
                        "FROM debian:12\nWORKDIR /opt\nRUN make\n",
                        "FROM debian:12\nRUN echo cd /opt\n",
                        "FROM debian:12\nONBUILD RUN cd /app && npm ci\n",
                        "FROM debian:12\nRUN <<EOF python3\nimport os\nos.chdir('/opt')\nEOF\n")
                .invalid("RUN cd /opt\n", at(1, 5, "WORKDIR /opt"))
                .invalid("FROM debian:12\nRUN (cd /src && make) && cd / && rm -rf /src\n", at(2, 6))
                .invalid("FROM debian:12\nRUN sh -c 'cd /tmp && ls'\nRUN [\"cd\", \"/tmp\"]\n", at(2, 12), at(3, 6))
                .test();
    }

    @Test
    void inappropriateCommand() {
        RuleTester.of(new InappropriateCommand())
                // hadolint
                .valid("RUN apt-get install ssh\n",
                        "FROM debian:12\nONBUILD RUN apt-get install ssh\n",
                        // more
                        "FROM debian:12\nRUN apt-get install -y procps vim\n",
                        "FROM debian:12\nRUN command -v ps\n",
                        "FROM debian:12\nRUN ifconfig\n",
                        "FROM debian:12\nRUN echo top kill\n")
                .invalid("RUN top\n", at(1, 5, "`top`"))
                .invalid("FROM debian:12\nONBUILD RUN top\n", at(2, 13))
                .invalid("FROM debian:12\nRUN service nginx start && ps aux | grep nginx && kill 1\n", at(2, 5, "`service`"))
                .invalid("FROM debian:12\nRUN sudo vim /etc/hosts\n", at(2, 10, "`vim`"))
                .test();
    }

    @Test
    void wgetWithoutProgress() {
        RuleTester.of(new WgetWithoutProgress())
                // hadolint
                .valid("FROM node as foo\nRUN wget --progress=dot:giga my.xyz\n",
                        "FROM node as foo\nRUN wget -q my.xyz\n",
                        "FROM node as foo\nRUN wget --quiet my.xyz\n",
                        "FROM node as foo\nRUN wget -nv my.xyz\n",
                        "FROM node as foo\nRUN wget --no-verbose my.xyz\n",
                        "FROM node as foo\nRUN wget --output-file=/tmp/wget.log my.xyz\n",
                        "FROM node as foo\nRUN wget -o /tmp/wget.log my.xyz\n",
                        "FROM node as foo\nRUN wget --append-output=/tmp/wget.log my.xyz\n",
                        "FROM node as foo\nRUN wget -a /tmp/wget.log my.xyz\n",
                        "FROM node as foo\nONBUILD RUN wget --progress=dot:giga my.xyz\n",
                        // more
                        "FROM alpine:3.20\nRUN wget -qO- https://example.com/install.sh | sh\n",
                        "FROM alpine:3.20\nRUN wget -qO /tmp/x https://example.com/x\n",
                        "FROM alpine:3.20\nRUN curl -fsSL https://example.com/x\n")
                .fix("FROM node as foo\nRUN wget my.xyz\n", Applicability.SUGGESTED,
                        "FROM node as foo\nRUN wget --progress=dot:giga my.xyz\n", at(2, 5, "--progress=dot:giga"))
                .fix("FROM node as foo\nONBUILD RUN wget my.xyz\n", Applicability.SUGGESTED,
                        "FROM node as foo\nONBUILD RUN wget --progress=dot:giga my.xyz\n", at(2, 13))
                .fix("FROM debian:12\nRUN wget -O /tmp/a.tgz https://x/a.tgz && \\\n    wget -c https://x/b\n",
                        Applicability.SUGGESTED,
                        "FROM debian:12\nRUN wget --progress=dot:giga -O /tmp/a.tgz https://x/a.tgz && \\\n"
                                + "    wget --progress=dot:giga -c https://x/b\n", at(2, 5), at(3, 5))
                .invalid("RUN wget my.xyz\n", at(1, 5))
                .invalid("FROM alpine:3.20\nRUN wget -O /tmp/x https://x/y\n", at(2, 5, "-q"))
                .invalid("FROM debian:12\nRUN [\"wget\", \"https://x/a\"]\n", at(2, 6))
                .test();
    }
}
