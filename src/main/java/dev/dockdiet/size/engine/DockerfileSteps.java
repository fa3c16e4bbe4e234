package dev.dockdiet.size.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the image tools get a Dockerfile's instructions from: {@link #PARSED}, dockdiet's parser. */
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
}
