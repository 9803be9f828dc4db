package org.ecgkit.eval;

import java.util.Arrays;

/**
 * One class's scores ranked against its 0/1 truth: for every distinct score t, from the highest down, how many
 * positives and negatives score at least t. This is scikit-learn's {@code _binary_clf_curve}; AUROC, average
 * precision, both curves and threshold tuning all read from it.
 *
 * <p>Written by hand because no library on the classpath ranks with ties the way sklearn does; it sorts the
 * positives' and the negatives' scores separately (primitive sorts, no boxing) and merges them from the top.
 */
final class BinaryRanking {

    private final double[] thresholds;
    private final int[] truePositives;
    private final int[] falsePositives;

    private BinaryRanking(double[] thresholds, int[] truePositives, int[] falsePositives) {
        this.thresholds = thresholds;
        this.truePositives = truePositives;
        this.falsePositives = falsePositives;
    }

    /** @param truth 0/1 per sample; @param scores finite scores, same length (callers have checked both) */
    static BinaryRanking of(int[] truth, double[] scores) {
        int positives = 0;
        for (int label : truth) {
            positives += label;
        }
        double[] positiveScores = new double[positives];
        double[] negativeScores = new double[truth.length - positives];
        for (int i = 0, p = 0, q = 0; i < truth.length; i++) {
            if (truth[i] == 1) {
                positiveScores[p++] = scores[i];
            } else {
                negativeScores[q++] = scores[i];
            }
        }
        Arrays.sort(positiveScores);
        Arrays.sort(negativeScores);

        double[] thresholds = new double[truth.length];
        int[] tps = new int[truth.length];
        int[] fps = new int[truth.length];
        int distinct = 0;
        int p = positiveScores.length - 1;
        int q = negativeScores.length - 1;
        int tp = 0;
        int fp = 0;
        while (p >= 0 || q >= 0) {
            double threshold = p < 0 ? negativeScores[q]
                    : q < 0 ? positiveScores[p] : Math.max(positiveScores[p], negativeScores[q]);
            // == rather than Double.compare so that -0.0 and 0.0 are one score, as in numpy
            while (p >= 0 && positiveScores[p] == threshold) {
                tp++;
                p--;
            }
            while (q >= 0 && negativeScores[q] == threshold) {
                fp++;
                q--;
            }
            thresholds[distinct] = threshold;
            tps[distinct] = tp;
            fps[distinct] = fp;
            distinct++;
        }
        return new BinaryRanking(Arrays.copyOf(thresholds, distinct), Arrays.copyOf(tps, distinct),
                Arrays.copyOf(fps, distinct));
    }

    int positives() {
        return truePositives.length == 0 ? 0 : truePositives[truePositives.length - 1];
    }

    int negatives() {
        return falsePositives.length == 0 ? 0 : falsePositives[falsePositives.length - 1];
    }

    /** Distinct scores, highest first. */
    int size() {
        return thresholds.length;
    }

    double threshold(int rank) {
        return thresholds[rank];
    }

    /** Counts when every sample scoring at least {@code threshold(rank)} is called positive. */
    Counts countsAt(int rank) {
        return counts(truePositives[rank], falsePositives[rank]);
    }

    /** Counts when every sample scoring at least {@code threshold} is called positive. */
    Counts countsAtOrAbove(double threshold) {
        int rank = -1;
        while (rank + 1 < thresholds.length && thresholds[rank + 1] >= threshold) {
            rank++;
        }
        return rank < 0 ? counts(0, 0) : countsAt(rank);
    }

    private Counts counts(int tp, int fp) {
        return new Counts(tp, fp, positives() - tp, negatives() - fp);
    }

    /**
     * Exact, tie-aware AUROC: the Mann–Whitney U statistic with midranks, i.e. the share of (positive, negative)
     * pairs ranked correctly, a tie counting one half. Summed in integers (twice U) and divided once, so it is
     * as exact as a double can hold; equals sklearn's trapezoidal {@code roc_auc_score}. NaN when the truth has
     * only one label value (sklearn raises).
     */
    double auroc() {
        if (positives() == 0 || negatives() == 0) {
            return Double.NaN;
        }
        long twiceU = 0;
        int previousTp = 0;
        int previousFp = 0;
        for (int rank = 0; rank < thresholds.length; rank++) {
            // each negative in this group is beaten by all positives above it and ties with those beside it
            twiceU += (long) (falsePositives[rank] - previousFp) * (previousTp + truePositives[rank]);
            previousTp = truePositives[rank];
            previousFp = falsePositives[rank];
        }
        return twiceU / (2.0 * positives() * negatives());
    }

    /**
     * Average precision as sklearn's {@code average_precision_score}: the step-wise sum of precision times the
     * gain in recall at each distinct score, no interpolation. NaN when there are no positives (sklearn then
     * sets recall to 1 and reports 0, which no model could improve on).
     */
    double averagePrecision() {
        if (positives() == 0) {
            return Double.NaN;
        }
        double sum = 0;
        int previousTp = 0;
        for (int rank = 0; rank < thresholds.length; rank++) {
            int tp = truePositives[rank];
            sum += (double) (tp - previousTp) * tp / (tp + falsePositives[rank]);
            previousTp = tp;
        }
        return sum / positives();
    }

    /** The curve as sklearn's {@code roc_curve(drop_intermediate=False)}, but with +Infinity as the first threshold. */
    RocCurve rocCurve() {
        int points = thresholds.length + 1;
        double[] fpr = new double[points];
        double[] tpr = new double[points];
        double[] cut = new double[points];
        cut[0] = Double.POSITIVE_INFINITY;
        for (int rank = 0; rank < thresholds.length; rank++) {
            fpr[rank + 1] = (double) falsePositives[rank] / negatives();
            tpr[rank + 1] = (double) truePositives[rank] / positives();
            cut[rank + 1] = thresholds[rank];
        }
        return new RocCurve(fpr, tpr, cut, auroc());
    }

    /**
     * The curve as sklearn's {@code precision_recall_curve}: thresholds ascending, then a last point at
     * precision 1, recall 0 with no threshold. Recall is NaN when there are no positives.
     */
    PrecisionRecallCurve precisionRecallCurve() {
        int distinct = thresholds.length;
        double[] precision = new double[distinct + 1];
        double[] recall = new double[distinct + 1];
        double[] cut = new double[distinct];
        for (int rank = 0; rank < distinct; rank++) {
            int point = distinct - 1 - rank;
            precision[point] = (double) truePositives[rank] / (truePositives[rank] + falsePositives[rank]);
            recall[point] = positives() == 0 ? Double.NaN : (double) truePositives[rank] / positives();
            cut[point] = thresholds[rank];
        }
        precision[distinct] = 1.0;
        recall[distinct] = 0.0;
        return new PrecisionRecallCurve(precision, recall, cut, averagePrecision());
    }
}
