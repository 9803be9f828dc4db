package org.ecgkit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's Python (with numpy, scipy, sklearn from Debian packages) as the reference implementation in tests.
 * The README's test command installs those packages; a missing interpreter fails the test with that hint.
 */
public final class Python {

    public static final String INTERPRETER = System.getenv().getOrDefault("ECGKIT_PYTHON", "/usr/bin/python3");

    private Python() {
    }

    /** Runs a script from {@code src/test/python} with arguments and returns its standard output. */
    public static String run(String script, String... args) {
        Path file = Path.of("src/test/python", script).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(INTERPRETER, file.toString()));
        command.addAll(List.of(args));
        return exec(command);
    }

    /** Runs inline Python code and returns its standard output. */
    public static String code(String code) {
        return exec(List.of(INTERPRETER, "-c", code));
    }

    private static String exec(List<String> command) {
        if (!Files.isExecutable(Path.of(INTERPRETER))) {
            throw new IllegalStateException(INTERPRETER + " is missing: run the README's test command, which installs "
                    + "python3-numpy, python3-scipy and python3-sklearn from Debian");
        }
        try {
            Process process = new ProcessBuilder(command).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("python failed: " + String.join(" ", command) + "\n"
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
