package org.ecgkit.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/** Reading and writing {@code metadata.csv}: one row per record, in the order of the signals. */
public final class Metadata {

    public static final String FILE_NAME = "metadata.csv";
    public static final String ID = "id";
    public static final String PATIENT_ID = "patient_id";
    public static final String SPLIT = "split";
    public static final String SEX = "sex";
    public static final String AGE = "age";

    /** Columns read as text whatever they look like: ids such as {@code 00042} must keep their zeros. */
    private static final List<String> TEXT_COLUMNS = List.of(ID, PATIENT_ID, SPLIT, SEX, "record_id");

    private Metadata() {
    }

    /** Reads a metadata CSV; {@code id}, {@code patient_id}, {@code split} and {@code sex} are read as strings. */
    public static Table read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist: a dataset needs a " + FILE_NAME
                    + " with at least an id column");
        }
        Map<String, ColumnType> types = new LinkedHashMap<>();
        TEXT_COLUMNS.forEach(c -> types.put(c, ColumnType.STRING));
        try {
            Table table = Table.read().usingOptions(CsvReadOptions.builder(file.toFile())
                    .tableName(FILE_NAME)
                    .sample(false)
                    .columnTypesToDetect(List.of(ColumnType.DOUBLE, ColumnType.STRING))
                    .columnTypesPartial(types)
                    .build());
            if (!table.columnNames().contains(ID)) {
                throw new IllegalArgumentException(file.getFileName() + " has no '" + ID + "' column; its columns are "
                        + table.columnNames());
            }
            return table;
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a metadata table as CSV. */
    public static void write(Table table, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            table.write().usingOptions(CsvWriteOptions.builder(file.toFile()).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Numeric value of a metadata cell for model inputs: sex F/female → 1, M/male → 0 (PTB-XL's coding); missing → NaN. */
    static double numeric(Table table, String column, int row) {
        var col = table.column(column);
        if (col.isMissing(row)) {
            return Double.NaN;
        }
        if (col.type() == ColumnType.STRING) {
            String s = col.getString(row).trim();
            if (column.equals(SEX)) {
                return switch (s.toUpperCase()) {
                    case "F", "FEMALE" -> 1.0;
                    case "M", "MALE" -> 0.0;
                    default -> Double.NaN;
                };
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("column '" + column + "' of " + FILE_NAME + " is not numeric: row "
                        + row + " holds '" + s + "'");
            }
        }
        return ((Number) col.get(row)).doubleValue();
    }
}
