package org.ecgkit.data.ptbxl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ecgkit.data.wfdb.WfdbReader;
import org.ecgkit.data.wfdb.WfdbRecord;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The PTB-XL database (Wagner et al. 2020) as PhysioNet distributes it: {@code ptbxl_database.csv},
 * {@code scp_statements.csv} and the WFDB records under {@code records100/} and {@code records500/}.
 *
 * <pre>{@code
 * PtbXl ptbxl = PtbXl.open(SharedData.dataSet("ptbxl-500"));
 * ptbxl.metadata();                                           // Table: ecg_id, patient_id, age, sex, ..., split
 * ptbxl.labels(PtbXlTask.SUPERDIAGNOSTIC).labelledOnly();     // the benchmark's targets
 * ptbxl.converter(PtbXl.Rate.HZ_100, PtbXlTask.SUPERDIAGNOSTIC).convert(Path.of("data/ptbxl-100-super"));
 * }</pre>
 *
 * <p>Label policy, as the benchmark's {@code compute_label_aggregations}: every key of {@code scp_codes} counts,
 * whatever its likelihood value (0 included); see {@link PtbXlTask}. Splits: {@code strat_fold} 1-8 train, 9
 * validation, 10 test.
 */
public final class PtbXl {

    public static final String DATABASE = "ptbxl_database.csv";
    public static final String STATEMENTS = "scp_statements.csv";
    /** The recording-quality columns of the database, kept as text (they name the affected leads). */
    public static final List<String> QUALITY_COLUMNS = List.of("baseline_drift", "static_noise", "burst_noise",
            "electrodes_problems", "extra_beats", "pacemaker");

    /** The two sampling rates PTB-XL ships. */
    public enum Rate {
        HZ_100(100), HZ_500(500);

        private final int hertz;

        Rate(int hertz) {
            this.hertz = hertz;
        }

        public int hertz() {
            return hertz;
        }
    }

    private static final Pattern SCP_ENTRY = Pattern.compile("'([^']+)'\\s*:\\s*([-+0-9.eE]+)");

    private final Path root;
    private final List<PtbXlRecord> records;
    private final Map<Integer, PtbXlRecord> byId = new LinkedHashMap<>();
    private final ScpStatements statements;

    private PtbXl(Path root, List<PtbXlRecord> records, ScpStatements statements) {
        this.root = root;
        this.records = List.copyOf(records);
        this.statements = statements;
        records.forEach(r -> byId.put(r.ecgId(), r));
    }

    /** Opens a PTB-XL folder (the one holding {@value #DATABASE}); signal files are read on demand. */
    public static PtbXl open(Path root) {
        Path database = root.resolve(DATABASE);
        Path statementsFile = root.resolve(STATEMENTS);
        for (Path required : List.of(database, statementsFile)) {
            if (!Files.isRegularFile(required)) {
                throw new IllegalArgumentException(root + " is not a PTB-XL folder: " + required.getFileName()
                        + " is missing");
            }
        }
        ScpStatements statements = ScpStatements.read(statementsFile);
        return new PtbXl(root, readDatabase(database, statements), statements);
    }

    private static List<PtbXlRecord> readDatabase(Path file, ScpStatements statements) {
        Table table = Table.read().usingOptions(CsvReadOptions.builder(file.toFile())
                .columnTypes(column -> ColumnType.STRING).maxCharsPerColumn(1 << 16).build());
        List<String> required = new ArrayList<>(List.of("ecg_id", "patient_id", "age", "sex", "height", "weight",
                "scp_codes", "strat_fold", "filename_lr", "filename_hr"));
        required.addAll(QUALITY_COLUMNS);
        for (String column : required) {
            if (!table.columnNames().contains(column)) {
                throw new IllegalArgumentException(file + " has no '" + column + "' column");
            }
        }
        List<PtbXlRecord> out = new ArrayList<>(table.rowCount());
        for (int row = 0; row < table.rowCount(); row++) {
            double id = number(table, "ecg_id", row, file.getFileName() + " row " + (row + 1));
            if (Double.isNaN(id)) {
                throw new IllegalArgumentException(file.getFileName() + " row " + (row + 1) + " has no ecg_id");
            }
            int ecgId = (int) id;
            String where = file.getFileName() + " ecg_id " + ecgId;
            Map<String, Double> codes = scpCodes(text(table, "scp_codes", row), where);
            for (String code : codes.keySet()) {
                if (statements.statement(code).isEmpty()) {
                    throw new IllegalArgumentException(where + " has SCP code '" + code + "', which "
                            + STATEMENTS + " does not list");
                }
            }
            Map<String, String> quality = new LinkedHashMap<>();
            for (String column : QUALITY_COLUMNS) {
                quality.put(column, text(table, column, row));
            }
            double patient = number(table, "patient_id", row, where);
            double sex = number(table, "sex", row, where);
            double fold = number(table, "strat_fold", row, where);
            if (Double.isNaN(patient) || Double.isNaN(fold) || fold < 1 || fold > 10) {
                throw new IllegalArgumentException(where + " needs a patient_id and a strat_fold in 1..10");
            }
            out.add(new PtbXlRecord(ecgId, Long.toString((long) patient), number(table, "age", row, where),
                    Double.isNaN(sex) ? "" : sex == 1 ? "F" : "M", number(table, "height", row, where),
                    number(table, "weight", row, where), (int) fold, codes, quality,
                    text(table, "filename_lr", row), text(table, "filename_hr", row)));
        }
        return out;
    }

    private static String text(Table table, String column, int row) {
        return table.stringColumn(column).get(row).strip();
    }

    private static double number(Table table, String column, int row, String where) {
        String value = text(table, column, row);
        if (value.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + column + " '" + value + "' is not a number", e);
        }
    }

    /** Parses the Python dict literal of {@code scp_codes}, e.g. {@code {'NORM': 100.0, 'SR': 0.0}}. */
    static Map<String, Double> scpCodes(String text, String where) {
        String body = text.strip();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new IllegalArgumentException(where + ": scp_codes '" + text + "' is not a {code: likelihood} dict");
        }
        Map<String, Double> codes = new LinkedHashMap<>();
        Matcher m = SCP_ENTRY.matcher(body);
        int entries = 0;
        while (m.find()) {
            codes.put(m.group(1), Double.parseDouble(m.group(2)));
            entries++;
        }
        long colons = body.chars().filter(ch -> ch == ':').count();
        if (entries != colons) {
            throw new IllegalArgumentException(where + ": cannot read scp_codes '" + text + "'");
        }
        return codes;
    }

    /** "train" for folds 1-8, "val" for 9, "test" for 10: the PTB-XL benchmark's split. */
    public static String split(int strataFold) {
        if (strataFold < 1 || strataFold > 10) {
            throw new IllegalArgumentException("strat_fold " + strataFold + " is outside 1..10");
        }
        return strataFold <= 8 ? "train" : strataFold == 9 ? "val" : "test";
    }

    public Path root() {
        return root;
    }

    public List<PtbXlRecord> records() {
        return records;
    }

    public PtbXlRecord record(int ecgId) {
        PtbXlRecord record = byId.get(ecgId);
        if (record == null) {
            throw new IllegalArgumentException("ecg_id " + ecgId + " is not in " + root.resolve(DATABASE));
        }
        return record;
    }

    public ScpStatements statements() {
        return statements;
    }

    /**
     * One row per record: ecg_id, patient_id, age, sex, height, weight, the quality columns, strat_fold, split,
     * scp_codes (as {code=likelihood}) and the two file names.
     */
    public Table metadata() {
        Table table = Table.create("ptbxl metadata",
                IntColumn.create("ecg_id", records.stream().mapToInt(PtbXlRecord::ecgId).toArray()),
                StringColumn.create("patient_id", records.stream().map(PtbXlRecord::patientId)),
                DoubleColumn.create("age", records.stream().mapToDouble(PtbXlRecord::age)),
                StringColumn.create("sex", records.stream().map(PtbXlRecord::sex)),
                DoubleColumn.create("height", records.stream().mapToDouble(PtbXlRecord::height)),
                DoubleColumn.create("weight", records.stream().mapToDouble(PtbXlRecord::weight)));
        for (String column : QUALITY_COLUMNS) {
            table.addColumns(StringColumn.create(column, records.stream().map(r -> r.quality().get(column))));
        }
        return table.addColumns(
                IntColumn.create("strat_fold", records.stream().mapToInt(PtbXlRecord::strataFold).toArray()),
                StringColumn.create("split", records.stream().map(PtbXlRecord::split)),
                StringColumn.create("scp_codes", records.stream().map(r -> r.scpCodes().toString())),
                StringColumn.create("filename_lr", records.stream().map(PtbXlRecord::fileLowRate)),
                StringColumn.create("filename_hr", records.stream().map(PtbXlRecord::fileHighRate)));
    }

    /** The task's labels for every record (records without one have none: see {@link PtbXlLabels#labelledOnly()}). */
    public PtbXlLabels labels(PtbXlTask task) {
        List<String> classes = statements.classes(task);
        int[][] positives = new int[records.size()][];
        for (int i = 0; i < records.size(); i++) {
            TreeSet<String> names = statements.labels(task, records.get(i).scpCodes().keySet());
            positives[i] = names.stream().mapToInt(classes::indexOf).toArray();
        }
        return new PtbXlLabels(task, classes, records.stream().mapToInt(PtbXlRecord::ecgId).toArray(), positives);
    }

    /** The record's WFDB path without extension. */
    public Path path(PtbXlRecord record, Rate rate) {
        return root.resolve(record.file(rate));
    }

    /** Reads one record's signals (checksums verified). */
    public WfdbRecord read(int ecgId, Rate rate) {
        return WfdbReader.read(path(record(ecgId), rate));
    }

    /** Starts a conversion into the kit's dataset layout; see {@link PtbXlConverter}. */
    public PtbXlConverter converter(Rate rate, PtbXlTask task) {
        return new PtbXlConverter(this, rate, task);
    }
}
