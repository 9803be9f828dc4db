package org.ecgkit.eval;

/**
 * One class's ROC curve (one-vs-rest for multi-class tasks), every distinct score kept.
 *
 * @param falsePositiveRate x: share of negatives scoring at least the threshold, from 0 up to 1
 * @param truePositiveRate  y: share of positives scoring at least the threshold (NaN without positives)
 * @param thresholds        the score each point cuts at, highest first; the first, +Infinity, calls nothing positive
 * @param auc               area under the curve, as {@link ClassMetrics#auroc()}
 */
public record RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double[] thresholds, double auc) {
}
