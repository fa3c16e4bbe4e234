package dev.dockdiet.rules.size;

import static dev.dockdiet.rules.RuleTester.at;

import dev.dockdiet.rules.RuleTester;
import org.junit.jupiter.api.Test;

class RemoteArchiveAddTest {

    @Test
    void cases() {
        RuleTester.of(new RemoteArchiveAdd())
                .valid(
                        "FROM debian:bookworm-slim\nRUN curl -fsSL https://e.com/x.tar.gz | tar -xz -C /opt\n",
                        // local archives are extracted by ADD
                        "FROM debian:bookworm-slim\nADD x.tar.gz /opt/\n",
                        // not an archive
                        "FROM debian:bookworm-slim\nADD https://e.com/tini /tini\n",
                        "FROM debian:bookworm-slim\nADD https://github.com/a/b.git /src\n",
                        // ADD --unpack extracts remote archives too
                        "FROM debian:bookworm-slim\nADD --unpack=true https://e.com/x.tar.gz /opt/\n",
                        // in a builder, the layer does not ship
                        "FROM debian:bookworm AS dl\nADD --checksum=sha256:00 https://e.com/x.tgz /x.tgz\n"
                                + "RUN tar -xzf /x.tgz -C /opt\nFROM debian:bookworm-slim\nCOPY --from=dl /opt /opt\n")
                .invalid("FROM debian:bookworm-slim\nADD https://e.com/dl/app-1.2.tar.gz /tmp/\n"
                                + "RUN tar -xzf /tmp/app-1.2.tar.gz -C /opt && rm /tmp/app-1.2.tar.gz\n",
                        at(2, 5, "ADD downloads app-1.2.tar.gz but does not extract it; the RUN on line 3 extracts it and the RUN on"
                                + " line 3 deletes it, but the archive stays in the ADD layer"))
                .invalid("FROM debian:bookworm-slim\nADD https://e.com/tool.zip?raw=1 /opt/tool.zip\n",
                        at(2, 5, "the archive itself ships in the image"))
                .test();
    }
}
