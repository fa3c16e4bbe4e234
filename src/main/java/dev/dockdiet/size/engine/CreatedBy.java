package dev.dockdiet.size.engine;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A history {@code created_by} string read back as an instruction. The forms handled:
 * <ul>
 *   <li>classic builder, metadata: {@code /bin/sh -c #(nop)  CMD ["/bin/sh" "-c" "x"]},
 *       {@code /bin/sh -c #(nop) COPY file:c50e… in /hello.txt}, {@code /bin/sh -c #(nop) WORKDIR /app};</li>
 *   <li>classic builder, RUN: {@code /bin/sh -c apt-get update}, with build args
 *       {@code |2 A=1 B=2 /bin/sh -c make}, exec form {@code make all};</li>
 *   <li>BuildKit: {@code RUN /bin/sh -c apt-get update # buildkit}, {@code COPY . /app # buildkit},
 *       {@code ENV A=1}, {@code CMD ["x"]}, {@code WORKDIR /app};</li>
 *   <li>{@code docker import}: an empty string or {@code Imported from -}.</li>
 * </ul>
 *
 * @param keyword upper-case instruction, or null when unknown (imports, empty history)
 * @param text the instruction's argument text, shell prefix and BuildKit suffix removed
 */
public record CreatedBy(String keyword, String text) {

    static final Set<String> KEYWORDS = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE",
            "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME",
            "WORKDIR");
    private static final Pattern SHELL_PREFIX = Pattern.compile("^(?:/bin/sh|/bin/bash|cmd /S /C|sh) -c\\s+");
    private static final Pattern NOP = Pattern.compile("^#\\(nop\\)\\s*");
    private static final Pattern BUILD_ARGS = Pattern.compile("^\\|\\d+(?:\\s+[A-Za-z_][A-Za-z0-9_]*=\\S*)*\\s+");
    private static final String BUILDKIT_SUFFIX = "# buildkit";

    public static CreatedBy parse(String createdBy) {
        if (createdBy == null || createdBy.isBlank() || createdBy.startsWith("Imported from")) {
            return new CreatedBy(null, createdBy == null ? "" : createdBy.strip());
        }
        String s = createdBy.strip();
        // endsWith, not a regex: "\\s*# buildkit$" searched a long run of spaces in quadratic time
        if (s.endsWith(BUILDKIT_SUFFIX)) {
            s = s.substring(0, s.length() - BUILDKIT_SUFFIX.length()).stripTrailing();
        }
        s = BUILD_ARGS.matcher(s).replaceFirst("");
        String first = firstWord(s);
        if (KEYWORDS.contains(first)) {
            // BuildKit spells the instruction out; its RUN keeps the shell prefix
            String rest = s.substring(first.length()).strip();
            if (first.equals("RUN")) {
                rest = BUILD_ARGS.matcher(rest).replaceFirst("");
                rest = SHELL_PREFIX.matcher(rest).replaceFirst("");
            }
            return new CreatedBy(first, rest);
        }
        Matcher sh = SHELL_PREFIX.matcher(s);
        if (sh.find()) {
            String rest = s.substring(sh.end());
            Matcher nop = NOP.matcher(rest);
            if (nop.find()) {
                rest = rest.substring(nop.end()).strip();
                String kw = firstWord(rest);
                if (KEYWORDS.contains(kw)) {
                    return new CreatedBy(kw, rest.substring(kw.length()).strip());
                }
                return new CreatedBy(null, rest);
            }
            return new CreatedBy("RUN", rest.strip());
        }
        // classic exec-form RUN: the arguments joined by spaces
        return new CreatedBy("RUN", s);
    }

    /** {@code RUN apt-get update}, {@code COPY file:… in /x}, or the raw text when unknown. */
    public String display() {
        return keyword == null ? text : text.isEmpty() ? keyword : keyword + " " + text;
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i).toUpperCase(Locale.ROOT).equals(s.substring(0, i)) ? s.substring(0, i) : "";
    }
}
