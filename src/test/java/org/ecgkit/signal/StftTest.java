package org.ecgkit.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Spectrograms against scipy.signal.spectrogram on the fixture signals. */
class StftTest {

    static Stream<JsonObject> spectrogramCases() {
        return Fixtures.cases("spectrogram").stream();
    }

    private static Stft configured(JsonObject c) {
        Stft.Builder b = Stft.builder();
        JsonElement window = c.get("window");
        if (window.isJsonArray()) {
            String name = window.getAsJsonArray().get(0).getAsString();
            double parameter = window.getAsJsonArray().get(1).getAsDouble();
            b.window(name.equals("tukey") ? Window.tukey(parameter) : Window.kaiser(parameter));
        } else {
            b.window(switch (window.getAsString()) {
                case "hann" -> Window.hann();
                case "hamming" -> Window.hamming();
                case "boxcar" -> Window.boxcar();
                default -> throw new IllegalArgumentException(window.toString());
            });
        }
        if (!c.get("nperseg").isJsonNull()) {
            b.segment(c.get("nperseg").getAsInt());
        }
        if (!c.get("noverlap").isJsonNull()) {
            b.overlap(c.get("noverlap").getAsInt());
        }
        if (!c.get("nfft").isJsonNull()) {
            b.fftLength(c.get("nfft").getAsInt());
        }
        b.detrend(Detrend.valueOf(c.get("detrend").getAsString().toUpperCase(Locale.ROOT)));
        b.scaling(Scaling.valueOf(c.get("scaling").getAsString().toUpperCase(Locale.ROOT)));
        return b.decibels(c.get("decibels").getAsBoolean()).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spectrogramCases")
    void matchesScipyWithin1e5(JsonObject c) {
        float[][] input = Fixtures.floats2d(c.get("input").getAsString());
        double rate = c.get("rate").getAsDouble();
        Spectrogram s = configured(c).apply(input, rate);
        var expected = Fixtures.array(c.get("output").getAsString());
        int[] shape = expected.shape(); // [leads, freq, frames]
        assertArrayEquals(shape, new int[] {s.values().length, s.values()[0].length, s.values()[0][0].length});
        assertArrayEquals(Fixtures.doubles(c.getAsJsonArray("frequencies")), s.frequencies(), 1e-12);
        assertArrayEquals(Fixtures.doubles(c.getAsJsonArray("times")), s.times(), 1e-12);
        double[] want = expected.asDoubleArray().data();
        boolean decibels = c.get("decibels").getAsBoolean();
        int perLead = shape[1] * shape[2];
        for (int lead = 0; lead < shape[0]; lead++) {
            double peak = 0;
            for (int i = 0; i < perLead; i++) {
                peak = Math.max(peak, Math.abs(want[lead * perLead + i]));
            }
            for (int f = 0; f < shape[1]; f++) {
                for (int t = 0; t < shape[2]; t++) {
                    double w = want[lead * perLead + f * shape[2] + t];
                    double got = s.values()[lead][f][t];
                    // Power: 1e-5 relative, with a 1e-9·peak floor for bins that are zero up to rounding (the DC bin
                    // after a constant detrend). Decibels: 4e-5 dB, which is 1e-5 relative in power.
                    double tolerance = decibels ? 4e-5 : 1e-5 * Math.abs(w) + 1e-9 * peak;
                    assertEquals(w, got, tolerance, "lead " + lead + ", frequency bin " + f + ", frame " + t);
                }
            }
        }
    }

    @Test
    void defaultsAreScipys() {
        Stft d = Stft.defaults();
        assertEquals("Stft{window=tukey(0.25), nperseg=256, noverlap=32, nfft=256, detrend=constant,"
                + " scaling=density, decibels=false}", d.toString());
        assertEquals(d, Stft.builder().build());
        assertEquals(d, d.toBuilder().build());
        assertEquals(Stft.builder().segment(128).overlap(16).build(), Stft.builder().segment(128).build());
    }

    @Test
    void spectrogramStftUsesDefaultsAndShapeIsLeadsFrequencyFrames() {
        float[][] record = new float[12][5000];
        for (int lead = 0; lead < 12; lead++) {
            for (int i = 0; i < 5000; i++) {
                record[lead][i] = (float) Math.sin(2 * Math.PI * 10 * i / 500.0 + lead);
            }
        }
        Spectrogram s = Spectrogram.stft(record, 500);
        assertEquals(12, s.values().length);
        assertEquals(129, s.values()[0].length);
        assertEquals((5000 - 32) / (256 - 32), s.values()[0][0].length);
        // A 10 Hz sine puts its power in the bin nearest 10 Hz (bins are 500/256 Hz apart).
        int strongest = 0;
        for (int k = 0; k < 129; k++) {
            if (s.values()[3][k][5] > s.values()[3][strongest][5]) {
                strongest = k;
            }
        }
        assertEquals(5, strongest);
        assertEquals(10.0, s.frequencies()[strongest], 500.0 / 256);
    }

    @Test
    void segmentLongerThanTheSignalIsAnError() {
        var error = assertThrows(IllegalArgumentException.class, () -> Spectrogram.stft(new float[][] {new float[200]}, 100));
        assertEquals("the segment (256 samples) is longer than the signal (200 samples); choose segment(n) with n <= 200",
                error.getMessage());
        assertEquals(1, Stft.builder().segment(200).build().apply(new float[][] {new float[200]}, 100).times().length);
    }

    @Test
    void nanAndEmptyInputAreErrors() {
        float[][] record = new float[2][1000];
        record[1][999] = Float.POSITIVE_INFINITY;
        var error = assertThrows(IllegalArgumentException.class, () -> Spectrogram.stft(record, 100));
        assertTrue(error.getMessage().startsWith("lead 1 has Infinity at sample 999"), error.getMessage());
        record[0][500] = Float.NaN; // inside two overlapping segments, and before the infinity
        record[0][700] = Float.NaN;
        error = assertThrows(IllegalArgumentException.class, () -> Spectrogram.stft(record, 100));
        assertTrue(error.getMessage().startsWith("lead 0 has NaN at sample 500"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Spectrogram.stft(new float[0][], 100));
        assertThrows(IllegalArgumentException.class, () -> Spectrogram.stft(new float[][] {new float[0]}, 100));
        assertThrows(IllegalArgumentException.class, () -> Spectrogram.stft(new float[][] {new float[300]}, 0));
    }

    @Test
    void invalidSettingsAreRejectedAtBuild() {
        assertThrows(IllegalArgumentException.class, () -> Stft.builder().segment(64).overlap(64).build());
        assertThrows(IllegalArgumentException.class, () -> Stft.builder().segment(64).fftLength(32).build());
        assertThrows(IllegalArgumentException.class, () -> Stft.builder().segment(0).build());
        assertThrows(IllegalArgumentException.class, () -> Window.tukey(1.5));
    }

    @Test
    void decibelsOfSilenceAreTheFloorNotMinusInfinity() {
        Spectrogram s = Stft.builder().segment(64).decibels(true).build().apply(new float[][] {new float[640]}, 100);
        for (float[] bin : s.values()[0]) {
            for (float v : bin) {
                assertEquals(-120f, v);
            }
        }
    }
}
