package dev.dockdiet.shell;

/**
 * A variable assignment before a command name ({@code DEBIAN_FRONTEND=noninteractive apt-get ...}),
 * a command of assignments only ({@code A=b}), or one given to {@code env}/{@code sudo}.
 *
 * @param name   the variable name
 * @param value  the value after quote removal (expansions kept as written)
 * @param append true for {@code NAME+=value}
 * @param word   the whole word {@code NAME=value}, with its offsets
 */
public record Assignment(String name, String value, boolean append, Word word) {

    /** Reads {@code NAME=value} / {@code NAME+=value}; null when the word is not an assignment. */
    static Assignment of(Word word) {
        String v = word.value();
        int eq = v.indexOf('=');
        if (eq <= 0) {
            return null;
        }
        boolean append = v.charAt(eq - 1) == '+';
        String name = v.substring(0, append ? eq - 1 : eq);
        if (name.isEmpty() || !isName(name)) {
            return null;
        }
        return new Assignment(name, v.substring(eq + 1), append, word);
    }

    static boolean isName(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_') || s.charAt(0) > 127) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return false;
            }
        }
        return true;
    }
}
