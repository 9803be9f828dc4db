package org.ecgkit.data;

import java.util.List;

import tech.tablesaw.api.Table;

/**
 * Numeric metadata columns as a model input. Standardised with means and deviations fitted on the rows given to
 * {@link #standardizedOn} (the training split, so nothing leaks from validation or test); a missing value becomes
 * the fitted mean, i.e. 0 after standardisation.
 *
 * @param columns metadata columns, in input order
 * @param means   per-column mean to subtract (0 when not standardised)
 * @param stds    per-column deviation to divide by (1 when not standardised)
 */
public record MetadataInput(List<String> columns, double[] means, double[] stds) implements Input {

    public MetadataInput {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a metadata input needs at least one column");
        }
        if (means.length != columns.size() || stds.length != columns.size()) {
            throw new IllegalArgumentException("means and stds need one value per column " + columns);
        }
    }

    static MetadataInput of(List<String> columns) {
        double[] ones = new double[columns.size()];
        java.util.Arrays.fill(ones, 1.0);
        return new MetadataInput(columns, new double[columns.size()], ones);
    }

    /** Fits means and deviations on {@code rows} of the dataset's metadata. */
    public MetadataInput standardizedOn(EcgDataset dataset, int[] rows) {
        Table table = dataset.metadata();
        checkColumns(table);
        double[] means = new double[columns.size()];
        double[] stds = new double[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            double sum = 0;
            double sumSq = 0;
            int n = 0;
            for (int row : rows) {
                double v = Metadata.numeric(table, columns.get(c), row);
                if (!Double.isNaN(v)) {
                    sum += v;
                    sumSq += v * v;
                    n++;
                }
            }
            means[c] = n == 0 ? 0 : sum / n;
            double variance = n == 0 ? 0 : Math.max(0, sumSq / n - means[c] * means[c]);
            // a constant column carries no information; dividing by 1 keeps it at 0 instead of NaN
            stds[c] = variance > 0 ? Math.sqrt(variance) : 1.0;
        }
        return new MetadataInput(columns, means, stds);
    }

    @Override
    public String name() {
        return "metadata";
    }

    @Override
    public int[] shape(EcgDataset dataset) {
        checkColumns(dataset.metadata());
        return new int[] {columns.size()};
    }

    @Override
    public void read(EcgDataset dataset, int row, float[] dst, int offset) {
        Table table = dataset.metadata();
        for (int c = 0; c < columns.size(); c++) {
            double v = Metadata.numeric(table, columns.get(c), row);
            dst[offset + c] = Double.isNaN(v) ? 0f : (float) ((v - means[c]) / stds[c]);
        }
    }

    private void checkColumns(Table table) {
        for (String column : columns) {
            if (!table.columnNames().contains(column)) {
                throw new IllegalArgumentException(Metadata.FILE_NAME + " has no column '" + column + "'; its columns are "
                        + table.columnNames());
            }
        }
    }
}
