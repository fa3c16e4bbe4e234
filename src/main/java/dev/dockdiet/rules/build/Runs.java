package dev.dockdiet.rules.build;

import dev.dockdiet.rule.Edit;
import dev.dockdiet.rule.RuleContext;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import dev.dockdiet.syntax.Dockerfile;
import dev.dockdiet.syntax.Instruction;
import dev.dockdiet.syntax.SourceRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Helpers for rules that look inside RUN scripts (public: the size and style groups use them too).
 * Stateless.
 */
public final class Runs {

    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox");

    private Runs() {
    }

    /**
     * Every RUN in file order: those of every stage, the triggers of {@code ONBUILD RUN} (hadolint
     * checks them too), and those before the first FROM (a fragment gets DD001 and is still checked).
     */
    public static List<Instruction.Run> all(RuleContext ctx) {
        return ctx.file().all(Instruction.Run.class);
    }

    /**
     * The instructions before the first FROM. Besides meta ARGs, BuildKit rejects them (DD001), but a
     * pasted fragment is still worth checking, as hadolint does: stage-wise rules treat them as a
     * stage of their own, with the default shell and no base.
     */
    public static List<Instruction> preamble(Dockerfile file) {
        List<Instruction> out = new ArrayList<>();
        for (Instruction i : file.instructions()) {
            if (i instanceof Instruction.From) {
                break;
            }
            out.add(i);
        }
        return out;
    }

    /**
     * The RUNs grouped as a stage sees them, for rules that keep state per stage: first the RUNs
     * before the first FROM (a fragment, DD001; hadolint checks them too) when there are any, then
     * each stage's RUNs, {@code ONBUILD RUN} triggers included, in file order.
     */
    public static List<List<Instruction.Run>> byStage(Dockerfile file) {
        List<List<Instruction.Run>> out = new ArrayList<>();
        List<Instruction.Run> cur = new ArrayList<>();
        for (Instruction i : file.instructions()) {
            if (i instanceof Instruction.From) {
                if (!cur.isEmpty() || !out.isEmpty()) {
                    out.add(cur);
                }
                cur = new ArrayList<>();
            } else if (i instanceof Instruction.Run r) {
                cur.add(r);
            } else if (i instanceof Instruction.Onbuild o && o.trigger() instanceof Instruction.Run r) {
                cur.add(r);
            }
        }
        if (!cur.isEmpty() || !file.stages().isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /**
     * True when the RUN text is a shell script: false for a heredoc that starts with a shebang of
     * another interpreter ({@code #!/usr/bin/env python3}).
     */
    public static boolean isShell(Instruction.Run run) {
        String t = run.script().stripLeading();
        if (!t.startsWith("#!")) {
            return true;
        }
        int nl = t.indexOf('\n');
        String[] words = (nl < 0 ? t.substring(2) : t.substring(2, nl)).trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return true;
        }
        String interp = basename(words[0]);
        if (interp.equals("env") && words.length > 1) {
            interp = basename(words[words.length > 2 && words[1].startsWith("-") ? 2 : 1]);
        }
        return SHELLS.contains(interp);
    }

    /** The effective commands of every shell RUN, with the RUN they belong to. */
    public static List<Cmd> commands(RuleContext ctx) {
        // once per file: 18 rules walk these (unmodifiable: the rules share it)
        return ctx.sharedMemo(COMMANDS, () -> java.util.Collections.unmodifiableList(collect(ctx)));
    }

    private static final Object COMMANDS = new Object();

    private static List<Cmd> collect(RuleContext ctx) {
        List<Cmd> out = new ArrayList<>();
        for (Instruction.Run r : all(ctx)) {
            if (!isShell(r) || r.script().isBlank()) {
                continue;
            }
            for (SimpleCommand c : ctx.shell(r).effectiveCommands()) {
                out.add(new Cmd(r, c));
            }
        }
        return out;
    }

    /** A command and its RUN. */
    public record Cmd(Instruction.Run run, SimpleCommand command) {
        public SourceRange range(Word w) {
            return run.shellScript().range(w.start(), w.end());
        }

        /** An insertion right after a word; null when a fix cannot be placed safely (exec form). */
        public Edit insertAfter(RuleContext ctx, Word w, String text) {
            if (run.command().exec() || w.end() <= w.start()) {
                return null;
            }
            int at = run.shellScript().sourceOffset(w.end() - 1) + 1;
            return new Edit(ctx.file().range(at, at), text);
        }

        /** A replacement of a word written plainly (no quotes, no escapes); null otherwise. */
        public Edit replace(RuleContext ctx, Word w, String text) {
            if (run.command().exec() || !w.raw().equals(w.value())) {
                return null;
            }
            SourceRange r = range(w);
            if (r.length() != w.raw().length()) {
                return null; // a continuation inside the word
            }
            return new Edit(r, text);
        }
    }

    public static String basename(String s) {
        int i = s.lastIndexOf('/');
        return i < 0 ? s : s.substring(i + 1);
    }

    /**
     * Positional arguments of {@code args}, where {@code valueFlags} take the next word as value.
     * Everything after {@code --} is positional.
     */
    static List<Word> positionals(List<Word> args, Set<String> valueFlags) {
        List<Word> out = new ArrayList<>();
        boolean rest = false;
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            String v = w.value();
            if (rest) {
                out.add(w);
            } else if (v.equals("--")) {
                rest = true;
            } else if (v.startsWith("-") && v.length() > 1) {
                if (!v.contains("=") && valueFlags.contains(v)) {
                    i++;
                }
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** True when a word (before {@code --}) is one of these flags, exactly or as {@code flag=value}. */
    static boolean hasOption(List<Word> args, String... flags) {
        for (Word w : args) {
            String v = w.value();
            if (v.equals("--")) {
                return false;
            }
            for (String f : flags) {
                if (v.equals(f) || v.startsWith(f + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The flag names hadolint sees on a command (before {@code --}): {@code --name} or
     * {@code --name=value} gives {@code name}; {@code -abc} gives {@code a}, {@code b} and {@code c}
     * (so {@code -qO-} holds {@code q}).
     */
    public static Set<String> flagNames(SimpleCommand c) {
        Set<String> out = new HashSet<>();
        for (Word w : c.args()) {
            String v = w.value();
            if (v.equals("--")) {
                break;
            }
            if (v.startsWith("--")) {
                int eq = v.indexOf('=');
                out.add(eq < 0 ? v.substring(2) : v.substring(2, eq));
            } else if (v.startsWith("-") && v.length() > 1) {
                for (int i = 1; i < v.length(); i++) {
                    out.add(String.valueOf(v.charAt(i)));
                }
            }
        }
        return out;
    }

    /** True when one of {@code names} is among {@link #flagNames}. */
    public static boolean hasAnyFlag(SimpleCommand c, String... names) {
        Set<String> f = flagNames(c);
        for (String n : names) {
            if (f.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** "a, b, c" with at most {@code max} items and "…" after. */
    public static String list(List<Word> words, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.size() && i < max; i++) {
            sb.append(i == 0 ? "" : ", ").append(words.get(i).value());
        }
        if (words.size() > max) {
            sb.append(", …");
        }
        return sb.toString();
    }
}
