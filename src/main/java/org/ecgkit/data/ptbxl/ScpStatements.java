package org.ecgkit.data.ptbxl;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * PTB-XL's statement table {@code scp_statements.csv}: for each SCP code whether it is a diagnostic, form or rhythm
 * statement, and the diagnostic subclass and superclass it aggregates to.
 */
public final class ScpStatements {

    /** One row of the table. */
    public record Statement(String code, String description, boolean diagnostic, boolean form, boolean rhythm,
                            String diagnosticClass, String diagnosticSubclass) {
    }

    private final Map<String, Statement> byCode;

    private ScpStatements(Map<String, Statement> byCode) {
        this.byCode = byCode;
    }

    public static ScpStatements read(Path file) {
        Table table = Table.read().usingOptions(CsvReadOptions.builder(file.toFile())
                .columnTypes(column -> ColumnType.STRING).build());
        for (String column : List.of("description", "diagnostic", "form", "rhythm", "diagnostic_class",
                "diagnostic_subclass")) {
            if (!table.columnNames().contains(column)) {
                throw new IllegalArgumentException(file + " has no '" + column + "' column; its columns are "
                        + table.columnNames());
            }
        }
        Map<String, Statement> byCode = new LinkedHashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            // the code column has an empty name in the file
            String code = table.stringColumn(0).get(row).strip();
            byCode.put(code, new Statement(code, table.stringColumn("description").get(row),
                    flag(table, "diagnostic", row), flag(table, "form", row), flag(table, "rhythm", row),
                    table.stringColumn("diagnostic_class").get(row).strip(),
                    table.stringColumn("diagnostic_subclass").get(row).strip()));
        }
        return new ScpStatements(byCode);
    }

    private static boolean flag(Table table, String column, int row) {
        String value = table.stringColumn(column).get(row).strip();
        return !value.isEmpty() && Double.parseDouble(value) == 1.0;
    }

    public Optional<Statement> statement(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<Statement> statements() {
        return byCode.values();
    }

    /**
     * The classes of a task, sorted as the benchmark's MultiLabelBinarizer sorts them, taken from this table (so a
     * subset of the records has the same columns as the full data set).
     */
    public List<String> classes(PtbXlTask task) {
        TreeSet<String> classes = new TreeSet<>();
        byCode.values().forEach(s -> classes.addAll(labels(task, List.of(s.code()))));
        return List.copyOf(classes);
    }

    /** The task's labels of a record with these SCP codes (unknown codes are the caller's error to report). */
    public TreeSet<String> labels(PtbXlTask task, Collection<String> codes) {
        TreeSet<String> out = new TreeSet<>();
        for (String code : codes) {
            Statement s = byCode.get(code);
            if (s == null) {
                continue;
            }
            switch (task) {
                case ALL -> out.add(code);
                case DIAGNOSTIC -> addIf(out, s.diagnostic(), code);
                case SUBDIAGNOSTIC -> addIf(out, s.diagnostic(), s.diagnosticSubclass());
                case SUPERDIAGNOSTIC -> addIf(out, s.diagnostic(), s.diagnosticClass());
                case FORM -> addIf(out, s.form(), code);
                case RHYTHM -> addIf(out, s.rhythm(), code);
            }
        }
        return out;
    }

    private static void addIf(TreeSet<String> out, boolean condition, String label) {
        if (condition && !label.isEmpty()) {
            out.add(label);
        }
    }
}
