package org.ecgkit.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Butterworth/notch design and zero-phase filtering against scipy's butter + sosfiltfilt and iirnotch + filtfilt. */
class ZeroPhaseFilterTest {

    static Stream<JsonObject> filterCases() {
        return Fixtures.cases("filters").stream();
    }

    private static SosFilter design(JsonObject c) {
        double rate = c.get("rate").getAsDouble();
        if (c.get("kind").getAsString().equals("notch")) {
            return Notch.at(c.get("freq").getAsDouble(), c.get("q").getAsDouble(), rate);
        }
        int order = c.get("order").getAsInt();
        double[] band = Fixtures.doubles(c.getAsJsonArray("band"));
        return switch (c.get("btype").getAsString()) {
            case "bandpass" -> Butterworth.bandPass(order, band[0], band[1], rate);
            case "highpass" -> Butterworth.highPass(order, band[0], rate);
            case "lowpass" -> Butterworth.lowPass(order, band[0], rate);
            default -> throw new IllegalArgumentException(c.toString());
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterCases")
    void sectionsMatchScipyDesign(JsonObject c) {
        JsonArray expected = c.getAsJsonArray("sos");
        double[][] sections = design(c).sections();
        assertEquals(expected.size(), sections.length, "number of sections");
        for (int s = 0; s < sections.length; s++) {
            double[] want = Fixtures.doubles(expected.get(s).getAsJsonArray());
            for (int j = 0; j < 6; j++) {
                // Coefficients agree to rounding; 1e-12 of the section's largest coefficient.
                double scale = Math.max(Math.abs(want[0]), Math.max(Math.abs(want[4]), 1));
                assertEquals(want[j], sections[s][j], 1e-12 * scale, "section " + s + " coefficient " + j);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterCases")
    void zeroPhaseOutputMatchesScipyWithin1e6(JsonObject c) {
        float[][] input = Fixtures.floats2d(c.get("input").getAsString());
        double[][] expected = Fixtures.doubles2d(c.get("output").getAsString());
        SosFilter filter = design(c);
        float[][] leads = filter.apply(input);
        for (int lead = 0; lead < input.length; lead++) {
            double[] inDouble = Signals.toDouble(input[lead]);
            assertTrue(Fixtures.relativeError(filter.apply(inDouble), expected[lead]) < 1e-9,
                    "double path, lead " + lead);
            assertTrue(Fixtures.relativeError(leads[lead], expected[lead]) < 1e-6, "float path, lead " + lead);
        }
    }

    @Test
    void forwardPassMatchesSosfilt() {
        JsonObject c = Fixtures.cases().getAsJsonObject("sosfilt");
        JsonArray rows = c.getAsJsonArray("sos");
        double[][] sos = new double[rows.size()][];
        for (int s = 0; s < sos.length; s++) {
            sos[s] = Fixtures.doubles(rows.get(s).getAsJsonArray());
        }
        float[][] input = Fixtures.floats2d(c.get("input").getAsString());
        double[][] expected = Fixtures.doubles2d(c.get("output").getAsString());
        for (int lead = 0; lead < input.length; lead++) {
            double[] y = SosFilter.of(sos).forward(Signals.toDouble(input[lead]));
            assertTrue(Fixtures.relativeError(y, expected[lead]) < 1e-12);
        }
    }

    @Test
    void zeroPhaseFilterKeepsPeaksInPlace() {
        // A 10 Hz sine through the 0.5–40 Hz band-pass comes out unshifted and unscaled in the middle of the record
        // (the 0.5 Hz edge rings for seconds near the ends); one causal pass would be off by half the amplitude.
        double fs = 500;
        double[] x = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * 10 * i / fs);
        }
        SosFilter filter = Butterworth.bandPass(fs);
        double[] zeroPhase = filter.apply(x);
        double[] causal = filter.forward(x);
        for (int i = 2000; i < 3000; i++) {
            assertEquals(x[i], zeroPhase[i], 1e-3);
        }
        assertTrue(Math.abs(causal[2500] - x[2500]) > 0.1);
    }

    @Test
    void cutOffAtOrAboveNyquistIsRejected() {
        var error = assertThrows(IllegalArgumentException.class, () -> Butterworth.bandPass(0.5, 40, 60));
        assertEquals("band-pass upper edge 40.0 Hz must lie between 0 and the Nyquist frequency 30.0 Hz"
                + " (sampling rate 60.0 Hz)", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Butterworth.highPass(50, 100));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.lowPass(0, 100));
        assertThrows(IllegalArgumentException.class, () -> Notch.at(60, 100));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.bandPass(40, 0.5, 500));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.bandPass(0, 0.5, 40, 500));
        assertThrows(IllegalArgumentException.class, () -> Butterworth.bandPass(Double.NaN));
    }

    @Test
    void nanInTheSignalNamesLeadAndSample() {
        float[][] leads = new float[3][1000];
        leads[2][417] = Float.NaN;
        var error = assertThrows(IllegalArgumentException.class, () -> Butterworth.bandPass(500).apply(leads));
        assertTrue(error.getMessage().startsWith("lead 2 has NaN at sample 417"), error.getMessage());
    }

    @Test
    void signalShorterThanThePaddingIsRejected() {
        SosFilter filter = Butterworth.bandPass(500);
        assertEquals(27, filter.padLength());
        var error = assertThrows(IllegalArgumentException.class, () -> filter.apply(new float[27]));
        assertTrue(error.getMessage().contains("has 27 samples but"), error.getMessage());
        assertEquals(28, filter.apply(new float[28]).length);
        assertThrows(IllegalArgumentException.class, () -> filter.apply(new float[0][]));
        assertThrows(IllegalArgumentException.class, () -> filter.apply(new float[][] {new float[100], new float[99]}));
    }

    @Test
    void inputIsNotModified() {
        float[] lead = Fixtures.floats2d("input_100hz.npy")[0];
        float[] copy = lead.clone();
        Butterworth.highPass(0.5, 100).apply(lead);
        assertArrayEquals(copy, lead);
    }
}
