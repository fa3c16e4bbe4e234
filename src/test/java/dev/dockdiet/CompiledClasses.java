package dev.dockdiet;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds classes in dockdiet's compiled main code, for tests that check a registry lists them all. */
public final class CompiledClasses {

    private CompiledClasses() {
    }

    /**
     * Every concrete, named (not anonymous, not local) class of {@code dev.dockdiet} in the output
     * folder that holds {@code type}, that implements or extends {@code type}, sorted by file path.
     */
    public static <T> List<Class<? extends T>> implementationsOf(Class<T> type) throws IOException, URISyntaxException {
        Path classes = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<? extends T>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class")).sorted()::iterator) {
                String name = classes.relativize(p).toString().replace('/', '.').replace('\\', '.');
                name = name.substring(0, name.length() - ".class".length());
                if (!name.startsWith("dev.dockdiet.")) {
                    continue;
                }
                Class<?> c;
                try {
                    c = Class.forName(name, false, CompiledClasses.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
                if (type.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())
                        && !c.isAnonymousClass() && !c.isLocalClass()) {
                    found.add(c.asSubclass(type));
                }
            }
        }
        return found;
    }
}
