package dev.dockdiet.rules.size;

import dev.dockdiet.shell.KnownFlags;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.ToolNames;
import dev.dockdiet.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Package installs and removals of the system and language package managers, read from the shell model. */
final class Packages {

    enum Manager {
        APT, APK, RPM, PIP
    }

    /**
     * One install or removal.
     *
     * @param verb the subcommand word ({@code install}, {@code add}, {@code purge} ...)
     * @param packages the literal package words (variables and files left out)
     * @param virtual {@code apk add --virtual NAME}: the virtual package's name word, or null
     */
    record Op(Manager manager, boolean install, Word verb, List<Word> packages, Word virtual) {
    }


    private Packages() {
    }

    /** The install or removal this command runs, or null. */
    static Op of(SimpleCommand c) {
        if (c.name() == null || !c.name().isLiteral()) {
            return null;
        }
        String name = BuildSteps.base(c.nameValue());
        List<Word> pos;
        Manager m;
        switch (name) {
            case "apt-get", "apt", "aptitude" -> {
                m = Manager.APT;
                pos = c.positionals();
            }
            case "apk" -> {
                m = Manager.APK;
                pos = c.positionals();
            }
            case "yum", "dnf", "microdnf", "tdnf", "zypper" -> {
                m = Manager.RPM;
                pos = c.positionals();
            }
            default -> {
                if (ToolNames.withVersion(name, "pip")) {
                    m = Manager.PIP;
                    pos = c.positionals(KnownFlags.valueFlags("pip"));
                } else if (ToolNames.withVersion(name, "python")) {
                    List<Word> p = c.positionals(KnownFlags.valueFlags("pip"));
                    List<Word> a = c.args();
                    if (a.size() < 2 || !a.get(0).value().equals("-m") || !a.get(1).value().equals("pip")
                            || p.isEmpty() || !p.get(0).value().equals("pip")) {
                        return null;
                    }
                    m = Manager.PIP;
                    pos = p.subList(1, p.size());
                } else {
                    return null;
                }
            }
        }
        if (pos.isEmpty()) {
            return null;
        }
        Word verb = pos.get(0);
        String v = verb.value();
        Boolean install = switch (m) {
            case APT -> v.equals("install") ? Boolean.TRUE
                    : v.equals("remove") || v.equals("purge") || v.equals("autoremove") ? Boolean.FALSE : null;
            case APK -> v.equals("add") ? Boolean.TRUE : v.equals("del") ? Boolean.FALSE : null;
            case RPM -> v.equals("install") || v.equals("in") ? Boolean.TRUE
                    : v.equals("remove") || v.equals("erase") || v.equals("rm") || v.equals("autoremove") ? Boolean.FALSE
                    : null;
            case PIP -> v.equals("install") ? Boolean.TRUE : v.equals("uninstall") ? Boolean.FALSE : null;
        };
        if (install == null) {
            return null;
        }
        List<Word> pkgs = new ArrayList<>();
        for (Word w : pos.subList(1, pos.size())) {
            String s = w.value();
            if (!w.isLiteral() || s.isEmpty() || s.contains("/") || s.startsWith(".") && m != Manager.APK
                    || s.endsWith(".deb") || s.endsWith(".rpm") || s.endsWith(".apk") || s.endsWith(".whl")
                    || s.endsWith(".tar.gz") || s.contains("://")) {
                continue;
            }
            pkgs.add(w);
        }
        Word virtual = null;
        if (m == Manager.APK && install) {
            for (int i = 0; i + 1 < c.args().size(); i++) {
                String a = c.args().get(i).value();
                if ((a.equals("--virtual") || a.equals("-t")) && c.args().get(i + 1).isLiteral()) {
                    virtual = c.args().get(i + 1);
                }
            }
            for (Word w : c.args()) {
                if (w.value().startsWith("--virtual=")) {
                    virtual = w;
                }
            }
        }
        return new Op(m, install, verb, pkgs, virtual);
    }

    /** A package word's name without version, release or architecture ({@code gcc=4:12.2} gives {@code gcc}). */
    static String name(Manager m, String word) {
        String s = word;
        if (s.startsWith("--virtual=")) {
            s = s.substring("--virtual=".length());
        }
        switch (m) {
            case APT -> {
                s = cut(s, "=");
                s = cut(s, ":");
            }
            case APK -> s = cut(s, "=~<>");
            case PIP -> {
                s = cut(s, "=<>!~;[ @");
                s = s.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
            }
            case RPM -> {
                // rpm names may carry a version after a dash; only exact names are compared
            }
        }
        return s;
    }

    private static String cut(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /** The common debugging tools a production image does not need (exact package names). */
    static final Set<String> DEBUG_TOOLS = Set.of("vim", "vim-tiny", "vim-nox", "vim-enhanced", "nano", "emacs",
            "emacs-nox", "strace", "ltrace", "gdb", "tcpdump", "net-tools", "iputils-ping", "iputils", "procps",
            "procps-ng", "htop", "telnet", "netcat", "netcat-openbsd", "netcat-traditional", "nmap-ncat", "nmap",
            "dnsutils", "bind-tools", "bind-utils", "lsof", "sysstat", "iotop", "traceroute", "mtr", "mtr-tiny");
}
