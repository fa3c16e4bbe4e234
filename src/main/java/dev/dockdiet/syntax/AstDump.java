package dev.dockdiet.syntax;

import java.util.List;
import java.util.Locale;

/**
 * BuildKit's AST dump ({@code parser.Node.Dump}): one {@code (keyword ["--flag"] "arg" ...)} line
 * per instruction with Go-quoted strings, so a parse can be diffed against BuildKit's own.
 */
public final class AstDump {

    private AstDump() {
    }

    public static String dump(Dockerfile file) {
        StringBuilder sb = new StringBuilder();
        for (Instruction in : file.instructions()) {
            sb.append('(').append(dump(in)).append(")\n");
        }
        return sb.toString();
    }

    static String dump(Instruction in) {
        Node n = in.node();
        StringBuilder sb = new StringBuilder();
        LineSplit split = LineSplit.of(n.original());
        sb.append(split.keyword().toLowerCase(Locale.ROOT));
        if (!n.flags().isEmpty()) {
            sb.append(" [");
            List<Flag> flags = n.flags();
            for (int i = 0; i < flags.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(goQuote(flags.get(i).text()));
            }
            sb.append(']');
        }
        if (in instanceof Instruction.Onbuild o) {
            if (o.trigger() != null) {
                sb.append(" (").append(dump(o.trigger())).append(')');
            }
        } else {
            for (Word w : n.args()) {
                sb.append(' ').append(goQuote(w.text()));
            }
        }
        return sb.toString().strip();
    }

    /** Go's strconv.Quote. */
    public static String goQuote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case 0x07 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0x0B -> sb.append("\\v");
                default -> {
                    if (isPrint(cp)) {
                        sb.appendCodePoint(cp);
                    } else if (cp < ' ' || cp == 0x7F) {
                        sb.append(String.format("\\x%02x", cp));
                    } else if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                        sb.append("\\ufffd");
                    } else if (cp < 0x10000) {
                        sb.append(String.format("\\u%04x", cp));
                    } else {
                        sb.append(String.format("\\U%08x", cp));
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }
}
