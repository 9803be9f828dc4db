package org.ecgkit.data;

/**
 * Per-feature means and population deviations of a model input, fitted on chosen rows (the training split) and
 * applied to every row. Shared by the inputs that standardise: {@link MetadataInput} and {@link VectorInput}.
 */
final class Standardization {

    /** Writes one row's raw feature values into {@code values}; NaN marks a missing value. */
    @FunctionalInterface
    interface RowReader {
        void read(int row, double[] values);
    }

    private Standardization() {
    }

    /**
     * {@code {means, stds}} over the values of {@code rows} that are not NaN. A feature that is constant (or missing
     * everywhere) carries no information: its deviation is 1, so it becomes 0 rather than NaN.
     */
    static double[][] fit(int features, int[] rows, RowReader reader) {
        double[] sums = new double[features];
        double[] squares = new double[features];
        int[] counts = new int[features];
        double[] values = new double[features];
        for (int row : rows) {
            reader.read(row, values);
            for (int f = 0; f < features; f++) {
                if (!Double.isNaN(values[f])) {
                    sums[f] += values[f];
                    squares[f] += values[f] * values[f];
                    counts[f]++;
                }
            }
        }
        double[] means = new double[features];
        double[] stds = new double[features];
        for (int f = 0; f < features; f++) {
            means[f] = counts[f] == 0 ? 0 : sums[f] / counts[f];
            double variance = counts[f] == 0 ? 0 : Math.max(0, squares[f] / counts[f] - means[f] * means[f]);
            stds[f] = variance > 0 ? Math.sqrt(variance) : 1.0;
        }
        return new double[][] {means, stds};
    }

    /** {@code (value − mean) / std}; a missing value (NaN) becomes the mean, i.e. 0. */
    static float apply(double value, double mean, double std) {
        return Double.isNaN(value) ? 0f : (float) ((value - mean) / std);
    }

    /** Means 0 and deviations 1: values pass unchanged. */
    static double[][] identity(int features) {
        double[] ones = new double[features];
        java.util.Arrays.fill(ones, 1.0);
        return new double[][] {new double[features], ones};
    }
}
