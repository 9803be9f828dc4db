package org.ecgkit.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real data sets live: the {@code shared/} folder beside the repository (PTB-XL subset, CinC 2017), never
 * copied into it. The location comes from the system property {@code ecgkit.shared} (or {@code ECGKIT_SHARED}), else
 * the environment variable {@code ECGKIT_SHARED}, else {@code ../shared} relative to the working directory (the layout
 * CI uses), else, when that does not exist, {@code ../shared} beside the {@link Workspace} (a notebook runs in
 * {@code notebooks/} while the kernel's workspace is the repository root).
 */
public final class SharedData {

    public static final String PROPERTY = "ecgkit.shared";
    public static final String SETTING = "ECGKIT_SHARED";

    private SharedData() {
    }

    /** The shared folder (it need not exist). */
    public static Path root() {
        return root(System.getProperty(PROPERTY, System.getProperty(SETTING, System.getenv(SETTING))), Path.of(""),
                Workspace.dir());
    }

    static Path root(String configured, Path workingDirectory, Path workspace) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path besideWorkingDirectory = workingDirectory.resolve("../shared").toAbsolutePath().normalize();
        Path besideWorkspace = workspace.resolve("../shared").toAbsolutePath().normalize();
        return Files.isDirectory(besideWorkingDirectory) || !Files.isDirectory(besideWorkspace)
                ? besideWorkingDirectory : besideWorkspace;
    }

    /** {@code <shared>/data/<name>}, e.g. {@code dataSet("ptbxl-500")}; missing is an error saying how to fix it. */
    public static Path dataSet(String name) {
        Path folder = root().resolve("data").resolve(name);
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("real data set '" + name + "' not found at " + folder + "; set "
                    + SETTING + " (system property or environment variable) to the folder that holds data/"
                    + name + " (or -D" + PROPERTY + "; default: ../shared beside the working directory or the "
                    + "workspace)");
        }
        return folder;
    }
}
