package org.ecgkit.eval;

/**
 * One class's metrics, one-vs-rest. Precision, recall and F1 are 0 where their denominator is 0 (scikit-learn's
 * default {@code zero_division}); AUROC and average precision are NaN where the truth makes them undefined, and
 * {@code note} says why.
 *
 * @param name             class name
 * @param precision        TP / (TP + FP)
 * @param recall           TP / (TP + FN), the sensitivity
 * @param f1               2TP / (2TP + FP + FN)
 * @param support          samples whose truth includes this class
 * @param auroc            area under the ROC curve from the scores; NaN when the truth has one label value only
 * @param averagePrecision step-wise area under the precision–recall curve; NaN when the class has no positives
 * @param note             why a value is 0 by convention or undefined; empty when nothing is
 */
public record ClassMetrics(String name, double precision, double recall, double f1, int support, double auroc,
                           double averagePrecision, String note) {
}
