package org.ecgkit.data.cinc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.ecgkit.check.DataCheck;
import org.ecgkit.check.Finding;
import org.ecgkit.check.Severity;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.SharedData;
import org.ecgkit.data.Task;
import org.ecgkit.data.convert.ConversionResult;
import org.ecgkit.data.convert.StratifiedSplit;
import org.ecgkit.data.window.WindowPredictions;
import org.ecgkit.data.window.Windowing;
import org.ecgkit.testing.JsonFixture;
import org.ecgkit.testing.Python;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** CinC 2017 on shared/data/cinc2017 (missing data fails: see SharedData). */
class Cinc2017Test {

    private static Cinc2017 cinc;

    @BeforeAll
    static void open() {
        cinc = Cinc2017.open(SharedData.dataSet("cinc2017"));
    }

    @Test
    void classCountsAndLengthsAreThoseSourceTxtStates() {
        Map<String, Integer> counts = new HashMap<>();
        cinc.records().forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        assertEquals(Map.of("N", 4061, "A", 606, "O", 1932, "~", 223), counts);
        Table table = cinc.table();
        assertEquals(6822, table.rowCount());
        assertEquals(300.0, cinc.samplingFrequency());
        assertTrue(table.doubleColumn("seconds").min() >= 9 && table.doubleColumn("seconds").max() <= 61);
        assertEquals(30.0, table.doubleColumn("seconds").median());
    }

    @Test
    void byteIdenticalRecordingsAreFoundAndKeptInOneSplit() {
        JsonObject real = JsonFixture.read("/fixtures/wfdb/real.json");
        Map<String, String> expected = new HashMap<>();
        cinc.records().forEach(e -> expected.put(e.recordId(), e.recordId()));
        for (JsonElement group : real.getAsJsonArray("cinc_identical_groups")) {
            String first = group.getAsJsonArray().get(0).getAsString();
            group.getAsJsonArray().forEach(id -> expected.put(id.getAsString(), first));
        }
        assertEquals(expected, cinc.identical());
        assertEquals("A00227", cinc.identical().get("A01176"), "the twins shared/cinc2017 is known to hold");
        for (long seed = 0; seed < 20; seed++) {
            Map<String, String> split = cinc.split(new StratifiedSplit(0.1, 0.1, seed));
            cinc.identical().forEach((id, first) -> assertEquals(split.get(first), split.get(id), id));
        }
    }

    @Test
    void splitIsStratifiedAndSeeded() {
        Map<String, String> split = cinc.split(new StratifiedSplit(0.1, 0.1, 2017));
        Map<String, Map<String, Integer>> byClass = new HashMap<>();
        for (Cinc2017.Entry e : cinc.records()) {
            byClass.computeIfAbsent(e.label(), l -> new HashMap<>()).merge(split.get(e.recordId()), 1, Integer::sum);
        }
        byClass.forEach((label, parts) -> {
            int total = parts.values().stream().mapToInt(Integer::intValue).sum();
            assertEquals((int) Math.round(total * 0.1), parts.get("test"), label);
            assertEquals((int) Math.round(total * 0.1), parts.get("val"), label);
        });
        assertEquals(split, cinc.split(new StratifiedSplit(0.1, 0.1, 2017)));
    }

    @Test
    void convertsEveryRecordIntoWindowsThatNeverCrossSplits(@TempDir Path output) {
        ConversionResult result = cinc.converter().convert(output);
        assertFalse(result.cached());
        assertTrue(result.notes().stream().anyMatch(n -> n.startsWith("456 records have a header \"initial value\"")),
                result.notes().toString());
        Windowing windowing = Windowing.seconds(30, 15, 300, Windowing.Padding.ZERO);
        int expectedWindows = cinc.records().stream().mapToInt(e -> windowing.starts(e.samples()).length).sum();
        assertEquals(expectedWindows, result.records());
        try (EcgDataset dataset = result.open()) {
            assertEquals(Task.MULTICLASS, dataset.task());
            assertEquals(List.of("N", "A", "O", "~"), dataset.classes());
            assertEquals(9000, dataset.samples());
            Table meta = dataset.metadata();
            Map<String, String> splitOfRecord = new HashMap<>();
            for (int row = 0; row < dataset.size(); row++) {
                String record = meta.stringColumn("record_id").get(row);
                String split = meta.stringColumn("split").get(row);
                String before = splitOfRecord.putIfAbsent(record, split);
                assertTrue(before == null || before.equals(split), record + " has windows in " + before + " and " + split);
            }
            assertEquals(cinc.split(new StratifiedSplit(0.1, 0.1, 2017)), splitOfRecord);

            // test-time aggregation: one score per record, whatever its number of windows
            float[][] oneHot = new float[dataset.size()][4];
            for (int row = 0; row < dataset.size(); row++) {
                oneHot[row][dataset.label(row)] = 1;
            }
            WindowPredictions perRecord = WindowPredictions.meanPerRecord(meta.stringColumn("record_id").asList(), oneHot);
            assertEquals(6822, perRecord.recordIds().size());
            Map<String, String> labelOf = new HashMap<>();
            cinc.records().forEach(e -> labelOf.put(e.recordId(), e.label()));
            int[] predicted = perRecord.predicted();
            for (int r = 0; r < predicted.length; r++) {
                assertEquals(labelOf.get(perRecord.recordIds().get(r)), Cinc2017.CLASSES.get(predicted[r]));
            }
        }
        assertEquals("ok " + expectedWindows, Python.run("cinc_converted_check.py", output.toString(),
                cinc.folder().toString()).strip());
        assertTrue(cinc.converter().convert(output).cached());

        List<Finding> findings = DataCheck.of(output).findings();
        Finding duplicates = findings.stream().filter(f -> f.check().equals("duplicate records")).findFirst().orElseThrow();
        assertEquals(List.of("A00227_0=A01176_0", "A02656_0=A03123_0"), duplicates.examples());
        Finding leakage = findings.stream().filter(f -> f.check().equals("patient leakage")).findFirst().orElseThrow();
        assertEquals(Severity.OK, leakage.severity(), leakage.message());
    }
}
