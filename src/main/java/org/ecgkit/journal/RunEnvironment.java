package org.ecgkit.journal;

import org.ecgkit.train.Backend;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Where a run ran: the kit's version, the git commit of the working directory's repository (the notebooks'
 * checkout, when there is one), Java, DL4J and ND4J, and the ND4J backend and device.
 *
 * @param ecgkit     the kit's version
 * @param gitCommit  {@code git rev-parse HEAD} in the working directory, or null outside a repository
 * @param gitChanges whether tracked files differed from that commit ({@code git status}), null outside a repository
 * @param java       version and vendor
 * @param dl4j       Deeplearning4j version
 * @param nd4j       ND4J version and backend artifact, e.g. {@code 1.0.0-M2.1 nd4j-native}
 * @param backend    the running ND4J backend, e.g. {@code CpuBackend (CPU)}
 * @param device     CPU model and cores, or GPU name
 * @param threads    ND4J and BLAS threads
 * @param os         operating system and architecture
 */
public record RunEnvironment(String ecgkit, String gitCommit, Boolean gitChanges, String java, String dl4j, String nd4j,
                             String backend, String device, String threads, String os) {

    private static final long GIT_TIMEOUT_SECONDS = 10;

    /** The environment of this JVM now. */
    public static RunEnvironment current() {
        Table backend = Backend.describe();
        String commit = git("rev-parse", "HEAD");
        String status = commit == null ? null : git("status", "--porcelain", "--untracked-files=no");
        Boolean changes = status == null ? null : !status.isEmpty();
        String nd4jBackend = resourceExists("META-INF/maven/org.nd4j/nd4j-cuda-11.6/pom.properties") ? "nd4j-cuda-11.6"
                : "nd4j-native";
        return new RunEnvironment(
                property("org/ecgkit/journal/ecgkit.properties", "version"),
                commit, changes,
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                property("META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties", "version"),
                property("META-INF/maven/org.nd4j/nd4j-api/pom.properties", "version") + " " + nd4jBackend,
                value(backend, "backend"), value(backend, "device"), value(backend, "threads"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** Property and value, one row per field. */
    public Table table() {
        StringColumn property = StringColumn.create("property");
        StringColumn value = StringColumn.create("value");
        for (RecordComponent component : RunEnvironment.class.getRecordComponents()) {
            try {
                property.append(component.getName());
                value.append(String.valueOf(component.getAccessor().invoke(this)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
        }
        return Table.create("Environment", property, value);
    }

    private static String value(Table describe, String property) {
        for (int row = 0; row < describe.rowCount(); row++) {
            if (describe.stringColumn("property").get(row).equals(property)) {
                return describe.stringColumn("value").get(row);
            }
        }
        return "unknown";
    }

    private static boolean resourceExists(String name) {
        return RunEnvironment.class.getClassLoader().getResource(name) != null;
    }

    private static String property(String resource, String key) {
        try (InputStream in = RunEnvironment.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The trimmed output of a git command in the working directory, or null when git or a repository is missing. */
    private static String git(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "git";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
