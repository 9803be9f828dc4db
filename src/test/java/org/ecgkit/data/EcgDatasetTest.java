package org.ecgkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.api.MultiDataSet;

class EcgDatasetTest {

    static final List<String> LEADS = List.of("I", "II");

    @TempDir
    Path dir;

    /** Record r: lead l holds r * 10 + l + sample / 1000. */
    static float[][] record(int r, int samples) {
        float[][] signal = new float[LEADS.size()][samples];
        for (int l = 0; l < LEADS.size(); l++) {
            for (int s = 0; s < samples; s++) {
                signal[l][s] = r * 10 + l + s / 1000f;
            }
        }
        return signal;
    }

    static Manifest manifest(Task task) {
        return Manifest.builder().name("tiny").samplingRate(100).leads(LEADS).task(task)
                .classes(List.of("A", "B", "C")).source("test").build();
    }

    EcgDataset write(int records, int samples) {
        try (var writer = EcgDataset.create(dir, manifest(Task.MULTICLASS))) {
            for (int r = 0; r < records; r++) {
                writer.add("rec-" + r, record(r, samples), r % 3, Map.of("age", 40 + r, "sex", r % 2 == 0 ? "F" : "M",
                        "split", r < records / 2 ? "train" : "test"));
            }
        }
        return EcgDataset.open(dir);
    }

    @Test
    void writtenDatasetReadsBack() {
        try (EcgDataset ds = write(10, 50)) {
            assertEquals(10, ds.size());
            assertEquals(2, ds.leads());
            assertEquals(50, ds.samples());
            assertEquals("rec-7", ds.id(7));
            assertArrayEquals(record(7, 50)[1], ds.signal(7)[1]);
            assertEquals(1, ds.label(7));
            assertArrayEquals(new float[] {0, 1, 0}, ds.target(7));
            assertArrayEquals(new int[] {0, 1, 2, 3, 4}, ds.rows("train"));
            assertEquals(List.of(4, 3, 3), ds.classCounts().intColumn("records").asList());
            assertEquals(Set.of("id", "age", "sex", "split"), new HashSet<>(ds.metadata().columnNames()));
            assertTrue(ds.summary().stringColumn("value").asList().contains("(10, 2, 50) float32, mV"));
        }
    }

    @Test
    void int16SignalsAreScaledToUnits() {
        Manifest manifest = manifest(Task.MULTICLASS).toBuilder().signalScale(0.005).build();
        try (var writer = EcgDataset.create(dir, manifest).signalType(DType.INT16)) {
            writer.add("a", new float[][] {{0.005f, -1f}, {2.5f, 0f}}, 0, Map.of());
        }
        try (EcgDataset ds = EcgDataset.open(dir)) {
            assertEquals(DType.INT16, ds.signalsFile().dtype());
            assertArrayEquals(new float[] {1, -200, 500, 0}, ds.signalsFile().readRow(0), 0f);
            assertArrayEquals(new float[] {0.005f, -1f}, ds.signal(0)[0], 1e-6f);
        }
    }

    @Test
    void multilabelTargetsAreMultiHot() {
        try (var writer = EcgDataset.create(dir, manifest(Task.MULTILABEL))) {
            writer.add("a", record(0, 5), new int[] {0, 2}, Map.of());
            writer.add("b", record(1, 5), new int[] {}, Map.of());
        }
        try (EcgDataset ds = EcgDataset.open(dir)) {
            assertArrayEquals(new float[] {1, 0, 1}, ds.target(0));
            assertArrayEquals(new float[] {0, 0, 0}, ds.target(1));
            assertThrows(IllegalStateException.class, () -> ds.label(0));
        }
    }

    @Test
    void everyRecordOncePerEpochAndOrdersDifferBetweenEpochs() {
        try (EcgDataset ds = write(23, 20);
             DatasetIterator it = ds.batches().batchSize(5).shuffle(7).build()) {
            assertEquals(5, it.batchesPerEpoch());
            int[] first = seenInEpoch(it, ds);
            it.reset();
            int[] second = seenInEpoch(it, ds);
            assertEquals(23, first.length);
            assertArrayEquals(java.util.stream.IntStream.range(0, 23).toArray(), Arrays.stream(first).sorted().toArray());
            assertArrayEquals(java.util.stream.IntStream.range(0, 23).toArray(), Arrays.stream(second).sorted().toArray());
            assertFalse(Arrays.equals(first, second), "each epoch has its own order");
            it.setEpoch(0);
            assertArrayEquals(first, seenInEpoch(it, ds), "the same seed and epoch give the same order");
        }
    }

    /** Recovers which record each batch row came from by its first sample (r * 10). */
    private static int[] seenInEpoch(DatasetIterator it, EcgDataset ds) {
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        while (it.hasNext()) {
            MultiDataSet batch = it.next();
            var waveform = batch.getFeatures(0);
            assertEquals(3, waveform.rank());
            assertEquals(ds.leads(), waveform.size(1));
            for (int b = 0; b < waveform.size(0); b++) {
                int record = Math.round(waveform.getFloat(b, 0, 0) / 10);
                seen.add(record);
                assertEquals(1f, batch.getLabels(0).getFloat(b, record % 3), "one-hot label of record " + record);
            }
        }
        return seen.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void metadataInputIsStandardisedOnTheGivenRows() {
        try (EcgDataset ds = write(10, 5)) {
            MetadataInput meta = Input.metadata("age", "sex").standardizedOn(ds, ds.rows("train"));
            assertEquals(42.0, meta.means()[0], 1e-12);
            assertEquals(0.6, meta.means()[1], 1e-12, "3 of the 5 training records are F");
            float[] values = new float[2];
            meta.read(ds, 2, values, 0);
            assertEquals(0f, values[0], 1e-6f);
            try (DatasetIterator it = ds.batches().inputs(Input.waveform(), meta).batchSize(4).build()) {
                assertEquals(List.of("waveform", "metadata"), it.inputNames());
                assertArrayEquals(new long[] {4, 2}, it.next().getFeatures(1).shape());
            }
        }
    }

    @Test
    void balancedClassWeightsMakeEveryClassWeighAsMuch() {
        try (EcgDataset ds = write(10, 5)) {
            // rows 0-4 have labels 0, 1, 2, 0, 1: 5 / (3 classes x count)
            assertArrayEquals(new double[] {5 / 6.0, 5 / 6.0, 5 / 3.0}, ds.balancedClassWeights(new int[] {0, 1, 2, 3, 4}),
                    1e-12);
            String message = assertThrows(IllegalArgumentException.class,
                    () -> ds.balancedClassWeights(new int[] {0, 1, 3})).getMessage();
            assertEquals("class C has no record among the 3 rows of tiny; it cannot be weighted", message);
        }
    }

    @Test
    void mismatchedFilesAreNamedWithBothCounts() {
        write(10, 5).close();
        NpyFile.write(dir.resolve("labels.npy"), new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2}, DType.INT32, 9);
        var e = assertThrows(IllegalArgumentException.class, () -> EcgDataset.open(dir));
        assertEquals("labels.npy has 9 rows but signals.npy has 10", e.getMessage());
    }

    @Test
    void missingManifestFieldIsNamed() throws Exception {
        write(3, 5).close();
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"sampling_rate\"", "\"rate\""));
        var e = assertThrows(IllegalArgumentException.class, () -> EcgDataset.open(dir));
        assertTrue(e.getMessage().startsWith("manifest.json has no \"sampling_rate\" field"), e.getMessage());
    }

    @Test
    void leadCountDisagreeingWithManifestIsAnError() {
        write(3, 5).close();
        Manifest.read(dir).toBuilder().leads(List.of("I", "II", "III")).build().write(dir);
        var e = assertThrows(IllegalArgumentException.class, () -> EcgDataset.open(dir));
        assertEquals("signals.npy has 2 leads but manifest.json names 3 [I, II, III]", e.getMessage());
    }
}
