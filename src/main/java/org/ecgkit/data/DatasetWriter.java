package org.ecgkit.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a dataset record by record without knowing the record count up front. Signals are spooled to a temporary
 * file and become {@code signals.npy} on {@link #close()}; the manifest is written last, so an interrupted write
 * never leaves a directory that opens as a dataset.
 *
 * <pre>{@code
 * try (var writer = EcgDataset.create(dir, manifest)) {
 *     writer.add("rec-1", signal, 0, Map.of("age", 63, "sex", "F", "split", "train"));
 * }
 * }</pre>
 */
public final class DatasetWriter implements AutoCloseable {

    private final Path directory;
    private final Manifest manifest;
    private final Path spool;
    private final FileChannel spoolOut;
    private DType signalType = DType.FLOAT32;
    private int samples;
    private int records;
    private final List<int[]> labels = new ArrayList<>();
    private final List<Map<String, Object>> metadata = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private boolean closed;

    DatasetWriter(Path directory, Manifest manifest) {
        this.directory = directory;
        this.manifest = manifest;
        this.samples = manifest.samples();
        this.spool = directory.resolve(".signals.spool");
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(directory.resolve(Manifest.FILE_NAME));
            spoolOut = FileChannel.open(spool, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create dataset in " + directory, e);
        }
    }

    /**
     * Stores signals as this type: {@code FLOAT32} (default), {@code FLOAT64}, or {@code INT16}, in which case values
     * are divided by the manifest's {@code signalScale} and rounded (the ADC counts of a WFDB record).
     */
    public DatasetWriter signalType(DType type) {
        if (records > 0) {
            throw new IllegalStateException("set the signal type before adding records");
        }
        if (type != DType.FLOAT32 && type != DType.FLOAT64 && type != DType.INT16) {
            throw new IllegalArgumentException("signals are stored as float32, float64 or int16, not " + type.numpyName());
        }
        this.signalType = type;
        return this;
    }

    /** Adds a record of a multi-class dataset. */
    public DatasetWriter add(String id, float[][] signal, int label, Map<String, ?> meta) {
        if (manifest.task() != Task.MULTICLASS) {
            throw new IllegalStateException("record " + id + ": a multilabel dataset takes a set of class indices");
        }
        checkClass(id, label);
        return append(id, signal, new int[] {label}, meta);
    }

    /** Adds a record of a multi-label dataset with the indices of its positive classes (possibly none). */
    public DatasetWriter add(String id, float[][] signal, int[] positiveClasses, Map<String, ?> meta) {
        if (manifest.task() != Task.MULTILABEL) {
            throw new IllegalStateException("record " + id + ": a multiclass dataset takes one class index");
        }
        for (int c : positiveClasses) {
            checkClass(id, c);
        }
        return append(id, signal, positiveClasses.clone(), meta);
    }

    private void checkClass(String id, int label) {
        if (label < 0 || label >= manifest.classes().size()) {
            throw new IllegalArgumentException("record " + id + " has class " + label + " but the manifest lists "
                    + manifest.classes().size() + " classes " + manifest.classes());
        }
    }

    private DatasetWriter append(String id, float[][] signal, int[] label, Map<String, ?> meta) {
        if (closed) {
            throw new IllegalStateException("the dataset writer for " + directory + " is closed");
        }
        if (!ids.add(id)) {
            throw new IllegalArgumentException("record id " + id + " was added twice to " + directory);
        }
        if (signal.length != manifest.leads().size()) {
            throw new IllegalArgumentException("record " + id + " has " + signal.length + " leads but the manifest names "
                    + manifest.leads().size());
        }
        if (samples == 0) {
            samples = signal[0].length;
        }
        ByteBuffer bytes = ByteBuffer.allocate(signal.length * samples * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int lead = 0; lead < signal.length; lead++) {
            if (signal[lead].length != samples) {
                throw new IllegalArgumentException("record " + id + " lead " + manifest.leads().get(lead) + " has "
                        + signal[lead].length + " samples; every record of this dataset has " + samples);
            }
            bytes.asFloatBuffer().position(lead * samples).put(signal[lead]);
        }
        try {
            while (bytes.hasRemaining()) {
                spoolOut.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write record " + id + " to " + spool, e);
        }
        labels.add(label);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(Metadata.ID, id);
        if (meta != null) {
            meta.forEach((k, v) -> {
                if (!k.equals(Metadata.ID)) {
                    row.put(k, v);
                }
            });
        }
        metadata.add(row);
        records++;
        return this;
    }

    /** Number of records added so far. */
    public int size() {
        return records;
    }

    /** Writes signals, labels, metadata and, last, the manifest. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            spoolOut.close();
            if (records == 0) {
                throw new IllegalStateException("no records were added to " + directory);
            }
            writeSignals();
            writeLabels();
            Metadata.write(metadataTable(), directory.resolve(Metadata.FILE_NAME));
            manifest.toBuilder().samples(samples).build().write(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish dataset " + directory, e);
        } finally {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException ignored) {
                // the spool is a hidden temporary file; a leftover one is overwritten by the next writer
            }
        }
    }

    private void writeSignals() throws IOException {
        int leads = manifest.leads().size();
        int rowLength = leads * samples;
        float scale = (float) manifest.signalScale();
        try (FileChannel in = FileChannel.open(spool, StandardOpenOption.READ);
             NpyWriter out = NpyFile.create(directory.resolve(EcgDataset.SIGNALS), signalType, records, leads, samples)) {
            ByteBuffer buffer = ByteBuffer.allocate(rowLength * 4).order(ByteOrder.LITTLE_ENDIAN);
            float[] row = new float[rowLength];
            for (int r = 0; r < records; r++) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    if (in.read(buffer) < 0) {
                        throw new IOException("spool of " + directory + " ended early at record " + r);
                    }
                }
                buffer.flip();
                buffer.asFloatBuffer().get(row);
                if (signalType == DType.INT16) {
                    for (int i = 0; i < rowLength; i++) {
                        row[i] = Math.round(row[i] / scale);
                    }
                }
                out.writeRow(r, row);
            }
        }
    }

    private void writeLabels() {
        Path file = directory.resolve(EcgDataset.LABELS);
        if (manifest.task() == Task.MULTICLASS) {
            NpyFile.write(file, labels.stream().mapToInt(l -> l[0]).toArray(), DType.INT32, records);
        } else {
            int k = manifest.classes().size();
            int[] multiHot = new int[records * k];
            for (int r = 0; r < records; r++) {
                for (int c : labels.get(r)) {
                    multiHot[r * k + c] = 1;
                }
            }
            NpyFile.write(file, multiHot, DType.UINT8, records, k);
        }
    }

    private Table metadataTable() {
        Set<String> columns = new LinkedHashSet<>();
        metadata.forEach(row -> columns.addAll(row.keySet()));
        Table table = Table.create(Metadata.FILE_NAME);
        for (String name : columns) {
            boolean numeric = !name.equals(Metadata.ID) && metadata.stream()
                    .map(row -> row.get(name)).allMatch(v -> v == null || v instanceof Number);
            Column<?> column;
            if (numeric) {
                DoubleColumn doubles = DoubleColumn.create(name);
                metadata.forEach(row -> {
                    Object v = row.get(name);
                    if (v == null) {
                        doubles.appendMissing();
                    } else {
                        doubles.append(((Number) v).doubleValue());
                    }
                });
                column = doubles;
            } else {
                StringColumn strings = StringColumn.create(name);
                metadata.forEach(row -> {
                    Object v = row.get(name);
                    if (v == null) {
                        strings.appendMissing();
                    } else {
                        strings.append(v.toString());
                    }
                });
                column = strings;
            }
            table.addColumns(column);
        }
        return table;
    }
}
