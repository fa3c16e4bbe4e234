package dev.dockdiet.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dockdiet.rule.RuleMeta;
import dev.dockdiet.rules.Rules;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dockdiet rules}: the rule catalogue. */
@Command(name = "rules", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "List every rule: id, name, default severity, category, whether it fixes, aliases (hadolint and BuildKit).")
public class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "table (default), json or markdown")
    String format = "table";

    @Override
    public Integer call() throws IOException {
        Main.Io io = Main.io(spec);
        List<RuleMeta> metas = Rules.metas();
        switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> {
                JsonGenerator g = new JsonFactory().createGenerator(io.out());
                g.useDefaultPrettyPrinter();
                g.writeStartArray();
                for (RuleMeta m : metas) {
                    g.writeStartObject();
                    g.writeStringField("id", m.id());
                    g.writeStringField("name", m.name());
                    g.writeStringField("severity", m.severity().label());
                    g.writeStringField("category", m.category().name().toLowerCase(Locale.ROOT));
                    g.writeStringField("fixable", m.fixable().name().toLowerCase(Locale.ROOT));
                    g.writeArrayFieldStart("aliases");
                    for (String a : m.aliases()) {
                        g.writeString(a);
                    }
                    g.writeEndArray();
                    g.writeStringField("summary", m.summary());
                    g.writeBooleanField("enabledByDefault", m.enabledByDefault());
                    g.writeStringField("helpUri", m.helpUri());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.flush();
                io.out().println();
            }
            case "markdown", "md" -> {
                io.out().println("| id | name | severity | category | fix | aliases | summary |");
                io.out().println("|---|---|---|---|---|---|---|");
                for (RuleMeta m : metas) {
                    io.out().println("| [" + m.id() + "](rules/" + m.docFile() + ") | " + m.name() + " | " + m.severity().label()
                            + " | " + m.category().name().toLowerCase(Locale.ROOT) + " | " + fix(m) + " | "
                            + String.join(", ", m.aliases()) + " | " + m.summary().replace("|", "\\|") + " |");
                }
            }
            case "table" -> {
                int w = metas.stream().mapToInt(m -> m.name().length()).max().orElse(10);
                for (RuleMeta m : metas) {
                    io.out().printf("%-6s %-" + w + "s  %-7s  %-8s  %-9s  %s%s%n", m.id(), m.name(), m.severity().label(),
                            m.category().name().toLowerCase(Locale.ROOT), fix(m), m.summary(),
                            m.aliases().isEmpty() ? "" : "  [" + String.join(", ", m.aliases()) + "]");
                }
            }
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown format '" + format + "'; valid: table, json, markdown");
        }
        io.out().flush();
        return 0;
    }

    private static String fix(RuleMeta m) {
        return switch (m.fixable()) {
            case NONE -> "-";
            case SOMETIMES -> "sometimes";
            case ALWAYS -> "fix";
        };
    }
}
