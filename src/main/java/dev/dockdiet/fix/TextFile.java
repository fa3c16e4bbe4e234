package dev.dockdiet.fix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Dockerfile read as UTF-8, with its byte order mark (if any) taken off the text and remembered,
 * so that writing fixes back keeps it.
 *
 * @param text the content without BOM; what ranges and edits index into
 * @param bom whether the file started with a UTF-8 byte order mark
 */
public record TextFile(Path path, String text, boolean bom) {

    /**
     * Reads a file. Bytes that are not UTF-8 are an error (decoding them with replacement
     * characters and writing fixes back would corrupt the file).
     */
    public static TextFile read(Path path) throws IOException {
        return decode(path, Files.readAllBytes(path));
    }

    /** Decodes {@code bytes} read from {@code path} (the path is only used in messages). */
    public static TextFile decode(Path path, byte[] bytes) throws IOException {
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                    .toString();
            return new TextFile(path, text, skip == 3);
        } catch (CharacterCodingException e) {
            throw new IOException(path + ": not valid UTF-8; dockdiet reads Dockerfiles as UTF-8", e);
        }
    }

    /**
     * Writes {@code newText} back (with the BOM if the file had one), atomically, keeping permissions.
     *
     * @return false (and no write) when the file already holds exactly that content
     */
    public boolean write(String newText) throws IOException {
        return AtomicWriter.writeText(path, newText, bom);
    }
}
