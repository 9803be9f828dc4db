package org.ecgkit.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Manifest;
import org.ecgkit.data.NpyFile;
import org.ecgkit.synth.EcgSynth;
import org.ecgkit.synth.Noise;
import org.ecgkit.synth.Rhythm;
import org.ecgkit.synth.SyntheticEcg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch precomputes (spectrograms, FFT and RR features): values, caching on settings and source, bad records. */
class PrecomputeTest {

    @TempDir
    Path dir;

    private static void writeDataset(Path directory, int records, long seed, int nanRecord) {
        Manifest manifest = Manifest.builder().name("tiny").samplingRate(100).leads(List.of("I", "II"))
                .classes(List.of("A", "B")).build();
        Random random = new Random(seed);
        try (var writer = EcgDataset.create(directory, manifest)) {
            for (int r = 0; r < records; r++) {
                float[][] signal = new float[2][1000];
                for (int lead = 0; lead < 2; lead++) {
                    for (int i = 0; i < 1000; i++) {
                        signal[lead][i] = (float) (Math.sin(2 * Math.PI * (5 + r) * i / 100.0) + random.nextGaussian());
                    }
                }
                if (r == nanRecord) {
                    signal[1][123] = Float.NaN;
                }
                writer.add("rec-" + r, signal, r % 2, Map.of("split", r < records / 2 ? "train" : "test"));
            }
        }
    }

    @Test
    void precomputesEveryRecordAndReusesTheResultWhileNothingChanges() throws Exception {
        writeDataset(dir, 12, 1, -1);
        Stft stft = Stft.builder().segment(128).overlap(64).decibels(true).build();
        try (EcgDataset dataset = EcgDataset.open(dir)) {
            Precomputed first = Spectrograms.precompute(dataset, stft);
            assertFalse(first.reused());
            assertArrayEquals(new long[] {12, 2, 65, 14}, first.shape());
            assertTrue(Files.isRegularFile(dir.resolve("spectrograms.json")));
            for (int row : new int[] {0, 7, 11}) {
                Spectrogram expected = stft.apply(dataset.signal(row), 100);
                Spectrogram loaded = Spectrograms.load(dataset, row);
                assertTrue(java.util.Arrays.deepEquals(expected.values(), loaded.values()), "row " + row);
                assertArrayEquals(expected.frequencies(), loaded.frequencies());
                assertArrayEquals(expected.times(), loaded.times());
                assertTrue(loaded.decibels());
            }
            long modified = Files.getLastModifiedTime(dir.resolve("spectrograms.npy")).toMillis();

            Precomputed second = Spectrograms.precompute(dataset, stft);
            assertTrue(second.reused(), second.toString());
            assertEquals(modified, Files.getLastModifiedTime(dir.resolve("spectrograms.npy")).toMillis());

            Precomputed otherSettings = Spectrograms.precompute(dataset, stft.toBuilder().decibels(false).build());
            assertFalse(otherSettings.reused());
            assertFalse(Spectrograms.load(dataset, 0).decibels());
            assertFalse(Spectrograms.precompute(dataset, stft, Butterworth.bandPass(100)).reused());
            assertTrue(Spectrograms.precompute(dataset, stft, Butterworth.bandPass(100)).reused());
        }
    }

    @Test
    void changedSignalsAreRecomputed() {
        writeDataset(dir, 6, 1, -1);
        Stft stft = Stft.builder().segment(100).build();
        try (EcgDataset dataset = EcgDataset.open(dir)) {
            Spectrograms.precompute(dataset, stft);
        }
        writeDataset(dir, 6, 2, -1); // same shape, other values
        try (EcgDataset dataset = EcgDataset.open(dir)) {
            assertFalse(Spectrograms.precompute(dataset, stft).reused());
            Spectrogram expected = stft.apply(dataset.signal(3), 100);
            assertTrue(java.util.Arrays.deepEquals(expected.values(), Spectrograms.load(dataset, 3).values()));
        }
    }

    @Test
    void aBadRecordStopsThePrecomputeAndLeavesNoFile() throws Exception {
        writeDataset(dir, 6, 1, 4);
        try (EcgDataset dataset = EcgDataset.open(dir)) {
            var error = assertThrows(IllegalArgumentException.class, () -> Spectrograms.precompute(dataset, Stft.defaults()));
            assertTrue(error.getMessage().startsWith("record 4 (id rec-4) of tiny: lead 1 has NaN at sample 123"),
                    error.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> Spectrograms.precompute(dataset, Stft.builder().segment(2000).build()));
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("spectrograms")));
        }
    }

    @Test
    void fftFeaturesOfEveryRecord() {
        writeDataset(dir, 5, 1, -1);
        FftFeatures features = FftFeatures.builder().bins(20).maxFrequency(40).build();
        try (EcgDataset dataset = EcgDataset.open(dir)) {
            Precomputed result = features.precompute(dataset);
            assertArrayEquals(new long[] {5, 2, 20}, result.shape());
            NpyFile fft = dataset.array(FftFeatures.ARRAY).orElseThrow();
            for (int row = 0; row < 5; row++) {
                float[][] expected = features.apply(dataset.signal(row), 100);
                float[] stored = fft.readRow(row);
                for (int lead = 0; lead < 2; lead++) {
                    assertArrayEquals(expected[lead], java.util.Arrays.copyOfRange(stored, lead * 20, lead * 20 + 20));
                }
            }
            assertTrue(features.precompute(dataset).reused());
        }
    }

    @Test
    void rrFeaturesOfEveryRecordFromAllLeads() {
        List<String> leads = EcgSynth.LEADS;
        Manifest manifest = Manifest.builder().name("synthetic").samplingRate(250).leads(leads)
                .classes(List.of("NORM", "AF")).build();
        List<SyntheticEcg> ecgs = List.of(Rhythm.NORMAL, Rhythm.AF, Rhythm.NORMAL, Rhythm.AF).stream()
                .map(r -> EcgSynth.builder().rhythm(r).samplingRate(250).seconds(20).noise(Noise.NONE).seed(r.ordinal())
                        .generate()).toList();
        try (var writer = EcgDataset.create(dir, manifest)) {
            for (int i = 0; i < ecgs.size(); i++) {
                writer.add("ecg-" + i, ecgs.get(i).leads(), ecgs.get(i).rhythm() == Rhythm.AF ? 1 : 0, Map.of());
            }
        }
        try (EcgDataset dataset = EcgDataset.open(dir)) {
            assertArrayEquals(new long[] {4, 5}, RrFeatures.precompute(dataset).shape());
            NpyFile rr = dataset.array(RrFeatures.ARRAY).orElseThrow();
            for (int row = 0; row < 4; row++) {
                float[] stored = rr.readRow(row);
                assertArrayEquals(RrFeatures.of(RPeaks.detect(dataset.signal(row), 250), 250).toArray(), stored);
                assertEquals(RrFeatures.of(ecgs.get(row).rPeaks(), 250).heartRate(), stored[0], 1.0);
            }
        }
    }

    @Test
    void aRecordWithoutBeatsStopsTheRrPrecompute() {
        Manifest manifest = Manifest.builder().name("flat").samplingRate(100).leads(List.of("I"))
                .classes(List.of("A")).build();
        try (var writer = EcgDataset.create(dir, manifest)) {
            writer.add("flat-0", new float[1][1000], 0, Map.of());
        }
        try (EcgDataset dataset = EcgDataset.open(dir)) {
            var error = assertThrows(IllegalArgumentException.class, () -> RrFeatures.precompute(dataset));
            assertEquals("record 0 (id flat-0) of flat: RR features need at least 3 R peaks (2 intervals), got 0",
                    error.getMessage());
        }
    }
}
