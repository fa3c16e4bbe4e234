package dev.dockdiet.syntax;

import java.util.ArrayList;
import java.util.List;

/** BuildKit's extractBuilderFlags: leading {@code --name[=value]} words of an instruction. */
final class Flags {

    private Flags() {
    }

    /** A flag word with quotes removed and escapes resolved, and where it was. */
    record Raw(String text, int start, int end) {
    }

    /** @param rest the arguments after the flags; restOffset its start within the input */
    record Extracted(List<Raw> flags, String rest, int restOffset) {
    }

    static Extracted extract(String line, char escapeIgnored) {
        List<Raw> words = new ArrayList<>();
        final int inSpaces = 0;
        final int inWord = 1;
        final int inQuote = 2;
        int phase = inSpaces;
        StringBuilder word = new StringBuilder();
        int wordStart = 0;
        char quote = 0;
        boolean blankOk = false;
        char ch = 0;
        int n = line.length();
        for (int pos = 0; pos <= n; pos++) {
            if (pos != n) {
                ch = line.charAt(pos);
            }
            if (phase == inSpaces) {
                if (pos == n) {
                    break;
                }
                if (ShellLex.isSpace(ch)) {
                    continue;
                }
                if (ch != '-' || pos + 1 == n || line.charAt(pos + 1) != '-') {
                    return new Extracted(words, line.substring(pos), pos);
                }
                phase = inWord;
                wordStart = pos;
            }
            if ((phase == inWord || phase == inQuote) && pos == n) {
                if (!word.toString().equals("--") && (blankOk || word.length() > 0)) {
                    words.add(new Raw(word.toString(), wordStart, pos));
                }
                break;
            }
            if (phase == inWord) {
                if (ShellLex.isSpace(ch)) {
                    phase = inSpaces;
                    if (word.toString().equals("--")) {
                        return new Extracted(words, line.substring(pos), pos);
                    }
                    if (blankOk || word.length() > 0) {
                        words.add(new Raw(word.toString(), wordStart, pos));
                    }
                    word.setLength(0);
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    phase = inQuote;
                    continue;
                }
                if (ch == '\\') {
                    if (pos + 1 == n) {
                        continue;
                    }
                    pos++;
                    ch = line.charAt(pos);
                }
                word.append(ch);
                continue;
            }
            if (phase == inQuote) {
                if (ch == quote) {
                    phase = inWord;
                    continue;
                }
                if (ch == '\\') {
                    if (pos + 1 == n) {
                        phase = inWord;
                        continue;
                    }
                    pos++;
                    ch = line.charAt(pos);
                }
                word.append(ch);
            }
        }
        return new Extracted(words, "", n);
    }
}
