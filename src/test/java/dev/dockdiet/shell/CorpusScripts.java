package dev.dockdiet.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Crude extraction of RUN scripts from the real-world Dockerfile corpus: a line starting with
 * RUN plus its backslash continuations joined (comment lines inside continuations dropped), RUN
 * flags ({@code --mount=...}) removed, exec form skipped; for {@code RUN <<EOF} the heredoc body
 * is the script, and heredocs inside a script get their body lines appended.
 */
final class CorpusScripts {

    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)['\"]?");

    private CorpusScripts() {
    }

    /** The corpus folder ({@code shared/corpus/files}, found as every corpus test finds it; see NeedsCorpus). */
    static Path corpus() {
        return dev.dockdiet.syntax.Corpus.dir().resolve("files");
    }

    static List<String> load(Path root) {
        List<String> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                extract(text, scripts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scripts;
    }

    static void extract(String dockerfile, List<String> out) {
        if (Pattern.compile("^#\\s*escape\\s*=\\s*`", Pattern.MULTILINE).matcher(dockerfile).find()) {
            return; // Windows Dockerfile: RUN runs PowerShell / cmd, not sh
        }
        String[] lines = dockerfile.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (!line.toUpperCase(Locale.ROOT).startsWith("RUN ") && !line.toUpperCase(Locale.ROOT).startsWith("RUN\t")) {
                continue;
            }
            StringBuilder sb = new StringBuilder(line.substring(4));
            while (endsWithContinuation(sb) && i + 1 < lines.length) {
                sb.setLength(sb.length() - 1);
                i++;
                while (i < lines.length && lines[i].stripLeading().startsWith("#")) {
                    i++;
                }
                if (i < lines.length) {
                    sb.append(lines[i]);
                }
            }
            String script = sb.toString().strip();
            while (script.startsWith("--")) {
                int sp = script.indexOf(' ');
                script = sp < 0 ? "" : script.substring(sp + 1).strip();
            }
            if (script.startsWith("[")) {
                continue;
            }
            Matcher m = HEREDOC.matcher(script);
            if (m.find()) {
                StringBuilder body = new StringBuilder();
                String delimiter = m.group(1);
                while (i + 1 < lines.length) {
                    i++;
                    body.append(lines[i]).append('\n');
                    if (lines[i].strip().equals(delimiter)) {
                        break;
                    }
                }
                if (script.startsWith("<<")) {
                    String b = body.toString();
                    int last = b.lastIndexOf(delimiter);
                    script = last >= 0 ? b.substring(0, last) : b;
                } else {
                    script = script + "\n" + body;
                }
            }
            if (!script.isEmpty()) {
                out.add(script);
            }
        }
    }

    private static boolean endsWithContinuation(StringBuilder sb) {
        int n = sb.length();
        while (n > 0 && (sb.charAt(n - 1) == ' ' || sb.charAt(n - 1) == '\t')) {
            n--;
        }
        if (n > 0 && sb.charAt(n - 1) == '\\') {
            sb.setLength(n);
            return true;
        }
        return false;
    }
}
