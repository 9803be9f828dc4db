package org.ecgkit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails loudly, naming both sides of the mismatch. */
class EvaluationInputTest {

    static final List<String> NAMES = List.of("N", "A", "O");
    static final double[][] SCORES = {{0.7, 0.2, 0.1}, {0.1, 0.8, 0.1}};

    static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void truthAndScoresOfDifferentLength() {
        assertRejected("truth has 3 samples but probabilities has 2 rows",
                () -> Evaluation.multiclass(new int[] {0, 1, 2}, SCORES, NAMES));
    }

    @Test
    void scoreRowOfTheWrongWidth() {
        assertRejected("probabilities row 1 has 2 columns but there are 3 class names [N, A, O]",
                () -> Evaluation.multiclass(new int[] {0, 1}, new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.9}}, NAMES));
    }

    @Test
    void classCountAndNamesDisagree() {
        assertRejected("probabilities row 0 has 3 columns but there are 2 class names [N, A]",
                () -> Evaluation.multiclass(new int[] {0, 1}, SCORES, List.of("N", "A")));
        assertRejected("truth[1] is 3 but class indices run 0..2 for the 3 class names [N, A, O]",
                () -> Evaluation.multiclass(new int[] {0, 3}, SCORES, NAMES));
        assertRejected("truth row 0 has 2 columns but there are 3 class names [N, A, O]",
                () -> Evaluation.multilabel(new int[][] {{0, 1}, {1, 0}}, SCORES, NAMES));
    }

    @Test
    void nanScores() {
        assertRejected("probabilities[1][2] (class 'O') is NaN; scores must be finite",
                () -> Evaluation.multiclass(new int[] {0, 1}, new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.8, Double.NaN}},
                        NAMES));
    }

    @Test
    void multilabelTruthThatIsNotZeroOrOne() {
        assertRejected("truth[1][0] is 2; multi-label truth must be 0 or 1",
                () -> Evaluation.multilabel(new int[][] {{0, 1, 0}, {2, 0, 0}}, SCORES, NAMES));
    }

    @Test
    void thresholdsOfTheWrongCount() {
        assertRejected("thresholds has 2 values but there are 3 class names [N, A, O]",
                () -> Evaluation.multilabel(new int[][] {{0, 1, 0}, {1, 0, 0}}, SCORES, NAMES, new double[] {0.5, 0.5}));
    }

    @Test
    void emptyOrDuplicatedClassNamesAndNoSamples() {
        assertRejected("class name 'A' appears twice in [N, A, A]",
                () -> Evaluation.multiclass(new int[] {0, 1}, SCORES, List.of("N", "A", "A")));
        assertRejected("truth is empty; there is nothing to evaluate",
                () -> Evaluation.multiclass(new int[0], new double[0][], NAMES));
    }

    @Test
    void unknownClassNamesInQueries() {
        Evaluation evaluation = Evaluation.multiclass(new int[] {0, 1}, SCORES, NAMES);
        assertRejected("unknown class 'X'; classes are [N, A, O]", () -> evaluation.meanF1("N", "X"));
        assertRejected("class 'N' is named twice in [N, N]", () -> evaluation.meanF1("N", "N"));
        assertRejected("unknown class '~'; classes are [N, A, O]", () -> evaluation.rocChart("~"));
    }
}
