package org.ecgkit.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** FFT features against their numpy definition, standardisation against sklearn's StandardScaler. */
class FeaturesTest {

    static Stream<JsonObject> fftCases() {
        return Fixtures.cases("fft_features").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fftCases")
    void fftFeaturesMatchNumpy(JsonObject c) {
        float[][] input = Fixtures.floats2d(c.get("input").getAsString());
        double[][] expected = Fixtures.doubles2d(c.get("output").getAsString());
        float[][] features = FftFeatures.builder().bins(c.get("bins").getAsInt())
                .maxFrequency(c.get("max_hz").getAsDouble()).build().apply(input, c.get("rate").getAsDouble());
        for (int lead = 0; lead < input.length; lead++) {
            assertArrayEquals(expected[lead], Signals.toDouble(features[lead]), 1e-6);
        }
    }

    @Test
    void fftFeaturesRejectBinsFinerThanTheResolutionAndBandsAboveNyquist() {
        float[][] record = new float[1][100]; // 1 s at 100 Hz: 1 Hz resolution
        var error = assertThrows(IllegalArgumentException.class,
                () -> FftFeatures.builder().bins(80).maxFrequency(40).build().apply(record, 100));
        assertTrue(error.getMessage().startsWith("FFT bin 1 [0.5, 1.0) Hz holds no frequency"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FftFeatures.defaults().apply(record, 60));
        assertEquals(40, FftFeatures.defaults().apply(record, 100)[0].length);
    }

    @Test
    void standardizerMatchesSklearnStandardScaler() {
        JsonObject c = Fixtures.cases("standardizer").get(0);
        var array = Fixtures.array(c.get("input").getAsString());
        int[] shape = array.shape(); // [records, leads, samples]
        float[] flat = array.asFloatArray().data();
        List<float[][]> records = new ArrayList<>();
        for (int r = 0; r < shape[0]; r++) {
            float[][] leads = new float[shape[1]][shape[2]];
            for (int lead = 0; lead < shape[1]; lead++) {
                System.arraycopy(flat, (r * shape[1] + lead) * shape[2], leads[lead], 0, shape[2]);
            }
            records.add(leads);
        }
        List<float[][]> train = new ArrayList<>();
        c.getAsJsonArray("train").forEach(i -> train.add(records.get(i.getAsInt())));
        Standardizer standardizer = Standardizer.fit(train);
        assertArrayEquals(Fixtures.doubles(c.getAsJsonArray("mean")), standardizer.mean(), 1e-12);
        assertArrayEquals(Fixtures.doubles(c.getAsJsonArray("scale")), standardizer.scale(), 1e-12);
        assertEquals(1.0, standardizer.scale()[2], "the flat lead is centred, not scaled");
        double[] expected = Fixtures.array(c.get("output").getAsString()).asDoubleArray().data();
        for (int r = 0; r < records.size(); r++) {
            float[][] out = standardizer.apply(records.get(r));
            for (int lead = 0; lead < shape[1]; lead++) {
                for (int i = 0; i < shape[2]; i++) {
                    assertEquals(expected[(r * shape[1] + lead) * shape[2] + i], out[lead][i], 1e-6);
                }
            }
        }
    }

    @Test
    void standardizerRejectsBadRecords() {
        float[][] bad = new float[2][10];
        bad[1][4] = Float.NaN;
        var error = assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(List.of(new float[2][10], bad)));
        assertEquals("record 1: lead 1 has NaN at sample 4; clean or drop the record first (no NaN or infinite samples"
                + " allowed)", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(List.of()));
        Standardizer s = Standardizer.fit(List.<float[][]>of(new float[][] {{1, 2, 3}, {4, 5, 6}}));
        assertThrows(IllegalArgumentException.class, () -> s.apply(new float[][] {{1, 2, 3}}));
        assertEquals(2, s.table(List.of("I", "II")).rowCount());
    }
}
