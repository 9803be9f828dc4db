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
        double[][] identity = Standardization.identity(columns.size());
        return new MetadataInput(columns, identity[0], identity[1]);
    }

    /** Fits means and deviations on {@code rows} of the dataset's metadata. */
    public MetadataInput standardizedOn(EcgDataset dataset, int[] rows) {
        Table table = dataset.metadata();
        checkColumns(table);
        double[][] fitted = Standardization.fit(columns.size(), rows, (row, values) -> {
            for (int c = 0; c < columns.size(); c++) {
                values[c] = Metadata.numeric(table, columns.get(c), row);
            }
        });
        return new MetadataInput(columns, fitted[0], fitted[1]);
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
            dst[offset + c] = Standardization.apply(Metadata.numeric(table, columns.get(c), row), means[c], stds[c]);
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
