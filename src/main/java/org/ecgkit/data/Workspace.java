package org.ecgkit.data;

import java.nio.file.Path;

/**
 * Where a notebook session keeps generated data ({@code data/}) and experiment runs ({@code runs/}): the directory
 * in system property {@code ecgkit.workspace} or environment variable {@code ECGKIT_WORKSPACE} (the kit's kernel is
 * installed with the checkout as workspace), else the working directory.
 */
public final class Workspace {

    private Workspace() {
    }

    public static Path dir() {
        String configured = System.getProperty("ecgkit.workspace", System.getenv("ECGKIT_WORKSPACE"));
        return (configured == null || configured.isBlank() ? Path.of("") : Path.of(configured)).toAbsolutePath().normalize();
    }

    /** {@code <workspace>/data/<name>}: datasets generated or converted by the kit. */
    public static Path data(String name) {
        return dir().resolve("data").resolve(name);
    }

    /** {@code <workspace>/runs}: the experiment journal. */
    public static Path runs() {
        return dir().resolve("runs");
    }
}
