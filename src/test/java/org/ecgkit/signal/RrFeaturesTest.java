package org.ecgkit.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RrFeaturesTest {

    @Test
    void featuresOfKnownIntervals() {
        // At 100 Hz: intervals 800, 900, 700, 800 ms.
        RrFeatures rr = RrFeatures.of(new int[] {10, 90, 180, 250, 330}, 100);
        assertEquals(800, rr.meanRr(), 1e-9);
        assertEquals(75, rr.heartRate(), 1e-9);
        // deviations 0, 100, -100, 0 → sum of squares 20 000 over n − 1 = 3
        assertEquals(Math.sqrt(20_000 / 3.0), rr.sdnn(), 1e-9);
        // successive differences 100, -200, 100 → sum of squares 60 000 over 3
        assertEquals(Math.sqrt(20_000), rr.rmssd(), 1e-9);
        // |successive differences| 100, 200, 100 → median 100; intervals' median (800 + 800) / 2
        assertEquals(100.0 / 800, rr.irregularity(), 1e-12);
        assertEquals(5, rr.beats());
        assertArrayEquals(new float[] {75f, 800f, (float) rr.sdnn(), (float) rr.rmssd(), (float) rr.irregularity()},
                rr.toArray());
        assertEquals(rr.toArray().length, RrFeatures.NAMES.size());
    }

    @Test
    void tooFewOrUnorderedPeaksAreRejected() {
        var error = assertThrows(IllegalArgumentException.class, () -> RrFeatures.of(new int[] {5, 50}, 100));
        assertEquals("RR features need at least 3 R peaks (2 intervals), got 2", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RrFeatures.of(new int[] {5, 50, 50}, 100));
        assertThrows(IllegalArgumentException.class, () -> RrFeatures.of(new float[1000], 100));
    }
}
