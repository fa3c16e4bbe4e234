package dev.dockdiet.rule;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything about a rule that is not its logic. Declared once, next to the rule, as a static
 * constant; the docs page under {@code rules/} is checked against it by a test.
 *
 * @param id {@code DDnnn}, never reused
 * @param name kebab-case, e.g. {@code oversized-base}
 * @param aliases hadolint codes ({@code DL3008}) and BuildKit check names ({@code JSONArgsRecommended})
 * @param summary one line, no trailing period
 * @param enabledByDefault false for opt-in rules (hadolint's severity {@code ignore}, e.g. DL3057): they run
 *     only when configuration selects them or gives them a severity
 */
public record RuleMeta(String id, String name, Severity severity, Category category, Fixability fixable,
                       List<String> aliases, String summary, boolean enabledByDefault) {

    private static final Pattern ID = Pattern.compile("DD\\d{3}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public RuleMeta {
        aliases = List.copyOf(aliases);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad rule id " + id);
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad rule name " + name);
        }
        if (!id.startsWith(category.idPrefix())) {
            throw new IllegalArgumentException(id + " is not in the " + category + " range");
        }
    }

    /** A rule that runs unless configuration turns it off. */
    public RuleMeta(String id, String name, Severity severity, Category category, Fixability fixable,
                    List<String> aliases, String summary) {
        this(id, name, severity, category, fixable, aliases, summary, true);
    }

    /** The page name under {@code rules/}, e.g. {@code DD101-oversized-base.md}. */
    public String docFile() {
        return id + "-" + name + ".md";
    }

    public String helpUri() {
        return "https://github.com/dockdiet/dockdiet/blob/main/rules/" + docFile();
    }
}
