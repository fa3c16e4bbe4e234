package dev.dockdiet.rules.build;

import dev.dockdiet.syntax.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Helpers for the rules that follow hadolint's instruction-level checks: they walk every
 * instruction in file order (those before the first FROM too, as hadolint checks fragments), with
 * the triggers of ONBUILD seen as instructions.
 */
final class Walk {

    /** hadolint's archive extensions (DL3010, DL3020): what ADD extracts. */
    static final List<String> ARCHIVES = List.of(".tar", ".Z", ".bz2", ".gz", ".lz", ".lzma", ".tZ", ".tb2", ".tbz",
            ".tbz2", ".tgz", ".tlz", ".tpz", ".txz", ".xz");

    private static final Set<Character> GLOB = Set.of('*', '?', '[');

    private Walk() {
    }

    /** An instruction, or the trigger of an ONBUILD. */
    static Instruction inner(Instruction i) {
        return i instanceof Instruction.Onbuild o && o.trigger() != null ? o.trigger() : i;
    }

    static boolean isArchive(String path) {
        for (String ext : ARCHIVES) {
            if (path.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    static boolean isUrl(String path) {
        return path.startsWith("http://") || path.startsWith("https://");
    }

    static boolean hasGlob(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (GLOB.contains(path.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** An absolute path as hadolint sees it: {@code /x}, a Windows drive {@code c:}, or a variable. */
    static boolean absoluteOrVariable(String path) {
        return path.startsWith("/") || path.startsWith("$")
                || path.length() >= 2 && path.charAt(1) == ':' && Character.isLetter(path.charAt(0));
    }

    static <T> List<T> copy(List<T> l) {
        return new ArrayList<>(l);
    }
}
