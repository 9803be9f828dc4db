package org.ecgkit.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VectorInputTest {

    /** 6 records of 1 lead × 4 samples; age (missing for record 1), sex; a derived array "extra" [6, 2, 2]. */
    private static EcgDataset dataset(Path dir) {
        Manifest manifest = Manifest.builder().name("vectors").samplingRate(4).leads(List.of("I"))
                .task(Task.MULTICLASS).classes(List.of("a", "b")).build();
        try (var writer = EcgDataset.create(dir, manifest)) {
            for (int r = 0; r < 6; r++) {
                Map<String, Object> metadata = new HashMap<>(Map.of("sex", r % 2 == 0 ? "F" : "M", "split", r < 4 ? "train" : "test"));
                metadata.put("age", r == 1 ? "" : String.valueOf(20 + 10 * r));
                writer.add("r" + r, new float[][] {{r, r, r, r}}, r % 2, metadata);
            }
        }
        try (NpyWriter extra = NpyFile.create(dir.resolve("extra.npy"), DType.FLOAT32, 6, 2, 2)) {
            for (int r = 0; r < 6; r++) {
                extra.writeRow(r, new float[] {r, 2 * r, 100, -r});
            }
        }
        return EcgDataset.open(dir);
    }

    @Test
    void partsAreFlattenedAndJoinedInOrder(@TempDir Path dir) {
        try (EcgDataset dataset = dataset(dir)) {
            VectorInput raw = Input.vector("metadata", Input.metadata("sex"), Input.array("extra"));
            assertArrayEquals(new int[] {5}, raw.shape(dataset));
            float[] values = new float[6];
            raw.read(dataset, 3, values, 1);
            assertArrayEquals(new float[] {0, 0, 3, 6, 100, -3}, values);
        }
    }

    @Test
    void standardisationIsFittedPerValueOnTheGivenRows(@TempDir Path dir) {
        try (EcgDataset dataset = dataset(dir)) {
            int[] train = dataset.rows("train");
            VectorInput fitted = Input.vector("metadata", Input.metadata("age"), Input.array("extra"))
                    .standardizedOn(dataset, train);
            // extra[0] over training rows 0..3 is 0, 1, 2, 3: mean 1.5, population deviation sqrt(1.25)
            assertEquals(1.5, fitted.means()[1], 1e-12);
            assertEquals(Math.sqrt(1.25), fitted.stds()[1], 1e-12);
            assertEquals(1.0, fitted.stds()[3], "a constant value is centred, not divided by zero");
            float[] row = new float[5];
            double sum = 0;
            double squares = 0;
            for (int r : train) {
                fitted.read(dataset, r, row, 0);
                sum += row[2];
                squares += row[2] * row[2];
            }
            assertEquals(0, sum / train.length, 1e-6);
            assertEquals(1, squares / train.length, 1e-6);
            fitted.read(dataset, 1, row, 0);
            assertEquals(0f, row[0], 1e-6f, "a missing age is the training mean");
            fitted.read(dataset, 5, row, 0);
            assertEquals((5 - 1.5) / Math.sqrt(1.25), row[1], 1e-6, "test rows use the training fit");
        }
    }

    @Test
    void aPartThatChangedSizeSinceFittingIsAnError(@TempDir Path dir) {
        try (EcgDataset dataset = dataset(dir)) {
            VectorInput stale = new VectorInput("fft", List.of(Input.array("extra")), new double[3], new double[] {1, 1, 1});
            String message = assertThrows(IllegalArgumentException.class, () -> stale.shape(dataset)).getMessage();
            assertEquals("vector input 'fft' was standardised for 3 values but its parts give 4 on vectors", message);
        }
    }

    @Test
    void aMissingValueInAnArrayIsLeftOutOfTheFitAndBecomesTheMean(@TempDir Path dir) {
        try (EcgDataset dataset = dataset(dir)) {
            try (NpyWriter rr = NpyFile.create(dir.resolve("rr.npy"), DType.FLOAT32, 6, 1)) {
                for (int r = 0; r < 6; r++) {
                    rr.writeRow(r, new float[] {r == 2 ? Float.NaN : 60 + r});
                }
            }
            VectorInput fitted = Input.vector("metadata", Input.array("rr")).standardizedOn(dataset, dataset.rows("train"));
            // training rows 0, 1, 3 (row 2 is NaN): 60, 61, 63
            assertEquals(184 / 3.0, fitted.means()[0], 1e-12);
            float[] value = new float[1];
            fitted.read(dataset, 2, value, 0);
            assertEquals(0f, value[0], "NaN (no RR features for that record) reads as the training mean");
        }
    }
}
