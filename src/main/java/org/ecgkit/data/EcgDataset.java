package org.ecgkit.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An ECG dataset on disk (layout: docs/dataset-format.md): signals {@code [N, leads, samples]}, labels, metadata and
 * optional derived arrays, read row by row through memory-mapping so that datasets larger than the heap work.
 *
 * <pre>{@code
 * var dataset = EcgDataset.open(Path.of("data/synthetic"));
 * dataset.summary();                 // a Table
 * float[][] ecg = dataset.signal(0); // [lead][sample] in mV
 * }</pre>
 */
public final class EcgDataset implements AutoCloseable {

    public static final String SIGNALS = "signals.npy";
    public static final String LABELS = "labels.npy";
    public static final String SPECTROGRAMS = "spectrograms";

    private final Path directory;
    private final Manifest manifest;
    private final NpyFile signals;
    private final NpyFile labels;
    private final Table metadata;
    private final RowCache cache;
    private final ConcurrentHashMap<String, NpyFile> arrays = new ConcurrentHashMap<>();

    private EcgDataset(Path directory, Manifest manifest, NpyFile signals, NpyFile labels, Table metadata, long cacheBytes) {
        this.directory = directory;
        this.manifest = manifest;
        this.signals = signals;
        this.labels = labels;
        this.metadata = metadata;
        this.cache = new RowCache(cacheBytes);
    }

    /** Opens a dataset directory with a row cache of up to an eighth of the heap (at most 512 MB). */
    public static EcgDataset open(Path directory) {
        return open(directory, Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 8));
    }

    /**
     * Opens a dataset directory, checking that its files agree with each other: every mismatch between signals,
     * labels, metadata and manifest is an error naming both files. {@link org.ecgkit.check.DataCheck} looks deeper.
     */
    public static EcgDataset open(Path directory, long cacheBytes) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory; a dataset is a directory holding "
                    + Manifest.FILE_NAME + ", " + SIGNALS + ", " + LABELS + " and " + Metadata.FILE_NAME);
        }
        Manifest manifest = Manifest.read(directory);
        NpyFile signals = NpyFile.open(directory.resolve(SIGNALS));
        NpyFile labels = null;
        try {
            labels = NpyFile.open(directory.resolve(LABELS));
            Table metadata = Metadata.read(directory.resolve(Metadata.FILE_NAME));
            checkStructure(manifest, signals, labels, metadata);
            return new EcgDataset(directory, manifest, signals, labels, metadata, cacheBytes);
        } catch (RuntimeException e) {
            signals.close();
            if (labels != null) {
                labels.close();
            }
            throw e;
        }
    }

    /** Starts writing a new dataset into {@code directory}; see {@link DatasetWriter}. */
    public static DatasetWriter create(Path directory, Manifest manifest) {
        return new DatasetWriter(directory, manifest);
    }

    private static void checkStructure(Manifest manifest, NpyFile signals, NpyFile labels, Table metadata) {
        long[] shape = signals.shape();
        if (shape.length != 3) {
            throw new IllegalArgumentException(SIGNALS + " has shape " + signals.shapeText()
                    + "; expected [records, leads, samples]");
        }
        if (shape[1] != manifest.leads().size()) {
            throw new IllegalArgumentException(SIGNALS + " has " + shape[1] + " leads but " + Manifest.FILE_NAME
                    + " names " + manifest.leads().size() + " " + manifest.leads());
        }
        if (manifest.samples() > 0 && shape[2] != manifest.samples()) {
            throw new IllegalArgumentException(SIGNALS + " has " + shape[2] + " samples per lead but "
                    + Manifest.FILE_NAME + " says " + manifest.samples());
        }
        if (!(signals.dtype() == DType.FLOAT32 || signals.dtype() == DType.FLOAT64 || signals.dtype() == DType.INT16)) {
            throw new IllegalArgumentException(SIGNALS + " is " + signals.dtype().numpyName()
                    + "; signals must be float32, float64 or int16");
        }
        checkRows(LABELS, labels.rows(), signals.rows());
        checkRows(Metadata.FILE_NAME, metadata.rowCount(), signals.rows());
        int classes = manifest.classes().size();
        if (manifest.task() == Task.MULTICLASS && labels.shape().length != 1) {
            throw new IllegalArgumentException(LABELS + " has shape " + labels.shapeText()
                    + " but a multiclass task needs one class index per record, shape (" + signals.rows() + ",)");
        }
        if (manifest.task() == Task.MULTILABEL && (labels.shape().length != 2 || labels.shape()[1] != classes)) {
            throw new IllegalArgumentException(LABELS + " has shape " + labels.shapeText()
                    + " but a multilabel task with " + classes + " classes needs shape (" + signals.rows() + ", " + classes + ")");
        }
    }

    private static void checkRows(String file, long rows, long signalRows) {
        if (rows != signalRows) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has %,d rows but %s has %,d",
                    file, rows, SIGNALS, signalRows));
        }
    }

    public Path directory() {
        return directory;
    }

    public Manifest manifest() {
        return manifest;
    }

    public String name() {
        return manifest.name();
    }

    /** Number of records. */
    public int size() {
        return Math.toIntExact(signals.rows());
    }

    public int leads() {
        return Math.toIntExact(signals.shape()[1]);
    }

    public int samples() {
        return Math.toIntExact(signals.shape()[2]);
    }

    public double samplingRate() {
        return manifest.samplingRate();
    }

    public Task task() {
        return manifest.task();
    }

    public List<String> classes() {
        return manifest.classes();
    }

    public List<String> leadNames() {
        return manifest.leads();
    }

    /** The metadata table, one row per record (do not modify it; copy it first). */
    public Table metadata() {
        return metadata;
    }

    public String id(int row) {
        return metadata.stringColumn(Metadata.ID).get(row);
    }

    public List<String> ids() {
        return metadata.stringColumn(Metadata.ID).asList();
    }

    public NpyFile signalsFile() {
        return signals;
    }

    public NpyFile labelsFile() {
        return labels;
    }

    /** The record at {@code row} as {@code [lead][sample]} in the manifest's units (usually mV). */
    public float[][] signal(int row) {
        float[] flat = signalRow(row);
        int samples = samples();
        float[][] out = new float[leads()][];
        for (int lead = 0; lead < out.length; lead++) {
            out[lead] = Arrays.copyOfRange(flat, lead * samples, (lead + 1) * samples);
        }
        return out;
    }

    /** Copies the record at {@code row}, flattened lead after lead and scaled to units, into {@code dst}. */
    public void readSignal(int row, float[] dst, int offset) {
        float[] flat = signalRow(row);
        System.arraycopy(flat, 0, dst, offset, flat.length);
    }

    private float[] signalRow(int row) {
        float[] cached = cache.get(row);
        if (cached != null) {
            return cached;
        }
        float[] values = signals.readRow(row);
        double scale = manifest.signalScale();
        if (scale != 1.0) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (values[i] * scale);
            }
        }
        cache.put(row, values);
        return values;
    }

    /** Class index of a record of a multi-class dataset. */
    public int label(int row) {
        requireTask(Task.MULTICLASS, "label(row)");
        float value = labels.readRow(row)[0];
        return (int) value;
    }

    /** Class indices of every record of a multi-class dataset. */
    public int[] labels() {
        requireTask(Task.MULTICLASS, "labels()");
        float[] all = labels.readAll();
        int[] out = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = (int) all[i];
        }
        return out;
    }

    /** The 0/1 target vector of a record: one-hot for multi-class, the multi-hot row for multi-label. */
    public float[] target(int row) {
        float[] target = new float[classes().size()];
        if (task() == Task.MULTICLASS) {
            int label = label(row);
            if (label < 0 || label >= target.length) {
                throw new IllegalStateException(LABELS + " row " + row + " holds class " + label + " but "
                        + Manifest.FILE_NAME + " lists " + target.length + " classes");
            }
            target[label] = 1f;
        } else {
            labels.readRow(row, target, 0);
        }
        return target;
    }

    private void requireTask(Task task, String call) {
        if (task() != task) {
            throw new IllegalStateException(call + " needs a " + task.id() + " dataset; " + name() + " is " + task().id()
                    + ": use target(row)");
        }
    }

    /** A derived array such as {@code spectrograms} ({@code <name>.npy} beside the signals), if present. */
    public Optional<NpyFile> array(String name) {
        Path file = directory.resolve(name.endsWith(".npy") ? name : name + ".npy");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        NpyFile npy = arrays.computeIfAbsent(name, n -> {
            NpyFile opened = NpyFile.open(file);
            if (opened.rows() != signals.rows()) {
                opened.close();
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has %,d rows but %s has %,d",
                        file.getFileName(), opened.rows(), SIGNALS, signals.rows()));
            }
            return opened;
        });
        return Optional.of(npy);
    }

    /** A derived array that must be there: its absence is an error saying which precompute writes it. */
    public NpyFile requireArray(String name) {
        return array(name).orElseThrow(() -> new IllegalStateException(directory.resolve(name + ".npy")
                + " does not exist; compute it first (Spectrograms.precompute writes spectrograms, "
                + "FftFeatures.precompute fft, RrFeatures.precompute rr)"));
    }

    /** Forgets an opened derived array, e.g. after it was recomputed on disk. */
    public void refresh(String name) {
        NpyFile old = arrays.remove(name);
        if (old != null) {
            old.close();
        }
    }

    /** Rows whose metadata {@code split} is {@code split} ({@code train}, {@code val} or {@code test}). */
    public int[] rows(String split) {
        if (!metadata.columnNames().contains(Metadata.SPLIT)) {
            throw new IllegalStateException(Metadata.FILE_NAME + " of " + name()
                    + " has no split column; use Splits.stratified(dataset, ...) to make one");
        }
        StringColumn column = metadata.stringColumn(Metadata.SPLIT);
        int[] rows = IntStream.range(0, size()).filter(i -> split.equals(column.get(i))).toArray();
        if (rows.length == 0) {
            throw new IllegalArgumentException("no record of " + name() + " has split '" + split + "'; splits present: "
                    + column.unique().asList());
        }
        return rows;
    }

    /** Rows whose target includes class {@code className}, in order. */
    public int[] rowsOfClass(String className) {
        int c = classes().indexOf(className);
        if (c < 0) {
            throw new IllegalArgumentException(name() + " has no class " + className + "; its classes are " + classes());
        }
        return IntStream.range(0, size()).filter(row -> target(row)[c] > 0).toArray();
    }

    /** Every row index, in order. */
    public int[] allRows() {
        return IntStream.range(0, size()).toArray();
    }

    /** A dataset at a glance: property and value. */
    public Table summary() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"name", name()});
        rows.add(new String[] {"directory", directory.toString()});
        rows.add(new String[] {"records", String.format(Locale.ROOT, "%,d", size())});
        rows.add(new String[] {"leads", leads() + " " + leadNames()});
        rows.add(new String[] {"sampling rate", fmt(samplingRate()) + " Hz"});
        rows.add(new String[] {"duration", fmt(samples() / samplingRate()) + " s (" + samples() + " samples)"});
        rows.add(new String[] {"signals", signals.shapeText() + " " + signals.dtype().numpyName() + ", " + manifest.units()});
        rows.add(new String[] {"task", task().id() + ", " + classes().size() + " classes " + classes()});
        array(SPECTROGRAMS).ifPresent(s -> rows.add(new String[] {"spectrograms", s.shapeText() + " " + s.dtype().numpyName()}));
        rows.add(new String[] {"metadata", String.join(", ", metadata.columnNames())});
        if (!manifest.source().isEmpty()) {
            rows.add(new String[] {"source", manifest.source()});
        }
        Table table = Table.create(name() + " summary",
                StringColumn.create("property", rows.stream().map(r -> r[0])),
                StringColumn.create("value", rows.stream().map(r -> r[1])));
        return table;
    }

    /**
     * Loss weights that make every class count as much in total, from the labels of {@code rows} (the training
     * split): {@code rows / (classes × rows of the class)}, scikit-learn's {@code compute_class_weight("balanced")}.
     * Multi-class datasets only; a class absent from the rows is an error (its weight would be infinite).
     */
    public double[] balancedClassWeights(int[] rows) {
        requireTask(Task.MULTICLASS, "balancedClassWeights");
        int[] counts = new int[classes().size()];
        for (int row : rows) {
            counts[label(row)]++;
        }
        double[] weights = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("class " + classes().get(c) + " has no record among the " + rows.length
                        + " rows of " + name() + "; it cannot be weighted");
            }
            weights[c] = (double) rows.length / (counts.length * counts[c]);
        }
        return weights;
    }

    /** Records per class (and per split when the metadata has one). */
    public Table classCounts() {
        int k = classes().size();
        boolean hasSplit = metadata.columnNames().contains(Metadata.SPLIT);
        List<String> splits = hasSplit ? metadata.stringColumn(Metadata.SPLIT).unique().asList().stream().sorted().toList()
                : List.of();
        int[][] counts = new int[k][splits.size() + 1];
        for (int row = 0; row < size(); row++) {
            float[] target = target(row);
            int split = hasSplit ? splits.indexOf(metadata.stringColumn(Metadata.SPLIT).get(row)) : -1;
            for (int c = 0; c < k; c++) {
                if (target[c] > 0) {
                    counts[c][0]++;
                    if (split >= 0) {
                        counts[c][split + 1]++;
                    }
                }
            }
        }
        Table table = Table.create(name() + " classes", StringColumn.create("class", classes()));
        table.addColumns(IntColumn.create("records", Arrays.stream(counts).mapToInt(c -> c[0]).toArray()));
        for (int s = 0; s < splits.size(); s++) {
            int index = s + 1;
            table.addColumns(IntColumn.create(splits.get(s), Arrays.stream(counts).mapToInt(c -> c[index]).toArray()));
        }
        return table;
    }

    /** Batches for DL4J training; see {@link DatasetIterator.Builder}. */
    public DatasetIterator.Builder batches() {
        return new DatasetIterator.Builder(this);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    @Override
    public void close() {
        signals.close();
        labels.close();
        arrays.values().forEach(NpyFile::close);
        arrays.clear();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EcgDataset[%s: %,d records, %d leads × %d samples at %s Hz, %s %s]",
                name(), size(), leads(), samples(), fmt(samplingRate()), task().id(), classes());
    }
}
