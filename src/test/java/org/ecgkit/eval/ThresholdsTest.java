package org.ecgkit.eval;

import static org.ecgkit.eval.SklearnFixture.doubleMatrix;
import static org.ecgkit.eval.SklearnFixture.doubles;
import static org.ecgkit.eval.SklearnFixture.intMatrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ThresholdsTest {

    static final SklearnFixture TUNED = SklearnFixture.load("multilabel_tuned_thresholds_seed3");
    static final List<String> NAMES = TUNED.classNames();
    static final JsonObject VALIDATION = TUNED.json().getAsJsonObject("validation");
    static final JsonObject TEST = TUNED.json().getAsJsonObject("test");

    static Thresholds tuneOnValidation(Objective objective) {
        return Thresholds.tune(intMatrix(VALIDATION.get("truth")), doubleMatrix(VALIDATION.get("probabilities")),
                NAMES, objective);
    }

    @Test
    void tunedThresholdsMatchABruteForceSearchWithSklearn() {
        for (Objective objective : Objective.values()) {
            JsonObject expected = TUNED.json().getAsJsonObject("tuned").getAsJsonObject(objective.columnName());
            Thresholds thresholds = tuneOnValidation(objective);
            assertArrayEquals(doubles(expected.get("thresholds")), thresholds.values(), 0.0, objective.name());
            assertArrayEquals(doubles(expected.get("validation_scores")), thresholds.validationScores(), 1e-12,
                    objective.name());
        }
    }

    @Test
    void tunedThresholdsAppliedToTestMatchSklearn() {
        Evaluation test = Evaluation.multilabel(intMatrix(TEST.get("truth")), doubleMatrix(TEST.get("probabilities")),
                NAMES, tuneOnValidation(Objective.F1));
        EvaluationSklearnTest.assertMatchesSklearn(TUNED.json().getAsJsonObject("expected_test_with_f1_thresholds"), test);
    }

    @Test
    void tunedThresholdsAreAtLeastAsGoodOnValidationAsTheDefault() {
        int[][] truth = intMatrix(VALIDATION.get("truth"));
        double[][] probabilities = doubleMatrix(VALIDATION.get("probabilities"));
        Thresholds thresholds = tuneOnValidation(Objective.F1);
        Evaluation tuned = Evaluation.multilabel(truth, probabilities, NAMES, thresholds);
        Evaluation atDefault = Evaluation.multilabel(truth, probabilities, NAMES);
        double[] sklearnAtDefault = doubles(TUNED.json().getAsJsonObject("tuned").get("validation_f1_at_default"));
        assertArrayEquals(sklearnAtDefault, thresholds.validationScoresAtDefault(), 1e-12);
        boolean anyBetter = false;
        for (String name : NAMES) {
            double f1 = tuned.classMetrics(name).f1();
            assertEquals(thresholds.validationScores()[NAMES.indexOf(name)], f1, 1e-12, name);
            assertTrue(f1 >= atDefault.classMetrics(name).f1(), name);
            anyBetter |= f1 > atDefault.classMetrics(name).f1();
        }
        assertTrue(anyBetter, "the fixture's skewed scores should make 0.5 suboptimal somewhere");
        assertTrue(tuned.macroF1() >= atDefault.macroF1());
    }

    /**
     * Positives score 0.9, 0.8, 0.35, 0.3 and negatives 0.6, 0.2, 0.1. Calling everything from 0.3 up positive
     * catches all four positives at the cost of one negative: F1 = 2·4 / (2·4 + 1) = 8/9, the best of the seven
     * candidates (0.35: 3/4; 0.8: 2/3; 0.2: 4/5), and Youden's J = 4/4 − 1/3 = 2/3. At 0.5, F1 = 4/7.
     */
    @Test
    void plantedCaseWithAKnownOptimum() {
        int[][] truth = column(1, 1, 1, 1, 0, 0, 0);
        double[][] scores = column(0.9, 0.8, 0.35, 0.3, 0.6, 0.2, 0.1);
        Thresholds f1 = Thresholds.tune(truth, scores, List.of("AF"), Objective.F1);
        assertEquals(0.3, f1.value("AF"));
        assertEquals(8.0 / 9, f1.validationScores()[0], 1e-15);
        assertEquals(4.0 / 7, f1.validationScoresAtDefault()[0], 1e-15);
        Thresholds youden = Thresholds.tune(truth, scores, List.of("AF"), Objective.YOUDEN_J);
        assertEquals(0.3, youden.value("AF"));
        assertEquals(2.0 / 3, youden.validationScores()[0], 1e-15);
    }

    /** Positives 0.9 and 0.3, negatives 0.5 and 0.4: F1 is 2/3 at 0.9 (2·1/3) and at 0.3 (2·2/6); the higher wins. */
    @Test
    void aTieGoesToTheHighestThreshold() {
        Thresholds thresholds = Thresholds.tune(column(1, 1, 0, 0), column(0.9, 0.3, 0.5, 0.4), List.of("PVC"),
                Objective.F1);
        assertEquals(0.9, thresholds.value("PVC"));
    }

    @Test
    void aClassWithoutPositivesKeepsTheDefaultAndSaysWhy() {
        Thresholds thresholds = Thresholds.tune(column(0, 0, 0), column(0.9, 0.3, 0.5), List.of("WPW"), Objective.F1);
        assertEquals(Thresholds.DEFAULT, thresholds.value("WPW"));
        assertTrue(Double.isNaN(thresholds.validationScores()[0]));
        Table table = thresholds.table();
        assertEquals(List.of("class", "threshold", "f1_at_threshold", "f1_at_0.5", "note"), table.columnNames());
        assertTrue(table.stringColumn("note").get(0).contains("no positives"));
        Thresholds youden = Thresholds.tune(column(1, 1), column(0.9, 0.3), List.of("WPW"), Objective.YOUDEN_J);
        assertEquals(Thresholds.DEFAULT, youden.value("WPW"));
        assertTrue(youden.table().stringColumn("note").get(0).contains("no negatives"));
    }

    @Test
    void thresholdsTunedForOtherClassesAreRefused() {
        Thresholds thresholds = Thresholds.tune(column(1, 0), column(0.9, 0.3), List.of("AF"), Objective.F1);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.multilabel(column(1, 0), column(0.9, 0.3), List.of("PVC"), thresholds));
        assertEquals("thresholds were tuned for classes [AF] but the evaluation has classes [PVC]", error.getMessage());
    }

    private static int[][] column(int... values) {
        int[][] matrix = new int[values.length][];
        for (int i = 0; i < values.length; i++) {
            matrix[i] = new int[] {values[i]};
        }
        return matrix;
    }

    private static double[][] column(double... values) {
        double[][] matrix = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            matrix[i] = new double[] {values[i]};
        }
        return matrix;
    }
}
