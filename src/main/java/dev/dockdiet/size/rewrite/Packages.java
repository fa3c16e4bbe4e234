package dev.dockdiet.size.rewrite;

import dev.dockdiet.shell.ShellScript;
import dev.dockdiet.shell.SimpleCommand;
import dev.dockdiet.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * System package installs in a RUN script (apt-get, apt, apk, yum, dnf, microdnf, zypper), read
 * through the shell model, and what the installed packages are for: compilers, fetch tools, or
 * something the running program may need.
 */
public final class Packages {

    /** Compilers and build drivers: in a final image they are the toolchain shipped by mistake. */
    private static final Set<String> COMPILERS = Set.of("build-essential", "build-base", "gcc", "g++", "gcc-c++",
            "clang", "make", "cmake", "gfortran", "cc", "llvm");
    private static final Pattern VERSIONED_COMPILER = Pattern.compile("(gcc|g\\+\\+|clang|llvm|cpp|gfortran)-\\d+(\\.\\d+)*");

    /**
     * Packages a build needs and the running program does not, besides compilers: fetch tools,
     * headers of the language runtime itself, build helpers.
     */
    private static final Set<String> BUILD_HELPERS = Set.of("git", "curl", "wget", "ca-certificates", "unzip", "zip",
            "tar", "gzip", "xz-utils", "bzip2", "gnupg", "gnupg2", "openssh-client", "pkg-config", "pkgconf", "pkgconfig",
            "autoconf", "automake", "libtool", "musl-dev", "libc-dev", "libc6-dev", "linux-headers", "python3-dev",
            "python-dev", "binutils", "patch", "file", "upx", "protobuf-compiler", "protoc");

    private static final Set<String> APT = Set.of("apt-get", "apt", "aptitude");
    private static final Set<String> RPM = Set.of("yum", "dnf", "microdnf", "tdnf");

    private Packages() {
    }

    /**
     * One package-manager install command.
     *
     * @param manager {@code apt}, {@code apk}, {@code rpm} or {@code zypper}
     * @param packages the package words, as written
     * @param virtualName apk's {@code --virtual}/{@code -t} name, or null
     */
    public record Install(SimpleCommand command, String manager, List<Word> packages, String virtualName) {

        /** The package names without version or architecture suffixes. */
        public List<String> names() {
            return packages.stream().map(w -> name(w.value())).toList();
        }
    }

    /** The install commands of a script, in execution order. */
    public static List<Install> installs(ShellScript script) {
        List<Install> out = new ArrayList<>();
        for (SimpleCommand c : script.effectiveCommands()) {
            String manager = manager(c);
            if (manager == null) {
                continue;
            }
            List<Word> pos = c.positionals();
            if (pos.isEmpty()) {
                continue;
            }
            String sub = pos.get(0).value();
            boolean install = switch (manager) {
                case "apk" -> sub.equals("add");
                case "zypper" -> sub.equals("install") || sub.equals("in");
                default -> sub.equals("install");
            };
            if (!install) {
                continue;
            }
            List<Word> pkgs = new ArrayList<>();
            for (Word w : pos.subList(1, pos.size())) {
                if (!w.value().isEmpty() && w.isLiteral()) {
                    pkgs.add(w);
                }
            }
            String virtual = null;
            if (manager.equals("apk")) {
                virtual = c.flagValue("--virtual").orElse(c.flagValue("-t").orElse(null));
            }
            out.add(new Install(c, manager, pkgs, virtual));
        }
        return out;
    }

    /**
     * True when a command after the install in the same script removes the package (or apk's
     * virtual package holding it): {@code apt-get purge gcc}, {@code apk del .build-deps}.
     */
    public static boolean removedLater(ShellScript script, Install install, String pkg) {
        if (install.manager().equals("apt") && autoRemovedLater(script, install)) {
            return true;
        }
        for (SimpleCommand c : script.effectiveCommands()) {
            if (!script.runsAfter(install.command(), c) || !install.manager().equals(manager(c))) {
                continue;
            }
            List<Word> pos = c.positionals();
            if (pos.isEmpty()) {
                continue;
            }
            String sub = pos.get(0).value();
            boolean remove = switch (install.manager()) {
                case "apk" -> sub.equals("del");
                case "apt" -> sub.equals("purge") || sub.equals("remove");
                case "zypper" -> sub.equals("remove") || sub.equals("rm");
                default -> sub.equals("remove") || sub.equals("erase");
            };
            if (!remove) {
                continue;
            }
            for (Word w : pos.subList(1, pos.size())) {
                String n = name(w.value());
                if (n.equals(pkg) || (install.virtualName() != null && n.equals(install.virtualName()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The Debian idiom for build dependencies: {@code apt-mark auto} marks every package as
     * automatically installed, and a later {@code apt-get purge --auto-remove} or {@code apt-get
     * autoremove} removes those nothing needs (docker-library's own images do this).
     */
    private static boolean autoRemovedLater(ShellScript script, Install install) {
        boolean marked = false;
        for (SimpleCommand c : script.effectiveCommands()) {
            if (!script.runsAfter(install.command(), c)) {
                continue;
            }
            List<Word> pos = c.positionals();
            if (c.is("apt-mark") && !pos.isEmpty() && pos.get(0).value().equals("auto")) {
                marked = true;
            } else if (marked && "apt".equals(manager(c)) && !pos.isEmpty()) {
                String sub = pos.get(0).value();
                if (sub.equals("autoremove") || ((sub.equals("purge") || sub.equals("remove"))
                        && c.hasFlag("--auto-remove", "--autoremove"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A compiler or build driver (gcc, g++, clang, make, build-essential, build-base, gcc-12 ...). */
    public static boolean isCompiler(String pkg) {
        String p = pkg.toLowerCase(Locale.ROOT);
        return COMPILERS.contains(p) || VERSIONED_COMPILER.matcher(p).matches();
    }

    /** Needed to build only: a compiler, a fetch tool, the language's own headers. */
    public static boolean isBuildOnly(String pkg) {
        return isCompiler(pkg) || BUILD_HELPERS.contains(pkg.toLowerCase(Locale.ROOT));
    }

    static String manager(SimpleCommand c) {
        if (c.is(APT.toArray(String[]::new))) {
            return "apt";
        }
        if (c.is("apk")) {
            return "apk";
        }
        if (c.is(RPM.toArray(String[]::new))) {
            return "rpm";
        }
        if (c.is("zypper")) {
            return "zypper";
        }
        return null;
    }

    /** {@code gcc=4:12.2.0-3} gives {@code gcc}; {@code libc6:amd64} gives {@code libc6}. */
    static String name(String word) {
        String n = word;
        int eq = n.indexOf('=');
        if (eq > 0) {
            n = n.substring(0, eq);
        }
        int colon = n.indexOf(':');
        if (colon > 0) {
            n = n.substring(0, colon);
        }
        return n;
    }
}
