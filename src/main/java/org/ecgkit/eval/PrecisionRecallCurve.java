package org.ecgkit.eval;

/**
 * One class's precision–recall curve in scikit-learn's order: thresholds ascending, and a last point at
 * precision 1, recall 0 that has no threshold (so {@code thresholds} is one shorter than the other two).
 *
 * @param precision        share of samples scoring at least the threshold that are positive
 * @param recall           share of positives scoring at least the threshold (NaN without positives)
 * @param thresholds       the distinct scores, ascending
 * @param averagePrecision the step-wise area, as {@link ClassMetrics#averagePrecision()}
 */
public record PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds,
                                   double averagePrecision) {
}
