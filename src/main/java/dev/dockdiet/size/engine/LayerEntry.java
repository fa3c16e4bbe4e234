package dev.dockdiet.size.engine;

/**
 * One entry of a layer tar.
 *
 * @param path absolute, normalised ({@code /usr/bin/x}; no trailing slash)
 * @param kind what the entry is
 * @param size content bytes for regular files, 0 otherwise (hard links carry no content)
 * @param linkTarget the target of a symlink or hard link, else null
 */
public record LayerEntry(String path, Kind kind, long size, String linkTarget) {

    public enum Kind { FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER }

    /** The whiteout prefix that deletes a path of a lower layer. */
    public static final String WHITEOUT_PREFIX = ".wh.";
    /** The marker that hides everything a lower layer put in this entry's directory. */
    public static final String OPAQUE_MARKER = ".wh..wh..opq";

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public String parent() {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }

    public boolean isOpaqueMarker() {
        return name().equals(OPAQUE_MARKER);
    }

    /** A whiteout for one path ({@code .wh.name}), not the opaque marker or other {@code .wh..wh.} metadata. */
    public boolean isWhiteout() {
        String n = name();
        return n.startsWith(WHITEOUT_PREFIX) && !n.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX);
    }

    /** Any {@code .wh.} entry: whiteouts, the opaque marker, and aufs metadata like {@code .wh..wh.plnk}. */
    public boolean isWhiteoutMetadata() {
        return name().startsWith(WHITEOUT_PREFIX);
    }

    /** For a whiteout, the path it deletes. */
    public String whitedOutPath() {
        String p = parent();
        return (p.equals("/") ? "" : p) + "/" + name().substring(WHITEOUT_PREFIX.length());
    }

    static String normalise(String tarName) {
        String n = tarName.replace('\\', '/');
        StringBuilder out = new StringBuilder();
        for (String part : n.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                int i = out.lastIndexOf("/");
                if (i >= 0) {
                    out.setLength(i);
                }
                continue;
            }
            out.append('/').append(part);
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
