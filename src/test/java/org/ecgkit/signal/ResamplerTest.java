package org.ecgkit.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Polyphase resampling against scipy.signal.resample_poly with its default Kaiser(5.0) window. */
class ResamplerTest {

    static Stream<JsonObject> resampleCases() {
        return Fixtures.cases("resample").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resampleCases")
    void matchesResamplePolyWithin1e6(JsonObject c) {
        float[][] input = Fixtures.floats2d(c.get("input").getAsString());
        double[][] expected = Fixtures.doubles2d(c.get("output").getAsString());
        Resampler resampler = Resampler.between(c.get("from").getAsDouble(), c.get("to").getAsDouble());
        float[][] output = resampler.apply(input);
        for (int lead = 0; lead < input.length; lead++) {
            assertEquals(expected[lead].length, output[lead].length);
            assertEquals(expected[lead].length, resampler.outputLength(input[lead].length));
            assertTrue(Fixtures.relativeError(resampler.apply(Signals.toDouble(input[lead])), expected[lead]) < 1e-12,
                    "double path, lead " + lead);
            assertTrue(Fixtures.relativeError(output[lead], expected[lead]) < 1e-6, "float path, lead " + lead);
        }
    }

    @Test
    void ratioIsReducedFromTheRates() {
        Resampler r = Resampler.between(500, 100);
        assertEquals(1, r.up());
        assertEquals(5, r.down());
        Resampler s = Resampler.between(360, 500);
        assertEquals(25, s.up());
        assertEquals(18, s.down());
        assertEquals(1000, Resampler.between(500, 100).apply(new float[][] {new float[5000]})[0].length);
    }

    @Test
    void sameRateIsACopy() {
        float[][] record = {{1, 2, 3}};
        float[][] out = Resampler.between(250, 250).apply(record);
        assertArrayEquals(record[0], out[0]);
        assertTrue(out[0] != record[0]);
    }

    @Test
    void badRatesAndSignalsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Resampler.between(0, 100));
        assertThrows(IllegalArgumentException.class, () -> Resampler.between(500, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Resampler.between(500, 100.00012345));
        assertThrows(IllegalArgumentException.class, () -> Resampler.ratio(10_001, 1));
        float[][] record = new float[1][100];
        record[0][3] = Float.NaN;
        var error = assertThrows(IllegalArgumentException.class, () -> Resampler.between(500, 100).apply(record));
        assertTrue(error.getMessage().startsWith("lead 0 has NaN at sample 3"));
    }
}
