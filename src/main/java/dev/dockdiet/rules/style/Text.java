package dev.dockdiet.rules.style;

import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.SourceRange;
import java.util.Locale;

/** Helpers shared by the style rules. */
final class Text {

    private Text() {
    }

    /** The file text in a range, as written. */
    static String of(Dockerfile file, SourceRange r) {
        return file.text().substring(r.start(), r.end());
    }

    static boolean isLower(String s) {
        return s.equals(s.toLowerCase(Locale.ROOT));
    }

    static boolean isUpper(String s) {
        return s.equals(s.toUpperCase(Locale.ROOT));
    }

}
