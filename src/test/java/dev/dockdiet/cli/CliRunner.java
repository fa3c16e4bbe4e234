package dev.dockdiet.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process, as a user would, and captures what it prints. */
final class CliRunner {

    record Run(int code, String out, String err) {
    }

    private CliRunner() {
    }

    static Run run(String... args) {
        return runWithStdin(null, args);
    }

    static Run runWithStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var in = stdin == null ? null : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int code = Main.mainWithoutExit(args, out, err, in);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
