package org.ecgkit.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which {@code nd4j-native} build runs: the generic x86-64 one, or one of the CPU-specific builds published beside it
 * (Maven classifier {@code linux-x86_64-<build>}), chosen by the JVM option
 * {@code -Dorg.bytedeco.javacpp.platform.extension=-<build>}. That option must be set before ND4J loads its natives,
 * so the launch scripts set it ({@code environment/native-build.sh} prints it; setup.sh puts it into the kernelspec,
 * test.sh into the tests, the benchmarks into their java command) and Maven adds the build's jar with
 * {@code -Dnd4j.extension=<build>}.
 * <p>
 * Two failures are worse than a slow start: an unknown extension makes JavaCPP refuse to load ND4J, and a build for
 * instructions the CPU lacks makes ND4J call {@code System.exit(1)}. {@link #ensureUsable()} (run by
 * {@link Backend#initialise()}, before ND4J starts) therefore checks the option against the CPU and the class path and
 * falls back to the generic build with a warning when it cannot work.
 */
public final class NativeBuild {

    /** The JVM system property JavaCPP reads. */
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** Builds in order of preference (measured in docs/speed.md); the generic build is the fallback after these. */
    public static final List<String> PREFERENCE = List.of("onednn-avx512", "onednn-avx2");

    private static final String PLATFORM = "linux-x86_64";
    private static final Set<String> AVX2 = Set.of("avx", "avx2", "fma", "f16c", "bmi1", "bmi2");
    private static final Set<String> AVX512 = Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

    private NativeBuild() {
    }

    /** The build the JVM was started with: the extension without its dash, or "generic". */
    public static String current() {
        String extension = System.getProperty(EXTENSION_PROPERTY, "");
        return extension.isBlank() ? "generic" : extension.trim().substring(1);
    }

    /** The CPU flags the builds are checked against: {@code ECGKIT_CPU_FLAGS} if set (tests), else /proc/cpuinfo. */
    public static Set<String> cpuFlags() {
        String override = System.getenv("ECGKIT_CPU_FLAGS");
        if (override != null) {
            return words(override);
        }
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("flags"))
                    .findFirst().map(line -> words(line.substring(line.indexOf(':') + 1))).orElse(Set.of());
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(word -> !word.isEmpty()).collect(Collectors.toSet());
    }

    /** The instruction-set extensions a build needs, named as in /proc/cpuinfo; empty for builds that run anywhere. */
    static Set<String> requiredFlags(String build) {
        if (build.contains("avx512")) {
            return union(AVX2, AVX512);
        }
        return build.contains("avx2") ? AVX2 : Set.of();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** The CPU's flags a build needs but the CPU lacks, sorted; empty when it runs. */
    static List<String> missingFlags(String build, Set<String> cpuFlags) {
        return requiredFlags(build).stream().filter(flag -> !cpuFlags.contains(flag)).sorted().toList();
    }

    /** The preferred build for a CPU: the first of {@link #PREFERENCE} it supports, else "generic". */
    public static String preferred(Set<String> cpuFlags) {
        return PREFERENCE.stream().filter(build -> missingFlags(build, cpuFlags).isEmpty()).findFirst().orElse("generic");
    }

    /** Whether the class path holds the natives of a build. */
    static boolean onClassPath(String build) {
        String directory = build.equals("generic") ? PLATFORM : PLATFORM + "-" + build;
        return NativeBuild.class.getClassLoader()
                .getResource("org/nd4j/linalg/cpu/nativecpu/bindings/" + directory + "/libjnind4jcpu.so") != null;
    }

    /**
     * Checks the extension option before ND4J loads: clears it, with a warning, when the build is unknown, needs
     * instructions this CPU lacks, or is not on the class path, so that the generic build runs. Returns the build
     * that will run.
     */
    public static synchronized String ensureUsable() {
        String build = current();
        if (build.equals("generic")) {
            return build;
        }
        String problem = problem(build, cpuFlags(), onClassPath(build));
        if (problem != null) {
            // The logger is looked up here, not in a static field, so that main() runs without SLF4J on the class path.
            Logger log = LoggerFactory.getLogger(NativeBuild.class);
            log.warn("nd4j-native build '{}' {}; falling back to the generic build", build, problem);
            System.clearProperty(EXTENSION_PROPERTY);
            return "generic";
        }
        return build;
    }

    /** Why a build cannot run here, or null when it can. */
    static String problem(String build, Set<String> cpuFlags, boolean onClassPath) {
        if (!build.matches("(onednn|compat|avx2|avx512|onednn-avx2|onednn-avx512)")) {
            return "is not one of the published builds (onednn, onednn-avx2, onednn-avx512, avx2, avx512, compat)";
        }
        List<String> missing = missingFlags(build, cpuFlags);
        if (!missing.isEmpty()) {
            return "needs CPU instructions this CPU lacks (" + String.join(", ", missing) + ")";
        }
        if (!onClassPath) {
            return "is not on the class path (build with mvn -Dnd4j.extension=" + build + ")";
        }
        return null;
    }

    /**
     * Prints the preferred build for this CPU, for environment/native-build.sh; "generic" when none fits, with the
     * reason on stderr. With {@code --check BUILD}, prints nothing and exits 1 with the reason on stderr when BUILD
     * cannot run here.
     */
    public static void main(String[] args) {
        Set<String> flags = cpuFlags();
        if (args.length == 2 && args[0].equals("--check")) {
            String problem = args[1].equals("generic") ? null : problem(args[1], flags, true);
            if (problem != null) {
                System.err.println("nd4j-native build '" + args[1] + "' " + problem);
                System.exit(1);
            }
            return;
        }
        String build = preferred(flags);
        if (build.equals("generic")) {
            String leastDemanding = PREFERENCE.get(PREFERENCE.size() - 1);
            System.err.println("nd4j-native build '" + leastDemanding + "' " + problem(leastDemanding, flags, true)
                    + "; using the generic build");
        }
        System.out.println(build.toLowerCase(Locale.ROOT));
    }
}
