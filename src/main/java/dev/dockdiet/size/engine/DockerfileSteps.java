package dev.dockdiet.size.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the image tools get a Dockerfile's instructions from. The CLI plugs in the project's parser;
 * {@link #LINES} is a line-based reader used until then (and by tests): it knows comments, blank
 * lines, line continuations and the {@code # escape=} directive, but not heredocs.
 */
@FunctionalInterface
public interface DockerfileSteps {

    List<DockerfileStep> read(String dockerfileText);

    default List<DockerfileStep> read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return read(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IOException e) {
            throw new EngineException("cannot read Dockerfile " + file + ": " + EngineException.reason(e), e);
        }
    }

    /** The line-based reader. */
    /** The steps as dockdiet's parser sees them (heredocs, escape directive and all). */
    DockerfileSteps PARSED = text -> {
        dev.dockdiet.syntax.Dockerfile df = dev.dockdiet.syntax.Dockerfile.parse(text);
        List<DockerfileStep> out = new java.util.ArrayList<>();
        for (dev.dockdiet.syntax.Instruction in : df.instructions()) {
            String original = in.node().original().strip();
            int blank = 0;
            while (blank < original.length() && !Character.isWhitespace(original.charAt(blank))) {
                blank++;
            }
            out.add(new DockerfileStep(in.range().startLine(), in.range().endLine(), in.keyword(),
                    original.substring(blank).strip()));
        }
        return out;
    };

    DockerfileSteps LINES = text -> {
        Pattern directive = Pattern.compile("^#\\s*escape\\s*=\\s*(\\S)\\s*$", Pattern.CASE_INSENSITIVE);
        String[] lines = text.split("\r?\n", -1);
        char escape = '\\';
        for (String l : lines) {
            Matcher m = directive.matcher(l.strip());
            if (m.matches()) {
                escape = m.group(1).charAt(0);
                break;
            }
            if (!l.strip().startsWith("#") || l.isBlank()) {
                break;
            }
        }
        List<DockerfileStep> steps = new ArrayList<>();
        StringBuilder cur = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (cur == null) {
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                cur = new StringBuilder();
                start = i + 1;
            } else if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue; // comments and blank lines inside a continuation are dropped
            }
            String body = line.stripTrailing();
            boolean continues = body.endsWith(String.valueOf(escape));
            cur.append(continues ? body.substring(0, body.length() - 1) : body);
            if (!continues || i == lines.length - 1) {
                String all = cur.toString().strip();
                int sp = 0;
                while (sp < all.length() && !Character.isWhitespace(all.charAt(sp))) {
                    sp++;
                }
                steps.add(new DockerfileStep(start, i + 1, all.substring(0, sp).toUpperCase(Locale.ROOT),
                        all.substring(sp).strip()));
                cur = null;
            }
        }
        return steps;
    };
}
