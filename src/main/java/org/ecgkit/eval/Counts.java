package org.ecgkit.eval;

/**
 * One class's confusion counts, one-vs-rest. Precision, recall and F1 follow scikit-learn's default
 * {@code zero_division}: a ratio whose denominator is zero is 0 (sklearn warns and uses 0).
 */
record Counts(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    long positives() {
        return truePositives + falseNegatives;
    }

    long negatives() {
        return falsePositives + trueNegatives;
    }

    long predictedPositives() {
        return truePositives + falsePositives;
    }

    double precision() {
        return ratioOrZero(truePositives, predictedPositives());
    }

    double recall() {
        return ratioOrZero(truePositives, positives());
    }

    /** 2TP / (2TP + FP + FN): the harmonic mean of precision and recall without dividing twice. */
    Fraction f1() {
        long denominator = 2 * truePositives + falsePositives + falseNegatives;
        return denominator == 0 ? Fraction.ZERO : new Fraction(2 * truePositives, denominator);
    }

    private static double ratioOrZero(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
