package org.ecgkit.data.ptbxl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.SharedData;
import org.ecgkit.data.Task;
import org.ecgkit.data.convert.ConversionResult;
import org.ecgkit.testing.Python;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Converting shared/data/ptbxl-500 into the kit's dataset layout. */
class PtbXlConverterTest {

    private static PtbXl ptbxl;

    @BeforeAll
    static void open() {
        ptbxl = PtbXl.open(SharedData.dataSet("ptbxl-500"));
    }

    @Test
    void convertsTheSuperdiagnosticTaskAt100Hz(@TempDir Path output) {
        ConversionResult result = ptbxl.converter(PtbXl.Rate.HZ_100, PtbXlTask.SUPERDIAGNOSTIC).convert(output);
        PtbXlLabels expected = ptbxl.labels(PtbXlTask.SUPERDIAGNOSTIC).labelledOnly();
        assertFalse(result.cached());
        assertEquals(expected.size(), result.records());
        assertTrue(result.notes().get(0).endsWith("records have no superdiagnostic label and are left out"),
                result.notes().toString());

        try (EcgDataset dataset = result.open()) {
            assertEquals(Task.MULTILABEL, dataset.task());
            assertEquals(List.of("CD", "HYP", "MI", "NORM", "STTC"), dataset.classes());
            assertEquals(List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"),
                    dataset.leadNames());
            assertEquals(100.0, dataset.samplingRate());
            assertEquals(1000, dataset.samples());
            Table meta = dataset.metadata();
            assertTrue(meta.columnNames().containsAll(List.of("id", "patient_id", "age", "sex", "height", "weight",
                    "baseline_drift", "static_noise", "burst_noise", "electrodes_problems", "extra_beats", "pacemaker",
                    "strat_fold", "split")), meta.columnNames()::toString);
            for (int row = 0; row < dataset.size(); row++) {
                int ecgId = Integer.parseInt(dataset.id(row));
                assertEquals(expected.ecgIds()[row], ecgId);
                PtbXlRecord record = ptbxl.record(ecgId);
                assertEquals(record.patientId(), meta.stringColumn("patient_id").get(row));
                assertEquals(record.split(), meta.stringColumn("split").get(row));
                int[] hot = new int[5];
                for (int c : expected.positives()[row]) {
                    hot[c] = 1;
                }
                float[] target = dataset.target(row);
                for (int c = 0; c < 5; c++) {
                    assertEquals(hot[c], target[c], "ecg_id " + ecgId + " class " + c);
                }
            }
            float[][] mv = ptbxl.read(expected.ecgIds()[3], PtbXl.Rate.HZ_100).millivolts();
            float[][] stored = dataset.signal(3);
            for (int lead = 0; lead < 12; lead++) {
                assertArrayEquals(mv[lead], stored[lead], 1e-6f);
            }
        }
        assertEquals("ok " + expected.size(), Python.run("ptbxl_converted_check.py", output.toString(),
                ptbxl.root().toString(), "lr").strip());
    }

    @Test
    void secondConversionIsCachedUntilOptionsChange(@TempDir Path output) {
        ConversionResult first = ptbxl.converter(PtbXl.Rate.HZ_100, PtbXlTask.RHYTHM).convert(output);
        ConversionResult again = ptbxl.converter(PtbXl.Rate.HZ_100, PtbXlTask.RHYTHM).convert(output);
        assertTrue(again.cached());
        assertEquals(first.records(), again.records());
        assertEquals(first.notes(), again.notes());
        ConversionResult all = ptbxl.converter(PtbXl.Rate.HZ_100, PtbXlTask.RHYTHM).keepUnlabelled(true)
                .convert(output);
        assertFalse(all.cached());
        assertEquals(500, all.records());
    }

    @Test
    void changedSourcesAreConvertedAgain(@TempDir Path temp) throws IOException {
        // a small PTB-XL folder: the first 20 records, copied into the test's temporary folder
        Path copy = temp.resolve("ptbxl-20");
        Files.createDirectories(copy.resolve("records100/00000"));
        Files.copy(ptbxl.root().resolve(PtbXl.STATEMENTS), copy.resolve(PtbXl.STATEMENTS));
        List<String> lines = Files.readAllLines(ptbxl.root().resolve(PtbXl.DATABASE)).subList(0, 21);
        Files.write(copy.resolve(PtbXl.DATABASE), lines);
        for (int id = 1; id <= 20; id++) {
            for (String ext : List.of(".hea", ".dat")) {
                String file = String.format("records100/00000/%05d_lr%s", id, ext);
                Files.copy(ptbxl.root().resolve(file), copy.resolve(file));
            }
        }
        Path output = temp.resolve("out");
        assertFalse(PtbXl.open(copy).converter(PtbXl.Rate.HZ_100, PtbXlTask.ALL).convert(output).cached());
        assertTrue(PtbXl.open(copy).converter(PtbXl.Rate.HZ_100, PtbXlTask.ALL).convert(output).cached());

        Path dat = copy.resolve("records100/00000/00007_lr.dat");
        Files.setLastModifiedTime(dat, FileTime.fromMillis(Files.getLastModifiedTime(dat).toMillis() + 60_000));
        assertFalse(PtbXl.open(copy).converter(PtbXl.Rate.HZ_100, PtbXlTask.ALL).convert(output).cached(),
                "a signal file touched since the conversion");

        Files.write(copy.resolve(PtbXl.DATABASE), lines.subList(0, 20));
        ConversionResult fewer = PtbXl.open(copy).converter(PtbXl.Rate.HZ_100, PtbXlTask.ALL).convert(output);
        assertFalse(fewer.cached(), "the database lost a row");
        assertEquals(19, fewer.records());
    }

    @Test
    void at500HzOnlyTheRecordsPresentAreConvertedAndTheRestIsNoted(@TempDir Path output) {
        ConversionResult result = ptbxl.converter(PtbXl.Rate.HZ_500, PtbXlTask.ALL).convert(output);
        assertEquals(100, result.records(), "records 1-100 have 500 Hz files and every record has an SCP code");
        assertEquals(List.of("400 of 500 records have no 500 Hz file in " + ptbxl.root() + " and are left out"),
                result.notes());
        try (EcgDataset dataset = result.open()) {
            assertEquals(500.0, dataset.samplingRate());
            assertEquals(5000, dataset.samples());
            assertEquals(71, dataset.classes().size());
        }
        assertEquals("ok 100", Python.run("ptbxl_converted_check.py", output.toString(), ptbxl.root().toString(),
                "hr").strip());
    }
}
