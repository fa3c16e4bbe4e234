package dev.dockdiet.shell;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Flags that take a separate value argument, for tools commonly found in Dockerfiles, so that
 * {@link SimpleCommand#positionals()} does not mistake {@code Dpkg::Options::=x} in
 * {@code apt-get -o Dpkg::Options::=x install} for the subcommand. Not exhaustive: a rule that
 * needs precision passes its own set to {@link SimpleCommand#positionals(Set)}.
 */
public final class KnownFlags {

    private static final Map<String, Set<String>> VALUE_FLAGS = new HashMap<>();

    static {
        Set<String> apt = Set.of("-o", "-c", "-t", "--option", "--config-file", "--target-release",
                "--default-release", "-a", "--host-architecture");
        VALUE_FLAGS.put("apt-get", apt);
        VALUE_FLAGS.put("apt", apt);
        VALUE_FLAGS.put("aptitude", apt);
        VALUE_FLAGS.put("apk", Set.of("-X", "--repository", "-p", "--root", "-t", "--virtual", "--arch",
                "--cache-dir", "--keys-dir", "--repositories-file"));
        Set<String> yum = Set.of("-c", "--config", "-x", "--exclude", "--enablerepo", "--disablerepo",
                "--installroot", "--releasever", "-d", "--debuglevel", "-e", "--errorlevel", "--setopt",
                "--repo", "--repoid");
        VALUE_FLAGS.put("yum", yum);
        VALUE_FLAGS.put("dnf", yum);
        VALUE_FLAGS.put("microdnf", yum);
        VALUE_FLAGS.put("tdnf", yum);
        VALUE_FLAGS.put("zypper", Set.of("-r", "--repo", "--root", "-R"));
        Set<String> pip = Set.of("-r", "--requirement", "-c", "--constraint", "-i", "--index-url",
                "--extra-index-url", "-t", "--target", "--prefix", "--root", "-f", "--find-links",
                "--trusted-host", "--platform", "--python-version", "--only-binary", "--no-binary",
                "--progress-bar", "--cache-dir", "--src", "--implementation", "--abi", "--upgrade-strategy",
                "--log", "--timeout", "--retries", "--proxy");
        VALUE_FLAGS.put("pip", pip);
        VALUE_FLAGS.put("pip3", pip);
        Set<String> npm = Set.of("--prefix", "-w", "--workspace", "--cache", "--registry", "--omit",
                "--include", "--loglevel", "--cwd", "--network-timeout", "--mutex", "--modules-folder", "-C", "--dir",
                "--filter", "-F");
        VALUE_FLAGS.put("npm", npm);
        VALUE_FLAGS.put("yarn", npm);
        VALUE_FLAGS.put("pnpm", npm);
        VALUE_FLAGS.put("go", Set.of("-o", "-C", "-ldflags", "-gcflags", "-asmflags", "-tags", "-mod", "-p",
                "-buildmode", "-installsuffix", "-modfile", "-overlay", "-pkgdir", "-toolexec", "-exec", "-run",
                "-timeout", "-count", "-coverprofile"));
        VALUE_FLAGS.put("make", Set.of("-C", "-f", "-j", "-I", "-o", "-W", "-l", "--directory", "--file",
                "--jobs", "--include-dir"));
        VALUE_FLAGS.put("git", Set.of("-C", "-c", "--git-dir", "--work-tree", "-b", "--branch", "--depth",
                "-o", "--origin", "--config", "--reference", "-j", "--jobs", "-m", "--filter"));
        VALUE_FLAGS.put("curl", Set.of("-o", "-H", "-d", "-X", "-u", "-A", "-e", "-w", "-m", "-T", "-F", "-x",
                "-b", "-c", "-K", "-E", "-r", "-y", "-Y", "-z", "--output", "--header", "--data", "--data-raw",
                "--data-binary", "--request", "--user", "--user-agent", "--retry", "--retry-delay", "--max-time",
                "--connect-timeout", "--proto", "--cacert", "--cert", "--key", "--url", "--referer", "--form",
                "--write-out", "--output-dir", "--retry-max-time", "--config", "--proxy", "--resolve"));
        VALUE_FLAGS.put("wget", Set.of("-O", "-P", "-o", "-a", "-t", "-T", "-U", "-e", "--output-document",
                "--directory-prefix", "--output-file", "--tries", "--timeout", "--header", "--user-agent",
                "--user", "--password", "--ca-certificate", "--post-data", "-i", "--input-file"));
        VALUE_FLAGS.put("gem", Set.of("-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s",
                "--source", "--platform"));
        VALUE_FLAGS.put("cargo", Set.of("-p", "--package", "--bin", "--target", "--features", "-F",
                "--manifest-path", "-j", "--jobs", "--root", "--version", "--profile", "--target-dir",
                "--example", "--git", "--branch", "--tag", "--rev", "--path", "--config", "-Z"));
        VALUE_FLAGS.put("dotnet", Set.of("-c", "--configuration", "-o", "--output", "-r", "--runtime", "-f",
                "--framework", "-s", "--source", "-a", "--arch", "--os", "-v", "--verbosity", "-p", "--project",
                "--version-suffix", "--packages"));
        Set<String> mvn = Set.of("-f", "--file", "-s", "--settings", "-gs", "--global-settings", "-P",
                "--activate-profiles", "-pl", "--projects", "-rf", "--resume-from", "-T", "--threads", "-t",
                "--toolchains", "-l", "--log-file", "-b", "--builder");
        VALUE_FLAGS.put("mvn", mvn);
        VALUE_FLAGS.put("mvnw", mvn);
        Set<String> gradle = Set.of("-p", "--project-dir", "-b", "--build-file", "-c", "--settings-file", "-x",
                "--exclude-task", "-I", "--init-script", "-g", "--gradle-user-home", "--console", "--warning-mode",
                "--max-workers", "--priority");
        VALUE_FLAGS.put("gradle", gradle);
        VALUE_FLAGS.put("gradlew", gradle);
        VALUE_FLAGS.put("tar", Set.of("-f", "-C", "--file", "--directory", "-T", "--files-from", "-X",
                "--exclude-from", "-b", "--blocking-factor", "-H", "--format", "-I", "--use-compress-program",
                "--transform", "--strip-components"));
        Set<String> user = Set.of("-u", "--uid", "-g", "--gid", "-G", "--groups", "-d", "--home", "--home-dir",
                "-s", "--shell", "-c", "--comment", "-k", "--skel", "-e", "--expiredate", "-f", "--inactive", "-p",
                "--password", "-K", "--key", "-h", "-S", "--ingroup");
        VALUE_FLAGS.put("useradd", user);
        VALUE_FLAGS.put("adduser", user);
        VALUE_FLAGS.put("groupadd", Set.of("-g", "--gid", "-K", "--key", "-p", "--password"));
        VALUE_FLAGS.put("addgroup", Set.of("-g", "--gid", "-S"));
        VALUE_FLAGS.put("unzip", Set.of("-d", "-x"));
        VALUE_FLAGS.put("docker-php-ext-configure", Set.of());
        VALUE_FLAGS.put("composer", Set.of("-d", "--working-dir"));
        VALUE_FLAGS.put("conda", Set.of("-c", "--channel", "-n", "--name", "-p", "--prefix", "--file"));
        VALUE_FLAGS.put("mamba", Set.of("-c", "--channel", "-n", "--name", "-p", "--prefix", "--file"));
        VALUE_FLAGS.put("micromamba", Set.of("-c", "--channel", "-n", "--name", "-p", "--prefix", "-f", "--file",
                "-r", "--root-prefix"));
        VALUE_FLAGS.put("chown", Set.of("--reference"));
        VALUE_FLAGS.put("chmod", Set.of("--reference"));
        VALUE_FLAGS.put("ln", Set.of("-t", "--target-directory", "-S", "--suffix"));
        VALUE_FLAGS.put("cp", Set.of("-t", "--target-directory", "-S", "--suffix"));
        VALUE_FLAGS.put("mv", Set.of("-t", "--target-directory", "-S", "--suffix"));
        VALUE_FLAGS.put("install", Set.of("-m", "--mode", "-o", "--owner", "-g", "--group", "-t",
                "--target-directory", "-S", "--suffix"));
        VALUE_FLAGS.put("mkdir", Set.of("-m", "--mode"));
        VALUE_FLAGS.put("rustup", Set.of("--profile", "--default-toolchain", "-t", "--target", "-c",
                "--component", "--toolchain"));
        VALUE_FLAGS.put("bundle", Set.of("--jobs", "-j", "--retry", "--path", "--without", "--with", "--gemfile"));
        VALUE_FLAGS.put("sed", Set.of("-e", "--expression", "-f", "--file"));
        VALUE_FLAGS.put("grep", Set.of("-e", "--regexp", "-f", "--file", "-m", "--max-count", "-A", "-B", "-C"));
        VALUE_FLAGS.put("find", Set.of());
    }

    private KnownFlags() {
    }

    /** Flags of this command (by basename) that take the next argument as value; empty when unknown. */
    public static Set<String> valueFlags(String command) {
        return VALUE_FLAGS.getOrDefault(command, Set.of());
    }
}
