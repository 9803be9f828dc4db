package org.ecgkit.train;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class NativeBuildTest {

    private static final Set<String> SSE_ONLY = Set.of("sse", "sse2", "sse4_1", "sse4_2");
    private static final Set<String> AVX2 = Set.of("sse4_2", "avx", "avx2", "fma", "f16c", "bmi1", "bmi2");
    private static final Set<String> AVX512 = Set.of("sse4_2", "avx", "avx2", "fma", "f16c", "bmi1", "bmi2",
            "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

    @Test
    void prefersTheWidestOneDnnBuildTheCpuSupports() {
        assertEquals("onednn-avx512", NativeBuild.preferred(AVX512));
        assertEquals("onednn-avx2", NativeBuild.preferred(AVX2));
        assertEquals("generic", NativeBuild.preferred(SSE_ONLY));
    }

    @Test
    void explainsWhyABuildCannotRun() {
        assertEquals("needs CPU instructions this CPU lacks (avx512bw, avx512cd, avx512dq, avx512f, avx512vl)",
                NativeBuild.problem("onednn-avx512", AVX2, true));
        assertEquals("is not on the class path (build with mvn -Dnd4j.extension=onednn-avx2)",
                NativeBuild.problem("onednn-avx2", AVX512, false));
        assertTrue(NativeBuild.problem("avx1024", AVX512, true).startsWith("is not one of the published builds"));
        assertNull(NativeBuild.problem("onednn-avx2", AVX2, true));
    }

    @Test
    void theBuildTheTestsRunOnIsOnTheClassPath() {
        // Fails when Maven's -Dnd4j.extension (the JVM option) and the jars on the test class path disagree.
        assertTrue(NativeBuild.onClassPath(NativeBuild.current()), NativeBuild.current());
    }

    @Test
    void aBuildMissingFromTheClassPathFallsBackToGeneric() {
        assumeFalse(NativeBuild.onClassPath("compat"), "the compat build is on the class path");
        String before = System.getProperty(NativeBuild.EXTENSION_PROPERTY);
        System.setProperty(NativeBuild.EXTENSION_PROPERTY, "-compat");
        try {
            assertEquals("generic", NativeBuild.ensureUsable());
            assertEquals("generic", NativeBuild.current());
        } finally {
            if (before == null) {
                System.clearProperty(NativeBuild.EXTENSION_PROPERTY);
            } else {
                System.setProperty(NativeBuild.EXTENSION_PROPERTY, before);
            }
        }
    }
}
