package org.ecgkit.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.ecgkit.data.DType;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Manifest;
import org.ecgkit.data.Metadata;
import org.ecgkit.data.NpyFile;
import org.ecgkit.data.Task;
import org.ecgkit.notebook.Progress;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Integrity checks of a dataset directory before any training: structure (shapes, types, row counts, ids), content
 * (NaN/Inf, flat or saturated leads, amplitudes out of range, duplicate records) and labels (unknown classes, empty
 * multi-hot rows, balance, patient leakage between splits). Files are inspected one by one, so a dataset that
 * {@link EcgDataset#open} refuses can still be checked, and every problem is reported at once.
 *
 * <pre>{@code
 * Table findings = DataCheck.of(dataset).run();
 * }</pre>
 */
public final class DataCheck {

    private static final int EXAMPLES = 5;
    private static final Set<String> SPLITS = Set.of("train", "val", "test");
    private static final int SEGMENTS = 10;
    private static final int NEAR_DUPLICATE_SEGMENTS = 8;
    /** Hash given to segments without signal (padding, disconnected leads), which prove nothing about identity. */
    private static final long FLAT_SEGMENT = 0;

    private final Path directory;
    private double amplitudeLimit = 10.0;
    private double flatPeakToPeak = 0.02;
    private double saturationSeconds = 0.05;
    private double imbalanceRatio = 10.0;
    private List<Finding> findings;

    private DataCheck(Path directory) {
        this.directory = directory;
    }

    /** Checks an opened dataset's directory. */
    public static DataCheck of(EcgDataset dataset) {
        return new DataCheck(dataset.directory());
    }

    /** Checks a dataset directory, even one whose files disagree so much that it cannot be opened. */
    public static DataCheck of(Path directory) {
        return new DataCheck(directory);
    }

    /** Largest plausible absolute amplitude in mV (default 10). */
    public DataCheck amplitudeLimit(double mV) {
        this.amplitudeLimit = mV;
        return this;
    }

    /** A lead whose peak-to-peak amplitude is below this many mV counts as flat (default 0.02). */
    public DataCheck flatPeakToPeak(double mV) {
        this.flatPeakToPeak = mV;
        return this;
    }

    /** A lead that stays at its extreme value this long counts as saturated (default 0.05 s). */
    public DataCheck saturationSeconds(double seconds) {
        this.saturationSeconds = seconds;
        return this;
    }

    /** Largest to smallest class count above which the balance check warns (default 10). */
    public DataCheck imbalanceRatio(double ratio) {
        this.imbalanceRatio = ratio;
        return this;
    }

    /** Runs every check; one row per check or problem: check, severity, records, examples, message. */
    public Table run() {
        findings = new Inspection().findings();
        return table(findings);
    }

    /** The findings of the last run (running the checks first if needed). */
    public List<Finding> findings() {
        if (findings == null) {
            run();
        }
        return findings;
    }

    /** True when no check reported an error. */
    public boolean passed() {
        return findings().stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** One line: passed or failed, with the counts of errors and warnings. */
    public String summary() {
        long errors = findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        return String.format(Locale.ROOT, "%s: %s, %d error%s, %d warning%s", directory.getFileName(),
                passed() ? "PASSED" : "FAILED", errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    }

    private Table table(List<Finding> list) {
        Table table = Table.create("data check " + summary(),
                StringColumn.create("check", list.stream().map(Finding::check)),
                StringColumn.create("severity", list.stream().map(f -> f.severity().name())),
                IntColumn.create("records", list.stream().mapToInt(Finding::records).toArray()),
                StringColumn.create("examples", list.stream().map(f -> String.join(", ", f.examples()))),
                StringColumn.create("message", list.stream().map(Finding::message)));
        return table;
    }

    /** One pass over a directory's files; checks that cannot run because of an earlier error are skipped. */
    private final class Inspection {
        private final List<Finding> out = new ArrayList<>();
        private Manifest manifest;
        private NpyFile signals;
        private NpyFile labels;
        private Table metadata;
        private List<String> ids;

        List<Finding> findings() {
            try {
                readFiles();
                if (signals != null) {
                    checkSignalsShape();
                    checkRowCounts();
                    checkIds();
                    if (manifest != null && signalsShapeOk()) {
                        scanSignals();
                    }
                    checkDerivedArrays();
                }
                if (labels != null && manifest != null) {
                    checkLabels();
                }
                if (metadata != null) {
                    checkMetadata();
                }
                return out;
            } finally {
                if (signals != null) {
                    signals.close();
                }
                if (labels != null) {
                    labels.close();
                }
            }
        }

        private void readFiles() {
            if (!Files.isDirectory(directory)) {
                error("files", 0, List.of(), directory + " is not a directory");
                return;
            }
            manifest = attempt("manifest", () -> Manifest.read(directory));
            signals = attempt("signals", () -> NpyFile.open(directory.resolve(EcgDataset.SIGNALS)));
            labels = attempt("labels", () -> NpyFile.open(directory.resolve(EcgDataset.LABELS)));
            metadata = attempt("metadata", () -> Metadata.read(directory.resolve(Metadata.FILE_NAME)));
            if (metadata != null && metadata.columnNames().contains(Metadata.ID)) {
                ids = metadata.stringColumn(Metadata.ID).asList();
            }
        }

        private <T> T attempt(String check, java.util.function.Supplier<T> read) {
            try {
                T value = read.get();
                add(Finding.ok(check, "readable"));
                return value;
            } catch (IllegalArgumentException | UncheckedIOException e) {
                error(check, 0, List.of(), e.getMessage());
                return null;
            }
        }

        private boolean signalsShapeOk() {
            long[] shape = signals.shape();
            return shape.length == 3 && shape[1] == manifest.leads().size()
                    && (signals.dtype() == DType.FLOAT32 || signals.dtype() == DType.FLOAT64 || signals.dtype() == DType.INT16);
        }

        private void checkSignalsShape() {
            String check = "signal shape and type";
            List<String> problems = new ArrayList<>();
            long[] shape = signals.shape();
            if (shape.length != 3) {
                problems.add(EcgDataset.SIGNALS + " has shape " + signals.shapeText() + "; expected [records, leads, samples]");
            } else if (manifest != null) {
                if (shape[1] != manifest.leads().size()) {
                    problems.add(EcgDataset.SIGNALS + " has " + shape[1] + " leads but " + Manifest.FILE_NAME + " names "
                            + manifest.leads().size());
                }
                if (manifest.samples() > 0 && shape[2] != manifest.samples()) {
                    problems.add(EcgDataset.SIGNALS + " has " + shape[2] + " samples per lead but " + Manifest.FILE_NAME
                            + " says " + manifest.samples());
                }
            }
            DType type = signals.dtype();
            if (type != DType.FLOAT32 && type != DType.FLOAT64 && type != DType.INT16) {
                problems.add(EcgDataset.SIGNALS + " is " + type.numpyName() + "; expected float32, float64 or int16");
            }
            if (problems.isEmpty()) {
                add(Finding.ok(check, signals.shapeText() + " " + type.numpyName()));
            } else {
                problems.forEach(p -> error(check, 0, List.of(), p));
            }
        }

        private void checkRowCounts() {
            String check = "row counts";
            List<String> problems = new ArrayList<>();
            if (labels != null && labels.rows() != signals.rows()) {
                problems.add(rowMismatch(EcgDataset.LABELS, labels.rows()));
            }
            if (metadata != null && metadata.rowCount() != signals.rows()) {
                problems.add(rowMismatch(Metadata.FILE_NAME, metadata.rowCount()));
            }
            if (problems.isEmpty()) {
                add(Finding.ok(check, String.format(Locale.ROOT, "%,d records in signals, labels and metadata", signals.rows())));
            } else {
                problems.forEach(p -> error(check, 0, List.of(), p));
            }
        }

        private String rowMismatch(String file, long rows) {
            return String.format(Locale.ROOT, "%s has %,d rows but %s has %,d", file, rows, EcgDataset.SIGNALS, signals.rows());
        }

        private void checkIds() {
            String check = "record ids";
            if (metadata == null) {
                return;
            }
            if (ids == null) {
                error(check, 0, List.of(), Metadata.FILE_NAME + " has no '" + Metadata.ID + "' column");
                return;
            }
            List<String> blank = IntStream.range(0, ids.size()).filter(i -> ids.get(i) == null || ids.get(i).isBlank())
                    .mapToObj(i -> "row " + i).toList();
            if (!blank.isEmpty()) {
                error(check, blank.size(), blank, blank.size() + " records have no id");
            }
            Map<String, List<Integer>> byId = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                byId.computeIfAbsent(ids.get(i), k -> new ArrayList<>()).add(i);
            }
            List<String> repeated = byId.entrySet().stream().filter(e -> e.getValue().size() > 1 && e.getKey() != null)
                    .map(e -> e.getKey() + " (rows " + e.getValue().stream().map(String::valueOf)
                            .collect(Collectors.joining(" ")) + ")").toList();
            if (!repeated.isEmpty()) {
                error(check, repeated.size(), repeated, repeated.size() + " ids appear on more than one row of "
                        + Metadata.FILE_NAME + "; ids must be unique");
            }
            if (blank.isEmpty() && repeated.isEmpty()) {
                add(Finding.ok(check, String.format(Locale.ROOT, "%,d unique ids", ids.size())));
            }
        }

        /** Per record and lead: non-finite values, flat or saturated leads, extreme amplitudes, content hash. */
        private void scanSignals() {
            int n = Math.toIntExact(signals.rows());
            int leads = manifest.leads().size();
            int samples = Math.toIntExact(signals.shape()[2]);
            double scale = manifest.signalScale();
            boolean millivolts = manifest.units().equalsIgnoreCase("mV");
            int saturationRun = Math.max(5, (int) Math.round(saturationSeconds * manifest.samplingRate()));
            RecordScan[] scans = new RecordScan[n];
            try (Progress progress = Progress.start("checking " + directory.getFileName(), n)) {
                IntStream.range(0, n).parallel().forEach(row -> {
                    scans[row] = scan(row, leads, samples, scale, saturationRun);
                    progress.step(1);
                });
            }
            report("non-finite values", Severity.ERROR, scans, s -> s.nonFinite,
                    "records hold NaN or infinite samples (lead: count)");
            report("flat leads", Severity.WARNING, scans, s -> s.flat,
                    "records have a lead whose peak-to-peak amplitude is below " + flatPeakToPeak + " " + manifest.units()
                            + " (disconnected electrode?)");
            report("saturated leads", Severity.WARNING, scans, s -> s.saturated,
                    "records have a lead stuck at its extreme value for " + saturationRun + " samples or more (clipping)");
            if (millivolts) {
                report("amplitude range", Severity.WARNING, scans, s -> s.outOfRange,
                        "records exceed ±" + amplitudeLimit + " mV, beyond any physiological ECG (wrong units or gain?)");
            }
            Map<String, List<Integer>> byHash = new HashMap<>();
            for (int row = 0; row < n; row++) {
                byHash.computeIfAbsent(scans[row].hash, h -> new ArrayList<>()).add(row);
            }
            List<List<Integer>> groups = byHash.values().stream().filter(g -> g.size() > 1)
                    .sorted((a, b) -> Integer.compare(a.get(0), b.get(0))).toList();
            if (groups.isEmpty()) {
                add(Finding.ok("duplicate records", "no two records have identical signals"));
            } else {
                int affected = groups.stream().mapToInt(List::size).sum();
                List<String> examples = groups.stream().map(g -> g.stream().map(this::name)
                        .collect(Collectors.joining("="))).toList();
                long crossing = groups.stream().filter(this::crossesSplits).count();
                add(new Finding("duplicate records", crossing > 0 ? Severity.ERROR : Severity.WARNING, affected, head(examples),
                        groups.size() + " groups of records have identical signals" + crossingText(crossing)
                                + ": remove them or keep each group in one split"));
            }
            reportNearDuplicates(scans);
        }

        /**
         * Records that agree exactly in most of their time segments but not all: the same recording saved twice with
         * a few samples edited (PTB-XL has such pairs), which a whole-record hash cannot see.
         */
        private void reportNearDuplicates(RecordScan[] scans) {
            Map<Long, List<Integer>> bySegment = new HashMap<>();
            for (int row = 0; row < scans.length; row++) {
                long[] segments = scans[row].segments;
                for (int s = 0; s < segments.length; s++) {
                    if (segments[s] != FLAT_SEGMENT) {
                        bySegment.computeIfAbsent(segments[s] * 31 + s, k -> new ArrayList<>()).add(row);
                    }
                }
            }
            Map<Long, Integer> shared = new HashMap<>();
            for (List<Integer> rows : bySegment.values()) {
                for (int i = 0; i < rows.size(); i++) {
                    for (int j = i + 1; j < rows.size(); j++) {
                        shared.merge(((long) rows.get(i) << 32) | rows.get(j), 1, Integer::sum);
                    }
                }
            }
            List<int[]> pairs = shared.entrySet().stream()
                    .filter(e -> e.getValue() >= NEAR_DUPLICATE_SEGMENTS)
                    .map(e -> new int[] {(int) (e.getKey() >>> 32), (int) (long) e.getKey()})
                    .filter(p -> !scans[p[0]].hash.equals(scans[p[1]].hash))
                    .sorted((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]))
                    .toList();
            if (pairs.isEmpty()) {
                add(Finding.ok("near-duplicate records", "no two records share " + NEAR_DUPLICATE_SEGMENTS + " of "
                        + SEGMENTS + " time segments"));
                return;
            }
            int affected = (int) pairs.stream().flatMapToInt(Arrays::stream).distinct().count();
            long crossing = pairs.stream().filter(p -> crossesSplits(List.of(p[0], p[1]))).count();
            add(new Finding("near-duplicate records", crossing > 0 ? Severity.ERROR : Severity.WARNING, affected,
                    head(pairs.stream().map(p -> name(p[0]) + "≈" + name(p[1])).toList()),
                    pairs.size() + " pairs of records are identical in at least " + NEAR_DUPLICATE_SEGMENTS + " of their "
                            + SEGMENTS + " time segments but not all: the same recording, edited" + crossingText(crossing)));
        }

        private RecordScan scan(int row, int leads, int samples, double scale, int saturationRun) {
            float[] values = signals.readRow(row);
            RecordScan scan = new RecordScan();
            List<String> nonFinite = new ArrayList<>();
            List<String> flat = new ArrayList<>();
            List<String> saturated = new ArrayList<>();
            List<String> outOfRange = new ArrayList<>();
            for (int lead = 0; lead < leads; lead++) {
                int from = lead * samples;
                int bad = 0;
                float min = Float.POSITIVE_INFINITY;
                float max = Float.NEGATIVE_INFINITY;
                for (int i = from; i < from + samples; i++) {
                    float v = values[i];
                    if (!Float.isFinite(v)) {
                        bad++;
                    } else {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                String lead1 = manifest.leads().get(lead);
                if (bad > 0) {
                    nonFinite.add(lead1 + ": " + bad);
                }
                if (bad == samples) {
                    continue;
                }
                double peakToPeak = (max - min) * scale;
                if (peakToPeak < flatPeakToPeak) {
                    flat.add(lead1);
                    continue;
                }
                if (longestRunAt(values, from, samples, max) >= saturationRun
                        || longestRunAt(values, from, samples, min) >= saturationRun) {
                    saturated.add(lead1);
                }
                if (Math.max(Math.abs(min), Math.abs(max)) * scale > amplitudeLimit) {
                    outOfRange.add(lead1 + String.format(Locale.ROOT, " %.1f", Math.max(Math.abs(min), Math.abs(max)) * scale));
                }
            }
            scan.nonFinite = nonFinite;
            scan.flat = flat;
            scan.saturated = saturated;
            scan.outOfRange = outOfRange;
            scan.hash = sha256(signals.rowBytes(row));
            scan.segments = segmentHashes(values, leads, samples);
            return scan;
        }

        private void report(String check, Severity severity, RecordScan[] scans,
                            java.util.function.Function<RecordScan, List<String>> problems, String message) {
            List<String> examples = new ArrayList<>();
            int affected = 0;
            for (int row = 0; row < scans.length; row++) {
                List<String> p = problems.apply(scans[row]);
                if (!p.isEmpty()) {
                    affected++;
                    if (examples.size() < EXAMPLES) {
                        examples.add(name(row) + " (" + String.join(", ", p) + ")");
                    }
                }
            }
            if (affected == 0) {
                add(Finding.ok(check, "none"));
            } else {
                add(new Finding(check, severity, affected, examples, affected + " " + message));
            }
        }

        private void checkDerivedArrays() {
            List<Path> arrays;
            try (Stream<Path> files = Files.list(directory)) {
                arrays = files.filter(p -> p.getFileName().toString().endsWith(".npy"))
                        .filter(p -> !p.getFileName().toString().equals(EcgDataset.SIGNALS)
                                && !p.getFileName().toString().equals(EcgDataset.LABELS))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + directory, e);
            }
            for (Path file : arrays) {
                String name = file.getFileName().toString();
                String check = "derived array " + name;
                NpyFile array;
                try {
                    array = NpyFile.open(file);
                } catch (IllegalArgumentException e) {
                    error(check, 0, List.of(), e.getMessage());
                    continue;
                }
                try (array) {
                    if (array.rows() != signals.rows()) {
                        error(check, 0, List.of(), rowMismatch(name, array.rows()));
                        continue;
                    }
                    List<String> bad = new ArrayList<>();
                    int affected = 0;
                    for (long row = 0; row < array.rows(); row++) {
                        float[] values = array.readRow(row);
                        int count = 0;
                        for (float v : values) {
                            count += Float.isFinite(v) ? 0 : 1;
                        }
                        if (count > 0) {
                            affected++;
                            if (bad.size() < EXAMPLES) {
                                bad.add(name((int) row) + " (" + count + ")");
                            }
                        }
                    }
                    if (affected > 0) {
                        error(check, affected, bad, affected + " rows of " + name + " hold NaN or infinite values");
                    } else {
                        add(Finding.ok(check, array.shapeText() + " " + array.dtype().numpyName() + ", all finite"));
                    }
                }
            }
        }

        private void checkLabels() {
            int k = manifest.classes().size();
            long[] shape = labels.shape();
            if (manifest.task() == Task.MULTICLASS && shape.length != 1) {
                error("labels", 0, List.of(), EcgDataset.LABELS + " has shape " + labels.shapeText()
                        + " but a multiclass task needs one class index per record");
                return;
            }
            if (manifest.task() == Task.MULTILABEL && (shape.length != 2 || shape[1] != k)) {
                error("labels", 0, List.of(), EcgDataset.LABELS + " has shape " + labels.shapeText()
                        + " but a multilabel task with " + k + " classes needs (records, " + k + ")");
                return;
            }
            float[] all = labels.readAll();
            int rows = Math.toIntExact(labels.rows());
            int[] counts = new int[k];
            List<String> unknown = new ArrayList<>();
            List<String> empty = new ArrayList<>();
            int unknownCount = 0;
            int emptyCount = 0;
            for (int r = 0; r < rows; r++) {
                if (manifest.task() == Task.MULTICLASS) {
                    float v = all[r];
                    if (v != Math.rint(v) || v < 0 || v >= k) {
                        unknownCount++;
                        if (unknown.size() < EXAMPLES) {
                            unknown.add(name(r) + " (" + v + ")");
                        }
                    } else {
                        counts[(int) v]++;
                    }
                } else {
                    boolean any = false;
                    for (int c = 0; c < k; c++) {
                        float v = all[r * k + c];
                        if (v != 0 && v != 1) {
                            unknownCount++;
                            if (unknown.size() < EXAMPLES) {
                                unknown.add(name(r) + " (" + manifest.classes().get(c) + "=" + v + ")");
                            }
                        } else if (v == 1) {
                            counts[c]++;
                            any = true;
                        }
                    }
                    if (!any) {
                        emptyCount++;
                        if (empty.size() < EXAMPLES) {
                            empty.add(name(r));
                        }
                    }
                }
            }
            if (unknownCount > 0) {
                error("label values", unknownCount, unknown, unknownCount + (manifest.task() == Task.MULTICLASS
                        ? " labels are not a class index 0.." + (k - 1) + " of " + manifest.classes()
                        : " multi-hot entries are neither 0 nor 1"));
            } else {
                add(Finding.ok("label values", "every label names one of " + k + " classes"));
            }
            if (manifest.task() == Task.MULTILABEL) {
                if (emptyCount > 0) {
                    add(new Finding("empty labels", Severity.WARNING, emptyCount, empty,
                            emptyCount + " records have no positive class"));
                } else {
                    add(Finding.ok("empty labels", "every record has at least one class"));
                }
            }
            checkBalance(counts);
        }

        private void checkBalance(int[] counts) {
            List<String> classes = manifest.classes();
            List<String> missing = IntStream.range(0, counts.length).filter(c -> counts[c] == 0)
                    .mapToObj(classes::get).toList();
            String distribution = IntStream.range(0, counts.length).mapToObj(c -> classes.get(c) + " " + counts[c])
                    .collect(Collectors.joining(", "));
            if (!missing.isEmpty()) {
                add(new Finding("class balance", Severity.WARNING, 0, missing,
                        missing.size() + " classes have no record: " + distribution));
                return;
            }
            int max = Arrays.stream(counts).max().orElse(0);
            int min = Arrays.stream(counts).min().orElse(0);
            if (max > imbalanceRatio * min) {
                add(new Finding("class balance", Severity.WARNING, 0, List.of(), String.format(Locale.ROOT,
                        "largest class is %.1f× the smallest (%s): consider class weights", (double) max / min, distribution)));
            } else {
                add(Finding.ok("class balance", distribution));
            }
        }

        private void checkMetadata() {
            List<String> columns = metadata.columnNames();
            List<String> withMissing = columns.stream().filter(c -> metadata.column(c).countMissing() > 0)
                    .map(c -> c + ": " + metadata.column(c).countMissing()).toList();
            if (!withMissing.isEmpty()) {
                add(new Finding("missing metadata", Severity.INFO, 0, withMissing,
                        "columns with missing values (model inputs fill them with the training mean)"));
            }
            if (columns.contains(Metadata.AGE) && metadata.column(Metadata.AGE).type().name().equals("DOUBLE")) {
                var age = metadata.doubleColumn(Metadata.AGE);
                List<Integer> odd = IntStream.range(0, age.size()).filter(i -> !age.isMissing(i))
                        .filter(i -> age.get(i) < 0 || age.get(i) > 120).boxed().toList();
                if (!odd.isEmpty()) {
                    add(new Finding("age range", Severity.WARNING, odd.size(),
                            head(odd.stream().map(i -> name(i) + " (" + age.get(i) + ")").toList()),
                            odd.size() + " records have an age outside 0–120 years (PTB-XL codes ages over 89 as 300)"));
                }
            }
            if (columns.contains(Metadata.SPLIT)) {
                checkSplits();
            }
        }

        private void checkSplits() {
            StringColumn split = metadata.stringColumn(Metadata.SPLIT);
            List<Integer> unknown = IntStream.range(0, split.size()).filter(i -> !SPLITS.contains(split.get(i)))
                    .boxed().toList();
            if (!unknown.isEmpty()) {
                add(new Finding("split names", Severity.WARNING, unknown.size(),
                        head(unknown.stream().map(i -> name(i) + " (" + split.get(i) + ")").toList()),
                        unknown.size() + " records have a split other than train, val or test"));
            }
            if (!metadata.columnNames().contains(Metadata.PATIENT_ID)) {
                add(new Finding("patient leakage", Severity.INFO, 0, List.of(),
                        "no patient_id column: leakage between splits cannot be checked"));
                return;
            }
            StringColumn patient = metadata.stringColumn(Metadata.PATIENT_ID);
            Map<String, TreeSet<String>> splitsOfPatient = new TreeMap<>();
            Map<String, List<Integer>> rowsOfPatient = new HashMap<>();
            for (int i = 0; i < patient.size(); i++) {
                if (patient.isMissing(i)) {
                    continue;
                }
                splitsOfPatient.computeIfAbsent(patient.get(i), p -> new TreeSet<>()).add(split.get(i));
                rowsOfPatient.computeIfAbsent(patient.get(i), p -> new ArrayList<>()).add(i);
            }
            List<String> leaking = splitsOfPatient.entrySet().stream().filter(e -> e.getValue().size() > 1)
                    .map(e -> "patient " + e.getKey() + " in " + String.join("+", e.getValue())).toList();
            if (leaking.isEmpty()) {
                add(Finding.ok("patient leakage", String.format(Locale.ROOT,
                        "%,d patients, each within one split", splitsOfPatient.size())));
            } else {
                int records = splitsOfPatient.entrySet().stream().filter(e -> e.getValue().size() > 1)
                        .mapToInt(e -> rowsOfPatient.get(e.getKey()).size()).sum();
                error("patient leakage", records, head(leaking), leaking.size()
                        + " patients have records in more than one split: evaluation would see patients it trained on");
            }
        }

        /** Whether copies of one recording sit in different splits: the test set would contain training data. */
        private boolean crossesSplits(List<Integer> rows) {
            if (metadata == null || !metadata.columnNames().contains(Metadata.SPLIT) || metadata.rowCount() != signals.rows()) {
                return false;
            }
            StringColumn split = metadata.stringColumn(Metadata.SPLIT);
            return rows.stream().map(split::get).distinct().count() > 1;
        }

        private static String crossingText(long crossing) {
            return crossing == 0 ? "" : " (" + crossing + " of them across splits: the evaluation would see training data)";
        }

        private String name(int row) {
            return ids != null && row < ids.size() && ids.get(row) != null ? ids.get(row) : "row " + row;
        }

        private void error(String check, int records, List<String> examples, String message) {
            add(new Finding(check, Severity.ERROR, records, head(examples), message));
        }

        private void add(Finding finding) {
            out.add(finding);
        }
    }

    private static List<String> head(List<String> examples) {
        return examples.size() <= EXAMPLES ? examples : examples.subList(0, EXAMPLES);
    }

    private static int longestRunAt(float[] values, int from, int length, float target) {
        int best = 0;
        int run = 0;
        for (int i = from; i < from + length; i++) {
            run = values[i] == target ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    /** A 64-bit hash of each tenth of the record's duration, all leads together; flat segments get FLAT_SEGMENT. */
    private static long[] segmentHashes(float[] values, int leads, int samples) {
        long[] hashes = new long[SEGMENTS];
        for (int s = 0; s < SEGMENTS; s++) {
            int from = s * samples / SEGMENTS;
            int to = (s + 1) * samples / SEGMENTS;
            long hash = 0xcbf29ce484222325L;
            boolean varies = false;
            for (int lead = 0; lead < leads; lead++) {
                int base = lead * samples;
                for (int i = from; i < to; i++) {
                    // FNV-1a over the raw bits: equal values hash equally, no tolerance is wanted here
                    hash = (hash ^ Float.floatToRawIntBits(values[base + i])) * 0x100000001b3L;
                    varies |= values[base + i] != values[base + from];
                }
            }
            hashes[s] = varies ? (hash == FLAT_SEGMENT ? 1 : hash) : FLAT_SEGMENT;
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static final class RecordScan {
        List<String> nonFinite;
        List<String> flat;
        List<String> saturated;
        List<String> outOfRange;
        String hash;
        long[] segments;
    }
}
