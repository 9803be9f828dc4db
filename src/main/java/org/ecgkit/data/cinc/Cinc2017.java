package org.ecgkit.data.cinc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.ecgkit.data.convert.StratifiedSplit;
import org.ecgkit.data.wfdb.WfdbHeader;
import org.ecgkit.data.wfdb.WfdbReader;
import org.ecgkit.data.wfdb.WfdbRecord;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The PhysioNet/CinC Challenge 2017 training set (Clifford et al. 2017): single-lead AliveCor recordings at 300 Hz,
 * 9-61 s long, in WFDB "16+24" (MATLAB v4) files, labelled N (normal), A (atrial fibrillation), O (other rhythm) or
 * ~ (too noisy) in {@value #REFERENCE}.
 *
 * <pre>{@code
 * Cinc2017 cinc = Cinc2017.open(SharedData.dataSet("cinc2017"));
 * cinc.table();                                   // record_id, label, samples, seconds
 * cinc.split(new StratifiedSplit(0.1, 0.1, 42));  // record -> train/val/test, stratified by class
 * cinc.converter().convert(Path.of("data/cinc2017-30s"));
 * cinc.subset(600, 2017);                         // about 600 records, the same class shares, for quick runs
 * }</pre>
 */
public final class Cinc2017 {

    public static final String REFERENCE = "REFERENCE-v3.csv";
    /** The challenge's classes, in its order. */
    public static final List<String> CLASSES = List.of("N", "A", "O", "~");

    /** One labelled record: its name, class and length in samples. */
    public record Entry(String recordId, String label, int samples) {
    }

    private final Path folder;
    private final List<Entry> entries;
    private final double samplingFrequency;
    private Map<String, String> identical;

    private Cinc2017(Path folder, List<Entry> entries, double samplingFrequency) {
        this.folder = folder;
        this.entries = List.copyOf(entries);
        this.samplingFrequency = samplingFrequency;
    }

    /**
     * Opens the folder holding {@value #REFERENCE} and the records, or its parent when the records are in
     * {@code training/} (PhysioNet's layout). Reads every header, so a record listed without one is an error here.
     */
    public static Cinc2017 open(Path folder) {
        Path records = Files.isRegularFile(folder.resolve(REFERENCE)) ? folder : folder.resolve("training");
        Path reference = records.resolve(REFERENCE);
        if (!Files.isRegularFile(reference)) {
            throw new IllegalArgumentException("no " + REFERENCE + " in " + folder + " or " + folder.resolve("training")
                    + ": not a CinC 2017 folder");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(reference, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + reference, e);
        }
        List<Entry> entries = new ArrayList<>();
        double frequency = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",");
            if (fields.length != 2 || !CLASSES.contains(fields[1].strip())) {
                throw new IllegalArgumentException(REFERENCE + " line " + (i + 1) + " is '" + line
                        + "'; expected 'record,label' with a label in " + CLASSES);
            }
            String id = fields[0].strip();
            Path header = records.resolve(id + ".hea");
            if (!Files.isRegularFile(header)) {
                throw new IllegalArgumentException(REFERENCE + " line " + (i + 1) + " names record " + id
                        + " but " + header + " does not exist");
            }
            WfdbHeader parsed = WfdbHeader.read(header);
            if (frequency == 0) {
                frequency = parsed.samplingFrequency();
            } else if (parsed.samplingFrequency() != frequency) {
                throw new IllegalArgumentException("record " + id + " is sampled at " + parsed.samplingFrequency()
                        + " Hz; the others at " + frequency);
            }
            entries.add(new Entry(id, fields[1].strip(), Math.toIntExact(parsed.samplesPerSignal())));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(reference + " lists no records");
        }
        return new Cinc2017(records, entries, frequency);
    }

    /** The folder holding the records and {@value #REFERENCE}. */
    public Path folder() {
        return folder;
    }

    public List<Entry> records() {
        return entries;
    }

    public double samplingFrequency() {
        return samplingFrequency;
    }

    /** record_id, label, samples, seconds: one row per record. */
    public Table table() {
        return Table.create("cinc2017",
                StringColumn.create("record_id", entries.stream().map(Entry::recordId)),
                StringColumn.create("label", entries.stream().map(Entry::label)),
                IntColumn.create("samples", entries.stream().mapToInt(Entry::samples).toArray()),
                DoubleColumn.create("seconds", entries.stream().mapToDouble(e -> e.samples() / samplingFrequency)));
    }

    /**
     * About {@code records} of the records, each class keeping its share (rounded per class), chosen reproducibly by
     * {@code seed}; byte-identical recordings are taken or left together. All of them when {@code records} is at
     * least their number. For notebooks and tests that must run in minutes on a slice of the data.
     */
    public Cinc2017 subset(int records, long seed) {
        if (records < 1) {
            throw new IllegalArgumentException("a subset needs at least 1 record, got " + records);
        }
        if (records >= entries.size()) {
            return this;
        }
        // the "test" part of a stratified split is exactly a stratified sample of that fraction
        Map<String, String> part = split(new StratifiedSplit(0, (double) records / entries.size(), seed));
        List<Entry> chosen = entries.stream().filter(e -> part.get(e.recordId()).equals(StratifiedSplit.TEST)).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("a subset of " + records + " of " + entries.size()
                    + " records rounds to none in every class; ask for more");
        }
        return new Cinc2017(folder, chosen, samplingFrequency);
    }

    /** Reads one record (its "initial value" quirk, if any, is logged as a warning). */
    public WfdbRecord read(String recordId) {
        return WfdbReader.read(folder.resolve(recordId));
    }

    /**
     * Record id to "train", "val" or "test", stratified by class; byte-identical recordings ({@link #identical()})
     * go to the same split.
     */
    public Map<String, String> split(StratifiedSplit split) {
        Map<String, String> labels = new LinkedHashMap<>();
        entries.forEach(e -> labels.put(e.recordId(), e.label()));
        return split.assign(labels, identical());
    }

    /**
     * Record id to the first (smallest) id of the records whose signal files are byte-identical to it; a record
     * without a twin maps to itself. The training set holds such twins (A00227 = A01176, A02656 = A03123 in
     * shared/cinc2017), which a random split would put on both sides.
     */
    public synchronized Map<String, String> identical() {
        if (identical == null) {
            Map<String, String> hashOf = entries.parallelStream().collect(Collectors.toConcurrentMap(
                    Entry::recordId, e -> sha256(folder.resolve(e.recordId() + ".mat"))));
            Map<String, String> firstOfHash = new HashMap<>();
            new TreeSet<>(hashOf.keySet()).forEach(id -> firstOfHash.putIfAbsent(hashOf.get(id), id));
            Map<String, String> out = new LinkedHashMap<>();
            entries.forEach(e -> out.put(e.recordId(), firstOfHash.get(hashOf.get(e.recordId()))));
            identical = Collections.unmodifiableMap(out);
        }
        return identical;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Starts a windowed conversion into the kit's dataset layout; see {@link Cinc2017Converter}. */
    public Cinc2017Converter converter() {
        return new Cinc2017Converter(this);
    }
}
