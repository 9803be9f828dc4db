package org.ecgkit.data;

import java.util.Arrays;
import java.util.List;

/**
 * Several inputs flattened and joined into one vector per record under one name, for a model's dense branches: the
 * FFT features {@code [leads, bins]} as one vector for the {@code fft} branch, or metadata columns together with the
 * RR features for the {@code metadata} branch. Standardised per value with means and deviations fitted on the rows
 * given to {@link #standardizedOn} (the training split), over the values that are not NaN; a NaN then becomes the
 * fitted mean, i.e. 0.
 *
 * <pre>{@code
 * Input.vector("metadata", Input.metadata("age", "sex"), Input.array("rr")).standardizedOn(dataset, dataset.rows("train"));
 * }</pre>
 *
 * @param name  the input's name, e.g. {@code fft} or {@code metadata}
 * @param parts inputs joined in this order, each flattened in C order
 * @param means per value, the mean to subtract (0 when not standardised)
 * @param stds  per value, the deviation to divide by (1 when not standardised)
 */
public record VectorInput(String name, List<Input> parts, double[] means, double[] stds) implements Input {

    public VectorInput {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("vector input '" + name + "' needs at least one part");
        }
        if (means.length != stds.length) {
            throw new IllegalArgumentException("vector input '" + name + "' has " + means.length + " means but "
                    + stds.length + " deviations");
        }
        means = means.clone();
        stds = stds.clone();
    }

    static VectorInput of(String name, List<Input> parts) {
        return new VectorInput(name, parts, new double[0], new double[0]);
    }

    /** Whether {@link #standardizedOn} was applied. */
    public boolean standardized() {
        return means.length > 0;
    }

    /**
     * Fits a mean and deviation per value on {@code rows}. Metadata parts are standardised on the same rows first,
     * so that their missing values become the fitted mean as in {@link MetadataInput}.
     */
    public VectorInput standardizedOn(EcgDataset dataset, int[] rows) {
        List<Input> fitted = parts.stream()
                .map(part -> part instanceof MetadataInput metadata ? metadata.standardizedOn(dataset, rows) : part)
                .toList();
        VectorInput raw = of(name, fitted);
        int length = raw.length(dataset);
        float[] values = new float[length];
        double[][] standardization = Standardization.fit(length, rows, (row, doubles) -> {
            raw.read(dataset, row, values, 0);
            for (int i = 0; i < length; i++) {
                doubles[i] = values[i];
            }
        });
        return new VectorInput(name, fitted, standardization[0], standardization[1]);
    }

    @Override
    public int[] shape(EcgDataset dataset) {
        int length = parts.stream().mapToInt(part -> part.length(dataset)).sum();
        if (standardized() && means.length != length) {
            throw new IllegalArgumentException("vector input '" + name + "' was standardised for " + means.length
                    + " values but its parts give " + length + " on " + dataset.name());
        }
        return new int[] {length};
    }

    @Override
    public void read(EcgDataset dataset, int row, float[] dst, int offset) {
        int at = offset;
        for (Input part : parts) {
            part.read(dataset, row, dst, at);
            at += part.length(dataset);
        }
        for (int i = 0; i < means.length; i++) {
            dst[offset + i] = Standardization.apply(dst[offset + i], means[i], stds[i]);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VectorInput v && v.name.equals(name) && v.parts.equals(parts)
                && Arrays.equals(v.means, means) && Arrays.equals(v.stds, stds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + parts.hashCode()) + Arrays.hashCode(means);
    }

    @Override
    public String toString() {
        return "VectorInput[" + name + " = " + parts + (standardized() ? ", standardised" : "") + "]";
    }
}
