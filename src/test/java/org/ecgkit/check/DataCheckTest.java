package org.ecgkit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.function.BiConsumer;

import org.ecgkit.data.DType;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Manifest;
import org.ecgkit.data.Metadata;
import org.ecgkit.data.NpyFile;
import org.ecgkit.data.NpyWriter;
import org.ecgkit.data.Task;
import org.ecgkit.synth.SyntheticDataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

/** Each test plants one fault in a clean synthetic dataset and expects exactly that finding. */
class DataCheckTest {

    static final int LEADS = 12;
    static final int SAMPLES = 300;

    @TempDir
    Path dir;

    @BeforeEach
    void cleanDataset() {
        SyntheticDataset.builder().recordsPerClass(4).samplingRate(100).seconds(3).seed(11).build().writeTo(dir).close();
    }

    @Test
    void cleanDataIsReportedClean() {
        DataCheck check = DataCheck.of(dir);
        Table table = check.run();
        assertTrue(check.passed(), table.print());
        assertEquals(List.of(), problems(check), table.print());
        assertEquals(List.of("check", "severity", "records", "examples", "message"), table.columnNames());
        assertTrue(check.summary().endsWith("PASSED, 0 errors, 0 warnings"), check.summary());
    }

    @Test
    void nanIsAnErrorNamingRecordAndLead() {
        rewriteSignals((row, values) -> {
            if (row == 3) {
                values[SAMPLES + 10] = Float.NaN;
                values[SAMPLES + 11] = Float.POSITIVE_INFINITY;
            }
        });
        Finding f = only(DataCheck.of(dir), "non-finite values");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(1, f.records());
        assertEquals(List.of("syn-00003 (II: 2)"), f.examples());
    }

    @Test
    void flatLeadIsFound() {
        rewriteSignals((row, values) -> {
            if (row == 5) {
                java.util.Arrays.fill(values, 6 * SAMPLES, 7 * SAMPLES, 0.001f);
            }
        });
        Finding f = only(DataCheck.of(dir), "flat leads");
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(List.of("syn-00005 (V1)"), f.examples());
    }

    @Test
    void clippedLeadIsSaturated() {
        rewriteSignals((row, values) -> {
            if (row == 2) {
                for (int i = 0; i < SAMPLES; i++) {
                    values[i] = Math.min(values[i], 0.05f);
                }
                java.util.Arrays.fill(values, 100, 120, 0.05f);
            }
        });
        Finding f = only(DataCheck.of(dir), "saturated leads");
        assertEquals(List.of("syn-00002 (I)"), f.examples());
    }

    @Test
    void microvoltsInsteadOfMillivoltsAreOutOfRange() {
        rewriteSignals((row, values) -> {
            if (row == 0) {
                for (int i = 0; i < values.length; i++) {
                    values[i] *= 1000;
                }
            }
        });
        Finding f = only(DataCheck.of(dir), "amplitude range");
        assertEquals(1, f.records());
        assertTrue(f.examples().get(0).startsWith("syn-00000 ("), f.examples().toString());
    }

    @Test
    void duplicateRecordsAreGrouped() {
        float[][] copy = new float[1][];
        rewriteSignals((row, values) -> {
            if (row == 3) {
                copy[0] = values.clone();
            }
            if (row == 7) {
                System.arraycopy(copy[0], 0, values, 0, values.length);
            }
        });
        Finding f = only(DataCheck.of(dir), "duplicate records");
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(2, f.records());
        assertEquals(List.of("syn-00003=syn-00007"), f.examples());

        Table meta = Metadata.read(dir.resolve(Metadata.FILE_NAME));
        String split3 = meta.stringColumn("split").get(3);
        meta.stringColumn("split").set(7, split3.equals("test") ? "train" : "test");
        Metadata.write(meta, dir.resolve(Metadata.FILE_NAME));
        Finding crossing = only(DataCheck.of(dir), "duplicate records");
        assertEquals(Severity.ERROR, crossing.severity(), "copies in two splits leak training data into evaluation");
        assertTrue(crossing.message().contains("1 of them across splits"), crossing.message());
    }

    @Test
    void recordEditedInItsLastSamplesIsANearDuplicate() {
        float[][] copy = new float[1][];
        rewriteSignals((row, values) -> {
            if (row == 4) {
                copy[0] = values.clone();
            }
            if (row == 9) {
                System.arraycopy(copy[0], 0, values, 0, values.length);
                values[SAMPLES - 3] += 0.01f;
                values[5 * SAMPLES - 1] -= 0.02f;
            }
        });
        Finding f = only(DataCheck.of(dir), "near-duplicate records");
        assertEquals(List.of("syn-00004≈syn-00009"), f.examples());
        assertEquals(2, f.records());
    }

    @Test
    void unknownClassIsAnError() {
        int[] labels = labels();
        labels[2] = 9;
        NpyFile.write(dir.resolve("labels.npy"), labels, DType.INT32, labels.length);
        Finding f = only(DataCheck.of(dir), "label values");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(List.of("syn-00002 (9.0)"), f.examples());
    }

    @Test
    void imbalanceIsAWarning() {
        int[] labels = new int[20];
        labels[19] = 1;
        for (int c = 2; c < 5; c++) {
            labels[c] = c;
        }
        NpyFile.write(dir.resolve("labels.npy"), labels, DType.INT32, labels.length);
        Finding f = only(DataCheck.of(dir), "class balance");
        assertTrue(f.message().startsWith("largest class is 16.0× the smallest"), f.message());
    }

    @Test
    void emptyMultiHotRowsAreWarned() {
        Manifest multilabel = Manifest.read(dir).toBuilder().task(Task.MULTILABEL).build();
        multilabel.write(dir);
        int[] multiHot = new int[20 * 5];
        for (int r = 0; r < 20; r++) {
            if (r != 4) {
                multiHot[r * 5 + r % 5] = 1;
            }
        }
        NpyFile.write(dir.resolve("labels.npy"), multiHot, DType.UINT8, 20, 5);
        Finding f = only(DataCheck.of(dir), "empty labels");
        assertEquals(List.of("syn-00004"), f.examples());
    }

    @Test
    void patientInTwoSplitsIsLeakage() {
        Table meta = Metadata.read(dir.resolve(Metadata.FILE_NAME));
        int train = meta.stringColumn("split").indexOf("train");
        int test = meta.stringColumn("split").indexOf("test");
        meta.stringColumn("patient_id").set(test, meta.stringColumn("patient_id").get(train));
        Metadata.write(meta, dir.resolve(Metadata.FILE_NAME));
        DataCheck check = DataCheck.of(dir);
        Finding f = only(check, "patient leakage");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(2, f.records());
        assertTrue(f.examples().get(0).endsWith(" in test+train"), f.examples().toString());
        assertFalse(check.passed());
    }

    @Test
    void duplicateIdsAreAnError() {
        Table meta = Metadata.read(dir.resolve(Metadata.FILE_NAME));
        meta.stringColumn("id").set(6, "syn-00001");
        Metadata.write(meta, dir.resolve(Metadata.FILE_NAME));
        Finding f = only(DataCheck.of(dir), "record ids");
        assertEquals(List.of("syn-00001 (rows 1 6)"), f.examples());
    }

    @Test
    void rowCountMismatchIsReportedAndContentStillChecked() {
        NpyFile.write(dir.resolve("labels.npy"), java.util.Arrays.copyOf(labels(), 18), DType.INT32, 18);
        DataCheck check = DataCheck.of(dir);
        Finding f = only(check, "row counts");
        assertEquals("labels.npy has 18 rows but signals.npy has 20", f.message());
        assertTrue(check.findings().stream().anyMatch(x -> x.check().equals("duplicate records")),
                "content checks still run");
    }

    @Test
    void leadCountDisagreeingWithManifestIsAnError() {
        Manifest.read(dir).toBuilder().leads(List.of("I", "II")).build().write(dir);
        Finding f = only(DataCheck.of(dir), "signal shape and type");
        assertEquals("signals.npy has 12 leads but manifest.json names 2", f.message());
    }

    @Test
    void derivedArrayWithNanOrWrongRowsIsAnError() {
        float[] fft = new float[20 * 4];
        fft[4 * 9 + 2] = Float.NaN;
        NpyFile.write(dir.resolve("fft.npy"), fft, 20, 4);
        NpyFile.write(dir.resolve("rr.npy"), new float[19 * 3], 19, 3);
        DataCheck check = DataCheck.of(dir);
        assertEquals(List.of("syn-00009 (1)"), only(check, "derived array fft.npy").examples());
        assertEquals("rr.npy has 19 rows but signals.npy has 20", only(check, "derived array rr.npy").message());
    }

    @Test
    void missingManifestFieldAndUnsupportedDtypeAreErrors() throws Exception {
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"classes\"", "\"labels\""));
        float[] zeros = new float[20 * LEADS * SAMPLES];
        try (NpyWriter w = NpyFile.create(dir.resolve("signals.npy"), DType.INT32, 20, LEADS, SAMPLES)) {
            for (int r = 0; r < 20; r++) {
                w.writeRow(r, zeros, r * LEADS * SAMPLES);
            }
        }
        DataCheck check = DataCheck.of(dir);
        assertTrue(only(check, "manifest").message().contains("no \"classes\" field"));
        assertEquals("signals.npy is int32; expected float32, float64 or int16", only(check, "signal shape and type").message());
        assertFalse(check.passed());
    }

    // --- helpers ---

    private int[] labels() {
        try (EcgDataset ds = EcgDataset.open(dir)) {
            return ds.labels();
        }
    }

    private void rewriteSignals(BiConsumer<Integer, float[]> change) {
        Path file = dir.resolve("signals.npy");
        Path tmp = dir.resolve("signals.tmp.npy");
        try (NpyFile in = NpyFile.open(file);
             NpyWriter out = NpyFile.create(tmp, DType.FLOAT32, in.rows(), LEADS, SAMPLES)) {
            for (int r = 0; r < in.rows(); r++) {
                float[] values = in.readRow(r);
                change.accept(r, values);
                out.writeRow(r, values);
            }
        }
        try {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The one non-OK finding of a check, failing if the planted fault caused anything else too. */
    private static Finding only(DataCheck check, String name) {
        List<Finding> problems = problems(check);
        List<Finding> named = problems.stream().filter(f -> f.check().equals(name)).toList();
        assertEquals(1, named.size(), () -> "expected one '" + name + "' finding among " + problems);
        return named.get(0);
    }

    private static List<Finding> problems(DataCheck check) {
        return check.findings().stream().filter(f -> f.severity() != Severity.OK && f.severity() != Severity.INFO).toList();
    }

}
