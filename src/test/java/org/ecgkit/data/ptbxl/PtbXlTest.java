package org.ecgkit.data.ptbxl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import org.ecgkit.data.SharedData;
import org.ecgkit.testing.JsonFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** PTB-XL metadata, labels and splits on shared/data/ptbxl-500 (missing data fails: see SharedData). */
class PtbXlTest {

    private static PtbXl ptbxl;

    @BeforeAll
    static void open() {
        ptbxl = PtbXl.open(SharedData.dataSet("ptbxl-500"));
    }

    @Test
    void handCheckedRowsOfTheDatabase() {
        // Read off ptbxl_database.csv and scp_statements.csv by hand.
        assertLabels(1, List.of("NORM"), List.of("NORM"), List.of("LVOLT"), List.of("SR"));
        assertLabels(8, List.of("MI"), List.of("IMI"), List.of("ABQRS"), List.of("SR"));
        // AFLT 100 and AFIB 0: both rhythm statements; no diagnostic statement at all
        assertLabels(17, List.of(), List.of(), List.of("ABQRS"), List.of("AFIB", "AFLT"));
        // NST_ and DIG are both diagnostic (superclass STTC, subclasses NST_ and STTC) and form statements
        assertLabels(28, List.of("STTC"), List.of("DIG", "NST_"), List.of("DIG", "NST_"), List.of("SR"));
        assertEquals(List.of("NST_", "STTC"), names(PtbXlTask.SUBDIAGNOSTIC, 28));
        // STTC only through NST_ with likelihood 0: the benchmark keeps it
        assertLabels(482, List.of("CD", "MI", "STTC"), List.of("ASMI", "IMI", "IRBBB", "LAFB", "NST_"), List.of("NST_"),
                List.of("AFIB"));
        assertEquals(List.of("AMI", "IMI", "IRBBB", "LAFB/LPFB", "NST_"), names(PtbXlTask.SUBDIAGNOSTIC, 482));
        assertEquals(List.of("CD", "HYP", "STTC"), names(PtbXlTask.SUPERDIAGNOSTIC, 347));
        assertEquals(List.of("1AVB", "ISC_", "LAO/LAE", "LPR", "LVH", "NST_", "SR", "AFLT").stream().sorted().toList(),
                names(PtbXlTask.ALL, 347));

        PtbXlRecord first = ptbxl.record(1);
        assertEquals("15709", first.patientId());
        assertEquals(56.0, first.age());
        assertEquals("F", first.sex());
        assertTrue(Double.isNaN(first.height()));
        assertEquals(63.0, first.weight());
        assertEquals(3, first.strataFold());
        assertEquals(", I-V1,", first.quality().get("static_noise"));
        assertEquals("", first.quality().get("baseline_drift"));
        assertEquals(Map.of("NORM", 100.0, "LVOLT", 0.0, "SR", 0.0), first.scpCodes());
        assertEquals("records100/00000/00001_lr", first.fileLowRate());
        PtbXlRecord tall = ptbxl.record(146);
        assertEquals(List.of("13447", 45.0, "M", 182.0, 90.0, 7, "train"), List.of(tall.patientId(), tall.age(),
                tall.sex(), tall.height(), tall.weight(), tall.strataFold(), tall.split()));
        assertEquals("3ES", ptbxl.record(266).quality().get("extra_beats"));
        assertEquals("ja, pacemaker", ptbxl.record(143).quality().get("pacemaker"));
        assertEquals("val", ptbxl.record(8).split());
        assertEquals("test", ptbxl.record(347).split());
    }

    @Test
    void everyRecordsLabelsMatchTheBenchmarkAggregationInPython() {
        JsonObject expected = JsonFixture.read("/fixtures/ptbxl/labels.json");
        for (PtbXlTask task : PtbXlTask.values()) {
            JsonObject byId = expected.getAsJsonObject(task.id());
            PtbXlLabels labels = ptbxl.labels(task);
            assertEquals(byId.size(), labels.size());
            for (int row = 0; row < labels.size(); row++) {
                List<String> names = new ArrayList<>();
                byId.getAsJsonArray(Integer.toString(labels.ecgIds()[row])).forEach(e -> names.add(e.getAsString()));
                assertEquals(names, labels.names(row), task + " ecg_id " + labels.ecgIds()[row]);
            }
        }
    }

    @Test
    void classListsHaveTheBenchmarksSizesAndOrder() {
        Map<PtbXlTask, Integer> sizes = Map.of(PtbXlTask.ALL, 71, PtbXlTask.DIAGNOSTIC, 44,
                PtbXlTask.SUBDIAGNOSTIC, 23, PtbXlTask.SUPERDIAGNOSTIC, 5, PtbXlTask.FORM, 19, PtbXlTask.RHYTHM, 12);
        sizes.forEach((task, size) -> assertEquals(size, ptbxl.statements().classes(task).size(), task.id()));
        assertEquals(List.of("CD", "HYP", "MI", "NORM", "STTC"), ptbxl.statements().classes(PtbXlTask.SUPERDIAGNOSTIC));
    }

    @Test
    void superclassAndFoldCountsAreThoseSourceTxtStates() {
        Table counts = ptbxl.labels(PtbXlTask.SUPERDIAGNOSTIC).counts();
        Map<String, Integer> byClass = new HashMap<>();
        for (int row = 0; row < counts.rowCount(); row++) {
            byClass.put(counts.stringColumn("class").get(row), counts.intColumn("records").get(row));
        }
        assertEquals(Map.of("NORM", 297, "STTC", 96, "CD", 78, "MI", 73, "HYP", 40), byClass);
        Table metadata = ptbxl.metadata();
        assertEquals(500, metadata.rowCount());
        assertEquals(81, metadata.where(metadata.intColumn("strat_fold").isEqualTo(9)).rowCount());
        assertEquals(66, metadata.where(metadata.stringColumn("split").isEqualTo("test")).rowCount());
    }

    @Test
    void unlabelledRecordsAreDroppedPerTask() {
        PtbXlLabels all = ptbxl.labels(PtbXlTask.SUPERDIAGNOSTIC);
        PtbXlLabels kept = all.labelledOnly();
        int empty = 0;
        for (int[] row : all.positives()) {
            empty += row.length == 0 ? 1 : 0;
        }
        assertTrue(empty > 0, "the subset has records without a diagnostic statement, e.g. ecg_id 17");
        assertEquals(all.size() - empty, kept.size());
        assertTrue(java.util.Arrays.stream(kept.ecgIds()).noneMatch(id -> id == 17));
        assertTrue(java.util.Arrays.stream(kept.positives()).allMatch(row -> row.length > 0));
    }

    @Test
    void splitRuleAndNoPatientInTwoRoles() {
        for (int fold = 1; fold <= 10; fold++) {
            assertEquals(fold <= 8 ? "train" : fold == 9 ? "val" : "test", PtbXl.split(fold));
        }
        assertThrows(IllegalArgumentException.class, () -> PtbXl.split(11));
        Map<String, String> splitOfPatient = new HashMap<>();
        Map<String, Integer> foldOfPatient = new HashMap<>();
        for (PtbXlRecord record : ptbxl.records()) {
            String before = splitOfPatient.putIfAbsent(record.patientId(), record.split());
            assertTrue(before == null || before.equals(record.split()), "patient " + record.patientId()
                    + " is in " + before + " and " + record.split());
            Integer fold = foldOfPatient.putIfAbsent(record.patientId(), record.strataFold());
            assertTrue(fold == null || fold == record.strataFold(), "patient " + record.patientId() + " in two folds");
        }
        assertTrue(splitOfPatient.size() < ptbxl.records().size(), "some patients have several records");
    }

    @Test
    void scpCodesParserRejectsWhatItCannotRead() {
        assertEquals(Map.of("NORM", 100.0, "SR", 0.0), PtbXl.scpCodes("{'NORM': 100.0, 'SR': 0.0}", "t"));
        assertEquals(Map.of(), PtbXl.scpCodes("{}", "t"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PtbXl.scpCodes("{'NORM': high}", "ptbxl_database.csv ecg_id 9"));
        assertTrue(error.getMessage().startsWith("ptbxl_database.csv ecg_id 9"), error.getMessage());
    }

    private static void assertLabels(int ecgId, List<String> superclasses, List<String> diagnostic, List<String> form,
                                     List<String> rhythm) {
        assertEquals(superclasses, names(PtbXlTask.SUPERDIAGNOSTIC, ecgId), "superdiagnostic of " + ecgId);
        assertEquals(diagnostic, names(PtbXlTask.DIAGNOSTIC, ecgId), "diagnostic of " + ecgId);
        assertEquals(form, names(PtbXlTask.FORM, ecgId), "form of " + ecgId);
        assertEquals(rhythm, names(PtbXlTask.RHYTHM, ecgId), "rhythm of " + ecgId);
    }

    private static List<String> names(PtbXlTask task, int ecgId) {
        PtbXlLabels labels = ptbxl.labels(task);
        for (int row = 0; row < labels.size(); row++) {
            if (labels.ecgIds()[row] == ecgId) {
                return labels.names(row);
            }
        }
        throw new AssertionError("ecg_id " + ecgId + " not found");
    }
}
