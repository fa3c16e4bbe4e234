package dev.dockdiet.cli;

import picocli.CommandLine.IVersionProvider;

/** The tool's version, shown by {@code --version} and written into every report. */
public final class Version implements IVersionProvider {

    public static final String VERSION = "0.1.0";

    @Override
    public String[] getVersion() {
        return new String[] {"dockdiet " + VERSION, "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
