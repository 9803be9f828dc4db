package org.ecgkit.data.cinc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
import org.ecgkit.eval.Evaluation;
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

    @Test
    void subsetKeepsEachClassShareAndIdenticalRecordingsTogether() {
        Cinc2017 subset = cinc.subset(600, 7);
        Map<String, Integer> all = new HashMap<>();
        cinc.records().forEach(e -> all.merge(e.label(), 1, Integer::sum));
        Map<String, Integer> counts = new HashMap<>();
        subset.records().forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        all.forEach((label, n) -> assertEquals((int) Math.round(n * 600.0 / 6822), counts.get(label), label));
        assertEquals(subset.records(), cinc.subset(600, 7).records(), "the same seed gives the same records");
        assertNotEquals(subset.records(), cinc.subset(600, 8).records());
        assertTrue(cinc.records().containsAll(subset.records()));
        for (long seed = 0; seed < 20; seed++) {
            var ids = cinc.subset(2000, seed).records().stream().map(Cinc2017.Entry::recordId).collect(Collectors.toSet());
            cinc.identical().forEach((id, first) -> assertEquals(ids.contains(first), ids.contains(id), id));
        }
        assertSame(cinc, cinc.subset(6822, 7));
        assertThrows(IllegalArgumentException.class, () -> cinc.subset(0, 7));
    }

    @Test
    void resampledConversionMatchesScipyAndIsScoredOncePerRecord(@TempDir Path output) {
        Cinc2017 small = cinc.subset(60, 3);
        ConversionResult result = small.converter().samplingRate(100).convert(output);
        assertEquals("ok " + result.records(), Python.run("cinc_converted_check.py", output.toString(),
                cinc.folder().toString(), "--rate", "100", "--records", Integer.toString(small.records().size())).strip());
        try (EcgDataset dataset = result.open()) {
            assertEquals(100.0, dataset.samplingRate());
            assertEquals(3000, dataset.samples(), "30 s windows at the new rate");
            assertEquals("cinc2017-30s-100hz", dataset.name());

            int[] rows = dataset.allRows();
            List<String> recordOfRow = dataset.metadata().stringColumn("record_id").asList();
            String wrong = recordOfRow.stream().filter(id -> recordOfRow.indexOf(id) != recordOfRow.lastIndexOf(id))
                    .findFirst().orElseThrow();
            float[][] probabilities = new float[rows.length][4];
            for (int row : rows) {
                int label = dataset.label(row);
                probabilities[row][recordOfRow.get(row).equals(wrong) ? (label + 1) % 4 : label] = 1;
            }
            WindowPredictions perRecord = WindowPredictions.meanPerRecord(dataset, rows, probabilities);
            assertEquals(small.records().size(), perRecord.recordIds().size());
            Evaluation evaluation = perRecord.evaluation(dataset);
            int records = small.records().size();
            assertEquals((records - 1) / (double) records, evaluation.accuracy(), 1e-12,
                    "one record wrong, however many windows it has");
            assertEquals(records, Arrays.stream(evaluation.confusionCounts()).flatMapToInt(Arrays::stream).sum());

            String message = assertThrows(IllegalArgumentException.class,
                    () -> WindowPredictions.meanPerRecord(dataset, new int[] {0, 1}, probabilities)).getMessage();
            assertEquals("2 rows of cinc2017-30s-100hz but " + rows.length + " rows of probabilities", message);
        }
    }
}
