package org.ecgkit.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The shapes users and the trainer read: scalars, tables and the text report. */
class EvaluationReportTest {

    static final Evaluation MULTICLASS = EvaluationSklearnTest.evaluate(SklearnFixture.load("multiclass_ties"));
    static final Evaluation MULTILABEL =
            EvaluationSklearnTest.evaluate(SklearnFixture.load("multilabel_constant_columns"));

    @Test
    void scalarsHaveStableSnakeCaseNamesInAFixedOrder() {
        List<String> expected = List.of("accuracy", "macro_precision", "macro_recall", "macro_f1", "micro_f1",
                "weighted_f1", "macro_auroc", "macro_average_precision");
        assertEquals(expected, List.copyOf(MULTICLASS.scalars().keySet()));
        assertEquals(expected, List.copyOf(MULTILABEL.scalars().keySet()));
        MULTICLASS.scalars().clear();
        assertEquals(expected.size(), MULTICLASS.scalars().size(), "each call returns a fresh map");
        assertEquals(MULTICLASS.macroF1(), MULTICLASS.scalars().get("macro_f1"));
    }

    @Test
    void f1TableRanksModelsByTheMeanF1OfTheNamedClasses() {
        // a second model on the same truth that always predicts N
        int[] truth = new int[MULTICLASS.samples()];
        int[][] counts = MULTICLASS.confusionCounts();
        int at = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int n = Arrays.stream(counts[c]).sum(); n > 0; n--) {
                truth[at++] = c;
            }
        }
        double[][] alwaysN = new double[truth.length][];
        Arrays.setAll(alwaysN, i -> new double[] {1, 0, 0, 0});
        Evaluation normal = Evaluation.multiclass(truth, alwaysN, List.of("N", "A", "O", "~"));

        Table table = Evaluation.f1Table(Map.of("always N", normal, "fixture", MULTICLASS), "N", "A", "O");
        assertEquals(List.of("model", "mean_f1_NAO", "f1_N", "f1_A", "f1_O", "f1_~", "accuracy", "samples"),
                table.columnNames());
        Evaluation first = MULTICLASS.meanF1("N", "A", "O") >= normal.meanF1("N", "A", "O") ? MULTICLASS : normal;
        assertEquals(first == MULTICLASS ? "fixture" : "always N", table.stringColumn("model").get(0), "best first");
        assertEquals(first.meanF1("N", "A", "O"), table.doubleColumn("mean_f1_NAO").get(0));
        assertEquals(first.classMetrics("~").f1(), table.doubleColumn("f1_~").get(0));
        assertEquals(first.accuracy(), table.doubleColumn("accuracy").get(0));
        assertEquals(truth.length, table.intColumn("samples").get(1));
        assertThrows(IllegalArgumentException.class, () -> Evaluation.f1Table(Map.of("a", MULTICLASS, "b", MULTILABEL), "N"));
    }

    @Test
    void perClassTableHasOneRowPerClass() {
        Table multiclass = MULTICLASS.perClass();
        assertEquals(List.of("class", "precision", "recall", "f1", "support", "auroc", "average_precision", "note"),
                multiclass.columnNames());
        assertEquals(List.of("N", "A", "O", "~"), multiclass.stringColumn("class").asList());
        assertEquals(MULTICLASS.classMetrics("A").f1(), multiclass.doubleColumn("f1").get(1));
        Table multilabel = MULTILABEL.perClass();
        assertEquals("threshold", multilabel.columnNames().get(7));
        assertTrue(multilabel.doubleColumn("auroc").isMissing(3), "undefined AUROC shows as missing");
        assertTrue(multilabel.stringColumn("note").get(3).contains("no positives in truth"));
        assertTrue(multilabel.stringColumn("note").get(4).contains("no negatives in truth"));
    }

    @Test
    void confusionMatrixTableCarriesTheCounts() {
        Table multiclass = MULTICLASS.confusionMatrix();
        assertEquals(List.of("truth", "N", "A", "O", "~"), multiclass.columnNames());
        int[][] counts = MULTICLASS.confusionCounts();
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < counts.length; c++) {
                assertEquals(counts[r][c], multiclass.intColumn(c + 1).getInt(r));
            }
        }
        assertEquals(List.of("class", "tn", "fp", "fn", "tp"), MULTILABEL.confusionMatrix().columnNames());
    }

    @Test
    void returnedArraysAreCopies() {
        MULTICLASS.confusionCounts()[0][0] = -1;
        assertTrue(MULTICLASS.confusionCounts()[0][0] >= 0);
        MULTILABEL.thresholds()[0] = 0.99;
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5, 0.5}, MULTILABEL.thresholds());
        assertThrows(IllegalStateException.class, MULTICLASS::thresholds);
    }

    @Test
    void textReportIsFixedWidth() {
        String[] lines = MULTICLASS.toString().split("\\R");
        assertEquals("Multi-class evaluation of 120 samples, 4 classes (prediction: argmax)", lines[0]);
        assertEquals(6 + 1, lines.length, "title, header, one line per class, averages");
        for (int line = 2; line < 5; line++) {
            assertEquals(lines[1].length(), lines[line].length(), "columns line up: " + lines[line]);
        }
        assertEquals(lines[1].length(), lines[5].indexOf("  never predicted"), lines[5]);
        assertTrue(lines[6].startsWith("accuracy 0.850  macro_precision"), lines[6]);
        assertTrue(MULTILABEL.toString().contains("threshold"));
    }

    @Test
    void summaryTableListsTheScalars() {
        Table summary = MULTICLASS.summary();
        assertEquals(MULTICLASS.scalars().keySet().stream().toList(), summary.stringColumn("metric").asList());
        assertEquals(MULTICLASS.macroAuroc(), summary.doubleColumn("value").get(6));
    }
}
