package org.ecgkit.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Checks the arrays users pass in and turns them class-major ({@code [class][sample]}), naming both sides of a mismatch. */
final class Inputs {

    private Inputs() {
    }

    static List<String> classNames(List<String> classNames) {
        Objects.requireNonNull(classNames, "classNames");
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("classNames is empty; at least one class is needed");
        }
        Set<String> seen = new HashSet<>();
        for (String name : classNames) {
            Objects.requireNonNull(name, () -> "classNames contains null: " + classNames);
            if (!seen.add(name)) {
                throw new IllegalArgumentException("class name '" + name + "' appears twice in " + classNames);
            }
        }
        return List.copyOf(classNames);
    }

    /** @return the scores as [class][sample], after checking shape and that every score is finite */
    static double[][] scoresByClass(double[][] probabilities, int samples, List<String> classNames) {
        Objects.requireNonNull(probabilities, "probabilities");
        if (probabilities.length != samples) {
            throw new IllegalArgumentException("truth has " + samples + " samples but probabilities has "
                    + probabilities.length + " rows");
        }
        double[][] byClass = new double[classNames.size()][samples];
        for (int i = 0; i < samples; i++) {
            double[] row = requireRow(probabilities[i], "probabilities", i);
            requireWidth("probabilities", i, row.length, classNames);
            for (int k = 0; k < row.length; k++) {
                if (!Double.isFinite(row[k])) {
                    throw new IllegalArgumentException("probabilities[" + i + "][" + k + "] (class '"
                            + classNames.get(k) + "') is " + row[k] + "; scores must be finite");
                }
                byClass[k][i] = row[k];
            }
        }
        return byClass;
    }

    static int[] multiclassTruth(int[] truth, List<String> classNames) {
        Objects.requireNonNull(truth, "truth");
        requireSamples(truth.length);
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= classNames.size()) {
                throw new IllegalArgumentException("truth[" + i + "] is " + truth[i] + " but class indices run 0.."
                        + (classNames.size() - 1) + " for the " + classNames.size() + " class names " + classNames);
            }
        }
        return truth.clone();
    }

    /** @return the 0/1 truth as [class][sample] */
    static int[][] multilabelTruthByClass(int[][] truth, List<String> classNames) {
        Objects.requireNonNull(truth, "truth");
        requireSamples(truth.length);
        int[][] byClass = new int[classNames.size()][truth.length];
        for (int i = 0; i < truth.length; i++) {
            int[] row = requireRow(truth[i], "truth", i);
            requireWidth("truth", i, row.length, classNames);
            for (int k = 0; k < row.length; k++) {
                if (row[k] != 0 && row[k] != 1) {
                    throw new IllegalArgumentException("truth[" + i + "][" + k + "] is " + row[k]
                            + "; multi-label truth must be 0 or 1");
                }
                byClass[k][i] = row[k];
            }
        }
        return byClass;
    }

    static double[] thresholds(double[] thresholds, List<String> classNames) {
        Objects.requireNonNull(thresholds, "thresholds");
        if (thresholds.length != classNames.size()) {
            throw new IllegalArgumentException("thresholds has " + thresholds.length + " values but there are "
                    + classNames.size() + " class names " + classNames);
        }
        for (int k = 0; k < thresholds.length; k++) {
            if (Double.isNaN(thresholds[k])) {
                throw new IllegalArgumentException("threshold " + k + " (class '" + classNames.get(k) + "') is NaN");
            }
        }
        return thresholds.clone();
    }

    private static void requireSamples(int samples) {
        if (samples == 0) {
            throw new IllegalArgumentException("truth is empty; there is nothing to evaluate");
        }
    }

    private static <T> T requireRow(T row, String array, int index) {
        if (row == null) {
            throw new NullPointerException(array + " row " + index + " is null");
        }
        return row;
    }

    private static void requireWidth(String array, int row, int width, List<String> classNames) {
        if (width != classNames.size()) {
            throw new IllegalArgumentException(array + " row " + row + " has " + width + " columns but there are "
                    + classNames.size() + " class names " + classNames);
        }
    }
}
