package dev.dockdiet.size;

import static dev.dockdiet.size.KnowledgeBaseMatchTest.match;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockdiet.rule.Savings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The measured cache and package sizes (rules/cache-sizes.tsv) as the rules read them. */
class CacheSizesTest {

    private static long row(String cache, String release) {
        return CacheSizes.rows().stream()
                .filter(r -> r.cache().equals(cache) && r.release().equals(release) && r.kind() == Savings.SizeKind.COMPRESSED)
                .findFirst().orElseThrow().bytes();
    }

    @Test
    void everyRowIsDatedAndSourcedByTheScript() {
        assertThat(CacheSizes.rows()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.asOf()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(r.source()).startsWith("measured: scripts/measure-caches.sh");
            assertThat(r.bytes()).isPositive();
        });
    }

    @Test
    void aptListsFollowTheReleaseOfTheBase() {
        Savings bookworm = CacheSizes.aptLists(match("debian:bookworm-slim"));
        assertThat(bookworm.bytes()).isEqualTo(row("apt-lists", "bookworm"));
        assertThat(bookworm.isRange()).isFalse();
        assertThat(CacheSizes.aptLists(match("node:22-bookworm")).bytes()).isEqualTo(row("apt-lists", "bookworm"));
        // node:22 names no release: the range over the measured Debian releases
        Savings node = CacheSizes.aptLists(match("node:22"));
        assertThat(node.bytes()).isEqualTo(Math.min(row("apt-lists", "bookworm"), row("apt-lists", "trixie")));
        assertThat(node.upTo()).isEqualTo(Math.max(row("apt-lists", "bookworm"), row("apt-lists", "trixie")));
        // eclipse-temurin is built on Ubuntu
        assertThat(CacheSizes.aptLists(match("eclipse-temurin:21-jre")).source()).contains("jammy").contains("noble");
        assertThat(CacheSizes.aptLists(match("node:22-alpine"))).isNull();
        assertThat(CacheSizes.aptLists(match("debian:buster"))).as("buster was not measured").isNull();
    }

    @Test
    void compilersAreAtLeastTheLargestPackageAndAtMostTheSum() {
        Savings s = CacheSizes.packages(match("debian:bookworm"), List.of("gcc", "make"));
        assertThat(s.bytes()).isEqualTo(row("apt-package:gcc", "bookworm"));
        assertThat(s.upTo()).isEqualTo(row("apt-package:gcc", "bookworm") + row("apt-package:make", "bookworm"));
        assertThat(CacheSizes.packages(match("debian:bookworm"), List.of("gcc", "clang"))).as("clang not measured").isNull();
        assertThat(CacheSizes.packages(match("alpine:3.24"), List.of("gcc"))).isNull();
    }
    @Test
    void olderReleasesAreMeasuredForTheTagsThatNameThem() {
        // debian:11 is bullseye, ubuntu:18.04 bionic, ubuntu:16.04 xenial (whose g++ is g++-5)
        assertThat(CacheSizes.packages(match("debian:11-slim"), List.of("build-essential")).bytes())
                .isEqualTo(row("apt-package:build-essential", "bullseye"));
        assertThat(CacheSizes.packages(match("debian:bullseye-slim"), List.of("gcc", "make")).upTo())
                .isEqualTo(row("apt-package:gcc", "bullseye") + row("apt-package:make", "bullseye"));
        assertThat(CacheSizes.packages(match("ubuntu:18.04"), List.of("build-essential")).bytes())
                .isEqualTo(row("apt-package:build-essential", "bionic"));
        Savings xenial = CacheSizes.packages(match("ubuntu:16.04"), List.of("gcc", "build-essential", "g++-5"));
        assertThat(xenial.bytes()).isEqualTo(row("apt-package:build-essential", "xenial"));
        assertThat(xenial.source()).contains("on xenial");
        assertThat(CacheSizes.packages(match("ubuntu:focal"), List.of("g++")).bytes()).isEqualTo(row("apt-package:g++", "focal"));
        assertThat(CacheSizes.packages(match("debian:sid-slim"), List.of("clang", "gcc")).bytes())
                .isEqualTo(Math.max(row("apt-package:clang", "sid"), row("apt-package:gcc", "sid")));
        assertThat(CacheSizes.aptLists(match("debian:sid")).source()).contains("on sid");
        // a tag that names no release keeps the range over the current ones (bookworm, trixie)
        Savings node = CacheSizes.packages(match("node:22"), List.of("gcc"));
        assertThat(node.source()).contains("bookworm").contains("trixie").doesNotContain("bullseye").doesNotContain("sid");
        assertThat(CacheSizes.packages(match("debian:buster-slim"), List.of("gcc"))).as("buster: no mirror here").isNull();
    }
}
