package dev.dockdiet.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds and reads the configuration for each Dockerfile.
 *
 * <h2>Discovery</h2>
 * For a Dockerfile in directory {@code D}:
 * <ol>
 *   <li>{@code .dockdiet.yaml} (or {@code .dockdiet.yml}; both in one directory is an error) in
 *       {@code D}, then its parent, and so on up to the project root: the first directory that
 *       holds {@code .git} (a directory, or a file in worktrees and submodules) is the last one
 *       searched. Without {@code .git} the search goes up to the file system root. The nearest
 *       file wins; files are not merged.</li>
 *   <li>If none: {@code .hadolint.yaml} / {@code .hadolint.yml}, searched the same way (hadolint
 *       itself only looks in the working directory), then in the working directory, then in
 *       hadolint's user locations: {@code $XDG_CONFIG_HOME/hadolint.yaml} ({@code ~/.config} when
 *       unset), {@code ~/.hadolint/hadolint.yaml}, {@code ~/.hadolint/config.yaml},
 *       {@code ~/.hadolint.yaml} (each also {@code .yml}).</li>
 *   <li>If none: {@link Config#defaults()}.</li>
 * </ol>
 * An explicit {@code --config FILE} ({@link #load(Path)}) replaces discovery; a file whose name
 * contains {@code hadolint} is read as a hadolint config.
 *
 * <p>Results are cached per directory and per config file, so linting many files reads each
 * config once. Thread-safe.
 */
public final class ConfigLoader {

    public static final List<String> DOCKDIET_NAMES = List.of(".dockdiet.yaml", ".dockdiet.yml");
    public static final List<String> HADOLINT_NAMES = List.of(".hadolint.yaml", ".hadolint.yml");

    private final Function<String, Optional<String>> resolveRuleId;
    private final Path workingDir;
    private final Map<String, String> env;
    private final Path home;

    private final Map<Path, Optional<Path>> dockdietByDir = new ConcurrentHashMap<>();
    private final Map<Path, Optional<Path>> hadolintByDir = new ConcurrentHashMap<>();
    private final Map<Path, Config> byDir = new ConcurrentHashMap<>();
    private final Map<Path, Config> byFile = new ConcurrentHashMap<>();
    private volatile Optional<Path> hadolintFallback;

    /** A loader for this process: working directory, environment and home from the JVM. */
    public ConfigLoader(Function<String, Optional<String>> resolveRuleId) {
        this(resolveRuleId, Path.of("").toAbsolutePath(), System.getenv(), Path.of(System.getProperty("user.home", "/")));
    }

    /**
     * @param resolveRuleId maps an id, alias or name ({@code DD101}, {@code DL3008},
     *     {@code oversized-base}) to the canonical id, empty if unknown
     * @param workingDir where hadolint looks for its config; also the base for the file names
     *     shown in messages (files below it are shown relative to it)
     * @param env environment variables (for {@code XDG_CONFIG_HOME})
     * @param home the user's home directory
     */
    public ConfigLoader(Function<String, Optional<String>> resolveRuleId, Path workingDir, Map<String, String> env,
                        Path home) {
        this.resolveRuleId = Objects.requireNonNull(resolveRuleId, "resolveRuleId");
        this.workingDir = workingDir.toAbsolutePath().normalize();
        this.env = Map.copyOf(env);
        this.home = home.toAbsolutePath().normalize();
    }

    /** The config for a Dockerfile, by discovery from its directory. */
    public Config forFile(Path dockerfile) {
        Path parent = dockerfile.toAbsolutePath().normalize().getParent();
        return forDirectory(parent == null ? workingDir : parent);
    }

    /** The config for a Dockerfile in {@code dir} (use the working directory for stdin). */
    public Config forDirectory(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        Config cached = byDir.get(d);
        if (cached != null) {
            return cached;
        }
        Config config = discover(d).map(this::load).orElse(Config.defaults());
        byDir.putIfAbsent(d, config);
        return config;
    }

    /** The config file discovery picks for a Dockerfile in {@code dir}, if any. */
    public Optional<Path> discover(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        Optional<Path> own = walk(d, DOCKDIET_NAMES, dockdietByDir, true);
        if (own.isPresent()) {
            return own;
        }
        Optional<Path> hadolint = walk(d, HADOLINT_NAMES, hadolintByDir, false);
        if (hadolint.isPresent()) {
            return hadolint;
        }
        return hadolintFallback();
    }

    /**
     * Reads a config file ({@code --config FILE}, or one found by discovery); cached per file.
     *
     * @throws ConfigException if it cannot be read or is not a valid config
     */
    public Config load(Path configFile) {
        Path f = configFile.toAbsolutePath().normalize();
        Config cached = byFile.get(f);
        if (cached != null) {
            return cached;
        }
        String name = displayName(f);
        String text;
        try {
            text = decode(Files.readAllBytes(f), name);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, "config file not found", e);
        } catch (IOException e) {
            throw new ConfigException(name, "cannot read config file: " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        ConfigParser parser = new ConfigParser(resolveRuleId, name, f);
        boolean hadolint = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).contains("hadolint");
        Config config = hadolint ? parser.parseHadolint(text) : parser.parseDockdiet(text);
        byFile.putIfAbsent(f, config);
        return config;
    }

    /** Parses config text directly (tests, stdin); {@code name} is used in messages. */
    public Config parse(String text, String name, Path file, boolean hadolint) {
        ConfigParser parser = new ConfigParser(resolveRuleId, name, file);
        return hadolint ? parser.parseHadolint(text) : parser.parseDockdiet(text);
    }

    private Optional<Path> walk(Path start, List<String> names, Map<Path, Optional<Path>> cache, boolean strict) {
        List<Path> visited = new ArrayList<>();
        Optional<Path> result = Optional.empty();
        for (Path d = start; d != null; d = d.getParent()) {
            Optional<Path> known = cache.get(d);
            if (known != null) {
                result = known;
                break;
            }
            visited.add(d);
            Optional<Path> here = findIn(d, names, strict);
            if (here.isPresent()) {
                result = here;
                break;
            }
            if (Files.exists(d.resolve(".git"))) {
                break; // project root: configs above it belong to someone else
            }
        }
        for (Path v : visited) {
            cache.putIfAbsent(v, result);
        }
        return result;
    }

    private Optional<Path> findIn(Path dir, List<String> names, boolean strict) {
        Path found = null;
        for (String n : names) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) {
                if (found == null) {
                    found = p;
                } else if (strict) {
                    throw new ConfigException(displayName(p), "both " + found.getFileName() + " and " + n
                            + " exist in " + displayName(dir) + "; keep one", null);
                }
            }
        }
        return Optional.ofNullable(found);
    }

    private Optional<Path> hadolintFallback() {
        Optional<Path> f = hadolintFallback;
        if (f == null) {
            List<Path> candidates = new ArrayList<>();
            for (String n : HADOLINT_NAMES) {
                candidates.add(workingDir.resolve(n));
            }
            String xdg = env.get("XDG_CONFIG_HOME");
            Path xdgDir = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
            candidates.add(xdgDir.resolve("hadolint.yaml"));
            candidates.add(xdgDir.resolve("hadolint.yml"));
            for (String n : List.of("hadolint.yaml", "hadolint.yml", "config.yaml", "config.yml")) {
                candidates.add(home.resolve(".hadolint").resolve(n));
            }
            for (String n : HADOLINT_NAMES) {
                candidates.add(home.resolve(n));
            }
            f = candidates.stream().filter(Files::isRegularFile).findFirst();
            hadolintFallback = f;
        }
        return f;
    }

    private String displayName(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (abs.startsWith(workingDir) && !abs.equals(workingDir)) {
            return workingDir.relativize(abs).toString();
        }
        return abs.toString();
    }

    /**
     * Config text: UTF-8, or UTF-16 with its byte-order mark (as Windows editors save it); anything
     * else is one clear error instead of the decoder's "Input length = 1".
     */
    static String decode(byte[] bytes, String name) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException(name, "not a text file: the config must be UTF-8 (or UTF-16 with a byte-order mark)", e);
        }
    }
}
