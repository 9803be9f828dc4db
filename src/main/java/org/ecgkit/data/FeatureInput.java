package org.ecgkit.data;

import java.util.Arrays;
import java.util.List;

/**
 * Derived arrays beside the signals ({@code rr.npy}, {@code fft.npy}, ...) as one flat feature vector per record, fed
 * to the model input called {@code name}: RR features into the {@code metadata} branch, FFT features into the
 * {@code fft} branch. Each array's row is flattened in C order and the arrays are concatenated in the order given.
 * Heart rate in beats per minute next to RR intervals in milliseconds would swamp a dense layer, so fit a
 * standardisation on the training rows with {@link #standardizedOn} before training; a NaN becomes the fitted mean.
 *
 * <pre>{@code
 * FeatureInput rr = Input.features("metadata", "rr").standardizedOn(dataset, dataset.rows("train"));
 * FeatureInput fft = Input.features("fft", "fft").standardizedOn(dataset, dataset.rows("train"));
 * dataset.batches().split("train").inputs(Input.waveform(), Input.spectrogram(), fft, rr).build();
 * }</pre>
 *
 * @param name   the model input it feeds
 * @param arrays derived array names (files {@code <array>.npy}), in order
 * @param means  per-feature mean to subtract (0 when not standardised)
 * @param stds   per-feature deviation to divide by (1 when not standardised)
 */
public record FeatureInput(String name, List<String> arrays, double[] means, double[] stds) implements Input {

    public FeatureInput {
        arrays = List.copyOf(arrays);
        if (arrays.isEmpty()) {
            throw new IllegalArgumentException("input '" + name + "' needs at least one derived array");
        }
        if (means.length != stds.length) {
            throw new IllegalArgumentException(means.length + " means but " + stds.length + " deviations");
        }
    }

    static FeatureInput of(String name, List<String> arrays) {
        return new FeatureInput(name, arrays, new double[0], new double[0]);
    }

    /** Fits per-feature means and deviations on {@code rows} (the training split). */
    public FeatureInput standardizedOn(EcgDataset dataset, int[] rows) {
        int features = featureCount(dataset);
        float[] raw = new float[features];
        double[][] fitted = Standardization.fit(features, rows, (row, values) -> {
            readRaw(dataset, row, raw, 0);
            for (int f = 0; f < features; f++) {
                values[f] = raw[f];
            }
        });
        return new FeatureInput(name, arrays, fitted[0], fitted[1]);
    }

    /** Whether {@link #standardizedOn} has fitted this input. */
    public boolean standardized() {
        return means.length > 0;
    }

    @Override
    public int[] shape(EcgDataset dataset) {
        return new int[] {featureCount(dataset)};
    }

    @Override
    public void read(EcgDataset dataset, int row, float[] dst, int offset) {
        readRaw(dataset, row, dst, offset);
        if (standardized()) {
            if (means.length != featureCount(dataset)) {
                throw new IllegalArgumentException("input '" + name + "' was standardised for " + means.length
                        + " features but " + arrays + " of " + dataset.name() + " have " + featureCount(dataset));
            }
            for (int f = 0; f < means.length; f++) {
                dst[offset + f] = Standardization.apply(dst[offset + f], means[f], stds[f]);
            }
        }
    }

    private void readRaw(EcgDataset dataset, int row, float[] dst, int offset) {
        int at = offset;
        for (String array : arrays) {
            NpyFile npy = npy(dataset, array);
            npy.readRow(row, dst, at);
            at += Math.toIntExact(npy.rowLength());
        }
    }

    private int featureCount(EcgDataset dataset) {
        return arrays.stream().mapToInt(array -> Math.toIntExact(npy(dataset, array).rowLength())).sum();
    }

    private static NpyFile npy(EcgDataset dataset, String array) {
        return dataset.requireArray(array);
    }

    @Override
    public String toString() {
        return "FeatureInput[" + name + " <- " + arrays + (standardized() ? ", standardised " + Arrays.toString(means.length
                <= 8 ? means : Arrays.copyOf(means, 8)) : "") + "]";
    }
}
