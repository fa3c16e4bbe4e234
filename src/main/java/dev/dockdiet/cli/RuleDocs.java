package dev.dockdiet.cli;

import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The rule pages under {@code rules/}, shipped in the jar at {@code dockdiet/rules/}. */
final class RuleDocs {

    private RuleDocs() {
    }

    static Optional<String> page(RuleMeta meta) {
        try (InputStream in = RuleDocs.class.getResourceAsStream("/dockdiet/rules/" + meta.docFile())) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String pageById(String id) {
        return Rules.meta(id).flatMap(RuleDocs::page).orElse(null);
    }
}
