package dev.dockdiet.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Finds the command that really runs behind wrappers ({@code sudo -u x}, {@code env A=b},
 * {@code nohup}, ...) and the script a shell is given ({@code sh -c '...'}).
 *
 * <p>Decisions: {@code xargs cmd} unwraps to {@code cmd} (it runs cmd, with extra arguments);
 * {@code command -v x} is a lookup and is not unwrapped; {@code su -c}, {@code runuser -c},
 * {@code eval} and shells fed a heredoc or here-string on stdin are parsed as nested scripts.
 */
final class Wrappers {

    interface Nested {
        /** Parses a nested script run by {@code owner}; null when nesting is too deep. */
        ShellScript parse(Source source, SimpleCommand owner);

        /** The body of a heredoc redirect as a source, or null. */
        Source heredocBody(Redirect r);
    }

    static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "yash");

    private static final Set<String> SUDO = Set.of("-u", "-g", "-p", "-C", "-r", "-t", "-U", "-D", "-R", "-T", "-h",
            "--user", "--group", "--prompt", "--close-from", "--role", "--type", "--other-user", "--chdir",
            "--chroot", "--command-timeout", "--host");
    private static final Set<String> ENV = Set.of("-u", "-C", "--unset", "--chdir", "-S", "--split-string");
    private static final Set<String> XARGS = Set.of("-I", "-n", "-P", "-L", "-d", "-E", "-s", "-a",
            "--max-args", "--max-procs", "--max-lines", "--delimiter", "--eof", "--max-chars", "--arg-file",
            "--process-slot-var");
    private static final Set<String> RUNUSER = Set.of("-u", "-g", "-G", "-s", "-w", "--user", "--group",
            "--supp-group", "--shell", "--whitelist-environment");
    private static final Set<String> SHELL_VALUE = Set.of("-o", "+o", "-O", "+O", "--rcfile", "--init-file");

    private Wrappers() {
    }

    static SimpleCommand unwrap(SimpleCommand c, Nested nested) {
        SimpleCommand cur = c;
        for (int guard = 0; guard < 12 && cur.name != null; guard++) {
            String n = SimpleCommand.basename(cur.name.value());
            List<Word> a = cur.args;
            List<Assignment> extra = new ArrayList<>();
            int i;
            switch (n) {
                case "sudo", "doas" -> i = assignments(a, skipOptions(a, 0, SUDO), extra);
                case "env" -> {
                    if (hasShortOption(a, 'S')) {
                        return cur; // env -S "cmd args": a split string, not followed
                    }
                    i = assignments(a, skipOptions(a, 0, ENV), extra);
                }
                case "nice", "ionice" -> i = skipOptions(a, 0, Set.of("-n", "--adjustment", "-c", "--class",
                        "-p", "--pid", "-t"));
                case "nohup", "setsid", "unbuffer", "catchsegv", "tini", "dumb-init" -> i = skipOptions(a, 0,
                        Set.of("-s", "-g", "-p", "-e", "--single-child", "--rewrite"));
                case "time" -> i = skipOptions(a, 0, Set.of("-f", "-o", "--format", "--output"));
                case "exec" -> i = skipOptions(a, 0, Set.of("-a"));
                case "command", "builtin" -> {
                    if (hasShortOption(a, 'v') || hasShortOption(a, 'V')) {
                        return cur;
                    }
                    i = skipOptions(a, 0, Set.of());
                }
                case "timeout" -> i = next(a, skipOptions(a, 0, Set.of("-s", "-k", "--signal", "--kill-after")));
                case "stdbuf" -> i = skipOptions(a, 0, Set.of("-i", "-o", "-e", "--input", "--output", "--error"));
                case "xargs" -> i = skipOptions(a, 0, XARGS);
                case "gosu", "su-exec" -> i = a.size() >= 2 && !SimpleCommand.isOption(a.get(0).value()) ? 1 : -1;
                case "chroot" -> i = next(a, skipOptions(a, 0, Set.of("--userspec", "--groups")));
                case "busybox" -> i = !a.isEmpty() && !SimpleCommand.isOption(a.get(0).value()) ? 0 : -1;
                case "su" -> {
                    Word script = optionValue(a, "-c", "--command");
                    if (script != null) {
                        cur.nested = nested.parse(Source.mapped(script.value(), script.valueOffsets()), cur);
                    }
                    return cur;
                }
                case "runuser" -> {
                    Word script = optionValue(a, "-c", "--command");
                    if (script != null) {
                        cur.nested = nested.parse(Source.mapped(script.value(), script.valueOffsets()), cur);
                        return cur;
                    }
                    i = skipOptions(a, 0, RUNUSER);
                }
                case "eval" -> {
                    if (!a.isEmpty()) {
                        cur.nested = nested.parse(joined(a), cur);
                    }
                    return cur;
                }
                default -> {
                    if (SHELLS.contains(n)) {
                        cur.nested = shellScript(cur, nested);
                    }
                    return cur;
                }
            }
            if (i < 0 || i >= a.size()) {
                return cur;
            }
            cur = cur.unwrapped(i, extra);
        }
        return cur;
    }

    /** The script a shell runs: {@code -c} argument, or a heredoc / here-string on stdin. */
    private static ShellScript shellScript(SimpleCommand sh, Nested nested) {
        List<Word> a = sh.args;
        boolean command = false;
        int i = 0;
        while (i < a.size()) {
            String v = a.get(i).value();
            if (v.equals("--") || v.equals("-")) {
                i++;
                break;
            }
            if (SHELL_VALUE.contains(v)) {
                i += 2;
                continue;
            }
            if (v.length() > 1 && (v.charAt(0) == '-' || v.charAt(0) == '+')) {
                if (!v.startsWith("--") && v.indexOf('c', 1) > 0) {
                    command = true;
                }
                i++;
                continue;
            }
            break;
        }
        if (command) {
            if (i < a.size()) {
                Word script = a.get(i);
                return nested.parse(Source.mapped(script.value(), script.valueOffsets()), sh);
            }
            return null;
        }
        if (i < a.size()) {
            return null; // sh script.sh: a file we cannot see
        }
        for (Redirect r : sh.redirects) {
            if (r.fd() > 0) {
                continue;
            }
            if (r.isHeredoc()) {
                Source body = nested.heredocBody(r);
                if (body != null) {
                    return nested.parse(body, sh);
                }
            } else if (r.operator().equals("<<<")) {
                return nested.parse(Source.mapped(r.target().value(), r.target().valueOffsets()), sh);
            }
        }
        return null;
    }

    /** Index of the first argument after the options (and after {@code --}). */
    static int skipOptions(List<Word> a, int from, Set<String> valueFlags) {
        int i = from;
        while (i < a.size()) {
            String v = a.get(i).value();
            if (v.equals("--")) {
                return i + 1;
            }
            if (!SimpleCommand.isOption(v)) {
                return i;
            }
            if (valueFlags.contains(v)) {
                i += 2;
            } else if (!v.startsWith("--") && v.length() > 2 && valueFlags.contains("-" + v.charAt(v.length() - 1))
                    && !valueFlags.contains(v.substring(0, 2))) {
                i += 2; // -Eu user
            } else {
                i++;
            }
        }
        return i;
    }

    private static int assignments(List<Word> a, int from, List<Assignment> out) {
        int i = from;
        while (i < a.size()) {
            Assignment as = Assignment.of(a.get(i));
            if (as == null) {
                break;
            }
            out.add(as);
            i++;
        }
        return i;
    }

    private static int next(List<Word> a, int i) {
        return i < a.size() ? i + 1 : -1;
    }

    private static boolean hasShortOption(List<Word> a, char flag) {
        for (Word w : a) {
            String v = w.value();
            if (!SimpleCommand.isOption(v) || v.equals("--")) {
                return false;
            }
            if (!v.startsWith("--") && v.indexOf(flag, 1) > 0) {
                return true;
            }
        }
        return false;
    }

    private static Word optionValue(List<Word> a, String shortName, String longName) {
        for (int i = 0; i + 1 < a.size(); i++) {
            String v = a.get(i).value();
            if (v.equals("--")) {
                return null;
            }
            if (v.equals(shortName) || v.equals(longName)
                    || (v.length() > 2 && v.charAt(0) == '-' && v.charAt(1) != '-'
                        && v.charAt(v.length() - 1) == shortName.charAt(1))) {
                return a.get(i + 1);
            }
        }
        return null;
    }

    /** The words' values joined by single spaces (eval), with offsets into the outer script. */
    private static Source joined(List<Word> words) {
        StringBuilder sb = new StringBuilder();
        int[] offs = new int[16];
        int n = 0;
        for (int w = 0; w < words.size(); w++) {
            Word word = words.get(w);
            int[] vo = word.valueOffsets();
            if (w > 0) {
                offs = ensure(offs, n + 1);
                offs[n++] = words.get(w - 1).end();
                sb.append(' ');
            }
            String v = word.value();
            offs = ensure(offs, n + v.length() + 1);
            System.arraycopy(vo, 0, offs, n, v.length());
            n += v.length();
            sb.append(v);
        }
        offs = ensure(offs, n + 1);
        offs[n] = words.get(words.size() - 1).end();
        return Source.mapped(sb.toString(), Arrays.copyOf(offs, n + 1));
    }

    private static int[] ensure(int[] a, int size) {
        return a.length >= size ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
    }
}
