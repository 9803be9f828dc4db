package org.ecgkit.train;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.Nd4jBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The ND4J backend: which one runs, on what device, with how many threads. CPU ({@code nd4j-native}) by default; the
 * {@code cuda} Maven profile adds {@code nd4j-cuda-11.6}. The setting {@code ECGKIT_BACKEND=cuda|cpu} (environment, or
 * system property {@code ecgkit.backend}) states what you want; ND4J itself picks the backend when it starts (a usable
 * GPU backend wins), so {@link #initialise()} only reports how the two differ, and falls back to CPU with a log line when
 * CUDA was asked for but is missing or has no device.
 */
public final class Backend {

    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);
    private static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";
    private static final String CPU_BACKEND = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";
    private static volatile boolean initialised;

    private Backend() {
    }

    /** {@code cuda} or {@code cpu}: system property {@code ecgkit.backend}, else environment {@code ECGKIT_BACKEND}, else cpu. */
    public static String requested() {
        String setting = System.getProperty("ecgkit.backend", System.getenv("ECGKIT_BACKEND"));
        if (setting == null || setting.isBlank()) {
            return "cpu";
        }
        String backend = setting.trim().toLowerCase(Locale.ROOT);
        if (!backend.equals("cpu") && !backend.equals("cuda")) {
            throw new IllegalArgumentException("ECGKIT_BACKEND is '" + setting + "' but must be cpu or cuda");
        }
        return backend;
    }

    /** Starts ND4J, logging once how the backend it picked differs from {@link #requested()}. */
    public static synchronized void initialise() {
        if (initialised) {
            return;
        }
        NativeBuild.ensureUsable();
        String requested = requested();
        boolean cudaPresent = present(CUDA_BACKEND);
        boolean cpuPresent = present(CPU_BACKEND);
        if (requested.equals("cuda") && !cudaPresent) {
            LOG.warn("ECGKIT_BACKEND=cuda, but nd4j-cuda is not on the classpath (build with mvn -Pcuda); running on CPU");
        }
        if (requested.equals("cpu") && cudaPresent && cpuPresent && System.getenv("BACKEND_PRIORITY_GPU") == null) {
            LOG.warn("ECGKIT_BACKEND=cpu, but this is a CUDA build and ND4J prefers a usable GPU; start the JVM with "
                    + "the environment BACKEND_PRIORITY_GPU=-1 to force the CPU");
        }
        Nd4jBackend backend;
        try {
            backend = Nd4j.getBackend();
        } catch (RuntimeException | ExceptionInInitializerError e) {
            throw new IllegalStateException("ND4J could not start a backend (" + (cudaPresent ? "CUDA" : "CPU") + " build). "
                    + (cudaPresent ? "A CUDA build needs an NVIDIA driver and the CUDA 11.6 runtime; " : "")
                    + "run `mvn -q compile` without -Pcuda for the CPU build. Cause: " + e, e);
        }
        boolean onCuda = backend.getClass().getName().equals(CUDA_BACKEND);
        if (requested.equals("cuda") && cudaPresent && !onCuda) {
            LOG.warn("ECGKIT_BACKEND=cuda, but no usable CUDA device was found; running on CPU");
        }
        initialised = true;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Backend.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Sets the threads of ND4J's own ops and of BLAS (defaults: the cores, or OMP_NUM_THREADS). */
    public static void threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        initialise();
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /** A two-column table (property, value): backend, requested, device, memory, threads, BLAS, native build, data type. */
    public static Table describe() {
        initialise();
        Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
        boolean cpu = Nd4j.getEnvironment().isCPU();
        StringColumn property = StringColumn.create("property");
        StringColumn value = StringColumn.create("value");
        add(property, value, "backend", Nd4j.getBackend().getClass().getSimpleName() + (cpu ? " (CPU)" : " (CUDA)"));
        add(property, value, "requested", requested()
                + (System.getProperty("ecgkit.backend", System.getenv("ECGKIT_BACKEND")) == null ? " (default)" : ""));
        if (cpu) {
            add(property, value, "device", cpuName() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
            add(property, value, "memory", String.format(Locale.ROOT, "JVM heap max %s; off-heap available %s",
                    gigabytes(Runtime.getRuntime().maxMemory()), gigabytes(number(info.get("memory.available")))));
        } else {
            List<Map<String, Object>> devices = cudaDevices(info);
            add(property, value, "device", devices.stream().map(d -> String.valueOf(d.get("cuda.deviceName"))
                    + " (compute " + d.get("cuda.deviceMajor") + "." + d.get("cuda.deviceMinor") + ")").collect(Collectors.joining("; ")));
            add(property, value, "memory", devices.stream().map(d -> "total " + gigabytes(number(d.get("cuda.totalMemory")))
                    + ", free " + gigabytes(number(d.get("cuda.freeMemory")))).collect(Collectors.joining("; ")));
        }
        add(property, value, "threads", "ops " + Nd4j.getEnvironment().maxThreads() + ", BLAS " + info.get("blas.threads"));
        add(property, value, "blas", String.valueOf(info.getOrDefault("blas.vendor", "")));
        String features = buildFeatures();
        add(property, value, "native build", NativeBuild.current() + (features.isEmpty() ? "" : " (" + features + ")"));
        add(property, value, "data type", Nd4j.dataType().toString());
        return Table.create("ND4J backend", property, value);
    }

    private static void add(StringColumn property, StringColumn value, String name, String text) {
        property.append(name);
        value.append(text);
    }

    /** The HAVE_* features of the native library, e.g. "OPENBLAS, ONEDNN". */
    private static String buildFeatures() {
        List<String> features = new ArrayList<>();
        for (String line : Nd4j.getBackend().buildInfo().split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("HAVE_") && !trimmed.equals("HAVE_FLATBUFFERS")) {
                features.add(trimmed.substring("HAVE_".length()));
            }
        }
        return String.join(", ", features);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cudaDevices(Properties info) {
        Object devices = info.get("cuda.devicesInformation");
        return devices instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static String cpuName() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : -1;
    }

    private static String gigabytes(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
