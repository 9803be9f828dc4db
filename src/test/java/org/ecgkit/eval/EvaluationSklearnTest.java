package org.ecgkit.eval;

import static org.ecgkit.eval.SklearnFixture.doubleMatrix;
import static org.ecgkit.eval.SklearnFixture.doubles;
import static org.ecgkit.eval.SklearnFixture.intMatrix;
import static org.ecgkit.eval.SklearnFixture.ints;
import static org.ecgkit.eval.SklearnFixture.number;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every metric against scikit-learn 1.2.1 on the fixture cases, to 1e-9. */
class EvaluationSklearnTest {

    static final double TOLERANCE = 1e-9;

    static Stream<SklearnFixture> cases() {
        return Stream.of("multiclass_ties", "multiclass_softmax_seed1", "multiclass_logits_seed2",
                "multiclass_class_absent_from_truth", "multilabel_constant_columns",
                "multilabel_fixed_thresholds_seed4").map(SklearnFixture::load);
    }

    static Evaluation evaluate(SklearnFixture fixture) {
        JsonObject json = fixture.json();
        double[][] probabilities = doubleMatrix(json.get("probabilities"));
        if (json.get("task").getAsString().equals("multiclass")) {
            return Evaluation.multiclass(ints(json.get("truth")), probabilities, fixture.classNames());
        }
        int[][] truth = intMatrix(json.get("truth"));
        return json.has("thresholds")
                ? Evaluation.multilabel(truth, probabilities, fixture.classNames(), doubles(json.get("thresholds")))
                : Evaluation.multilabel(truth, probabilities, fixture.classNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void metricsMatchSklearn(SklearnFixture fixture) {
        assertMatchesSklearn(fixture.expected(), evaluate(fixture));
    }

    /** Shared with the threshold tests, which evaluate the test split with tuned thresholds. */
    static void assertMatchesSklearn(JsonObject expected, Evaluation evaluation) {
        Map<String, Double> scalars = evaluation.scalars();
        for (String metric : List.of("accuracy", "macro_precision", "macro_recall", "macro_f1", "micro_f1",
                "weighted_f1", "macro_auroc", "macro_average_precision")) {
            assertEquals(number(expected.get(metric)), scalars.get(metric), TOLERANCE, metric);
        }
        List<ClassMetrics> perClass = evaluation.classMetrics();
        assertArrayEquals(doubles(expected.get("precision")),
                perClass.stream().mapToDouble(ClassMetrics::precision).toArray(), TOLERANCE, "precision");
        assertArrayEquals(doubles(expected.get("recall")),
                perClass.stream().mapToDouble(ClassMetrics::recall).toArray(), TOLERANCE, "recall");
        assertArrayEquals(doubles(expected.get("f1")),
                perClass.stream().mapToDouble(ClassMetrics::f1).toArray(), TOLERANCE, "f1");
        assertArrayEquals(ints(expected.get("support")),
                perClass.stream().mapToInt(ClassMetrics::support).toArray(), "support");
        // assertArrayEquals treats NaN as equal to NaN, so undefined (null in the fixture) must be NaN here
        assertArrayEquals(doubles(expected.get("auroc")),
                perClass.stream().mapToDouble(ClassMetrics::auroc).toArray(), TOLERANCE, "auroc");
        assertArrayEquals(doubles(expected.get("average_precision")),
                perClass.stream().mapToDouble(ClassMetrics::averagePrecision).toArray(), TOLERANCE, "average_precision");
        assertArrayEquals(intMatrix(expected.get("confusion_matrix")), evaluation.confusionCounts(), "confusion");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void macroAurocEqualsSklearnOneVsRestWhereSklearnApplies(SklearnFixture fixture) {
        if (fixture.expected().has("sklearn_ovr_macro_auroc")) {
            assertEquals(fixture.expected().get("sklearn_ovr_macro_auroc").getAsDouble(),
                    evaluate(fixture).macroAuroc(), TOLERANCE);
        }
    }

    @Test
    void fixturesCoverWhatTheConventionsAreAbout() {
        // sklearn's own multi-class OvR AUROC is checked on at least two cases, one of them with ties
        assertEquals(2, cases().filter(f -> f.expected().has("sklearn_ovr_macro_auroc")).count());
        // at least one AUROC undefined in a multi-class and in a multi-label case
        assertTrue(Double.isNaN(evaluate(SklearnFixture.load("multiclass_class_absent_from_truth"))
                .classMetrics("PVC").auroc()));
        Evaluation constant = evaluate(SklearnFixture.load("multilabel_constant_columns"));
        assertTrue(Double.isNaN(constant.classMetrics("CD").auroc()));
        assertTrue(Double.isNaN(constant.classMetrics("HYP").auroc()));
        assertEquals(1.0, constant.classMetrics("HYP").averagePrecision(), TOLERANCE);
    }

    @Test
    void cincScoreIsTheMeanF1OfTheChosenClasses() {
        SklearnFixture fixture = SklearnFixture.load("multiclass_ties");
        JsonObject subset = fixture.expected().getAsJsonObject("mean_f1_subset");
        String[] classes = subset.getAsJsonArray("classes").asList().stream()
                .map(element -> element.getAsString()).toArray(String[]::new);
        assertEquals(subset.get("value").getAsDouble(), evaluate(fixture).meanF1(classes), TOLERANCE);
    }

    @Test
    void noisyClassNeverPredictedHasPrecisionZeroAndSaysSo() {
        ClassMetrics noisy = evaluate(SklearnFixture.load("multiclass_ties")).classMetrics("~");
        assertEquals(0.0, noisy.precision());
        assertTrue(noisy.note().contains("never predicted"), noisy.note());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void curvesMatchSklearn(SklearnFixture fixture) {
        if (!fixture.expected().has("roc_curves")) {
            return;
        }
        Evaluation evaluation = evaluate(fixture);
        JsonArray rocCurves = fixture.expected().getAsJsonArray("roc_curves");
        JsonArray prCurves = fixture.expected().getAsJsonArray("pr_curves");
        int checked = 0;
        for (int k = 0; k < rocCurves.size(); k++) {
            if (rocCurves.get(k).isJsonNull()) {
                continue;
            }
            String name = fixture.classNames().get(k);
            JsonObject roc = rocCurves.get(k).getAsJsonObject();
            RocCurve curve = evaluation.rocCurve(name);
            assertArrayEquals(doubles(roc.get("fpr")), curve.falsePositiveRate(), TOLERANCE, name + " fpr");
            assertArrayEquals(doubles(roc.get("tpr")), curve.truePositiveRate(), TOLERANCE, name + " tpr");
            double[] thresholds = curve.thresholds();
            assertEquals(Double.POSITIVE_INFINITY, thresholds[0]);
            assertArrayEquals(doubles(roc.get("thresholds")),
                    java.util.Arrays.copyOfRange(thresholds, 1, thresholds.length), 0.0, name + " roc thresholds");
            JsonObject pr = prCurves.get(k).getAsJsonObject();
            PrecisionRecallCurve prCurve = evaluation.precisionRecallCurve(name);
            assertArrayEquals(doubles(pr.get("precision")), prCurve.precision(), TOLERANCE, name + " precision");
            assertArrayEquals(doubles(pr.get("recall")), prCurve.recall(), TOLERANCE, name + " recall");
            assertArrayEquals(doubles(pr.get("thresholds")), prCurve.thresholds(), 0.0, name + " pr thresholds");
            checked++;
        }
        assertTrue(checked >= 3, "curves checked for " + checked + " classes");
    }
}
