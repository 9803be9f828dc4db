package org.ecgkit.data.ptbxl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ecgkit.data.DType;
import org.ecgkit.data.DatasetWriter;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Manifest;
import org.ecgkit.data.Metadata;
import org.ecgkit.data.Task;
import org.ecgkit.data.convert.ConversionCache;
import org.ecgkit.data.convert.ConversionResult;
import org.ecgkit.data.wfdb.WfdbHeader;
import org.ecgkit.data.wfdb.WfdbReader;
import org.ecgkit.data.wfdb.WfdbRecord;
import org.ecgkit.notebook.Progress;

/**
 * Converts PTB-XL once into the kit's dataset layout (docs/dataset-format.md) for one sampling rate and one task:
 * multi-label targets of the task, metadata (id = ecg_id, patient_id, age, sex, height, weight, the quality
 * columns, strat_fold, split, scp_codes, source_file), signals stored as int16 ADC counts with
 * {@code signal_scale} = 1 / gain (exact: PTB-XL's samples are 16-bit counts at 1000 per mV).
 *
 * <p>Policies: records without a label for the task are left out, as in the benchmark (unless
 * {@link #keepUnlabelled(boolean)}); records whose signal file is not present (a subset such as shared/ptbxl-500,
 * which holds the 500 Hz files of records 1-100 only) are left out and counted in the result's notes. A second
 * conversion into the same folder with unchanged sources and options returns at once ({@link ConversionCache}).
 */
public final class PtbXlConverter {

    private final PtbXl ptbxl;
    private final PtbXl.Rate rate;
    private final PtbXlTask task;
    private boolean keepUnlabelled;
    private DType signalType = DType.INT16;

    PtbXlConverter(PtbXl ptbxl, PtbXl.Rate rate, PtbXlTask task) {
        this.ptbxl = ptbxl;
        this.rate = rate;
        this.task = task;
    }

    /** Keep records that have no label of the task (an all-zero target row); default false, as the benchmark. */
    public PtbXlConverter keepUnlabelled(boolean keep) {
        this.keepUnlabelled = keep;
        return this;
    }

    /** INT16 (default: the exact ADC counts) or FLOAT32 (mV). */
    public PtbXlConverter signalType(DType type) {
        this.signalType = type;
        return this;
    }

    /** Converts into {@code output} (created if needed), or keeps it when it is up to date. */
    public ConversionResult convert(Path output) {
        String name = "ptbxl-" + rate.hertz() + "hz-" + task.id();
        PtbXlLabels labels = ptbxl.labels(task);
        List<String> notes = new ArrayList<>();
        if (!keepUnlabelled) {
            PtbXlLabels labelled = labels.labelledOnly();
            if (labelled.size() < labels.size()) {
                notes.add(String.format(Locale.ROOT, "%,d of %,d records have no %s label and are left out",
                        labels.size() - labelled.size(), labels.size(), task.id()));
            }
            labels = labelled;
        }
        List<Integer> rows = new ArrayList<>();
        List<Path> headers = new ArrayList<>();
        List<Path> dataFiles = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Path record = ptbxl.path(ptbxl.record(labels.ecgIds()[i]), rate);
            Path header = record.resolveSibling(record.getFileName() + ".hea");
            if (Files.isRegularFile(header)) {
                rows.add(i);
                headers.add(header);
                dataFiles.add(record.resolveSibling(record.getFileName() + ".dat"));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("none of the " + labels.size() + " records has a " + rate.hertz()
                    + " Hz file under " + ptbxl.root() + " (e.g. " + ptbxl.records().get(0).file(rate) + ".hea)");
        }
        if (rows.size() < labels.size()) {
            notes.add(String.format(Locale.ROOT, "%,d of %,d records have no %d Hz file in %s and are left out",
                    labels.size() - rows.size(), labels.size(), rate.hertz(), ptbxl.root()));
        }
        List<Path> textFiles = new ArrayList<>(List.of(ptbxl.root().resolve(PtbXl.DATABASE),
                ptbxl.root().resolve(PtbXl.STATEMENTS)));
        textFiles.addAll(headers);
        ConversionCache cache = ConversionCache.of(output, textFiles, dataFiles, String.format(Locale.ROOT,
                "ptbxl rate=%d task=%s keepUnlabelled=%b signalType=%s", rate.hertz(), task.id(), keepUnlabelled,
                signalType.numpyName()));
        Optional<ConversionResult> cached = cache.cached();
        if (cached.isPresent()) {
            System.out.println(name + ": up to date in " + output + " (" + cached.get().records() + " records)");
            return cached.get();
        }
        cache.invalidate();

        WfdbHeader first = WfdbHeader.read(headers.get(0));
        double gain = first.signals().get(0).gain();
        Manifest manifest = Manifest.builder().name(name).samplingRate(first.samplingFrequency())
                .leads(first.signalNames().stream().map(PtbXlConverter::leadName).toList())
                .samples((int) first.samplesPerSignal()).units("mV")
                .signalScale(signalType == DType.INT16 ? 1.0 / gain : 1.0)
                .task(Task.MULTILABEL).classes(labels.classes())
                .source("PTB-XL (Wagner et al. 2020, CC BY 4.0) from " + ptbxl.root().toAbsolutePath().normalize()
                        + ", " + rate.hertz() + " Hz, " + task.id() + " labels as in the PTB-XL benchmark")
                .build();
        List<String> warnings = new ArrayList<>();
        try (DatasetWriter writer = EcgDataset.create(output, manifest).signalType(signalType);
             Progress progress = Progress.start("converting " + name, rows.size())) {
            for (int row : rows) {
                PtbXlRecord record = ptbxl.record(labels.ecgIds()[row]);
                WfdbRecord wfdb = WfdbReader.read(ptbxl.path(record, rate), warnings::add);
                checkConsistent(wfdb, first, signalType == DType.INT16);
                writer.add(Integer.toString(record.ecgId()), wfdb.millivolts(), labels.positives()[row],
                        metadata(record));
                progress.step(1);
            }
        }
        notes.addAll(warnings);
        return cache.record(rows.size(), notes);
    }

    private static Map<String, Object> metadata(PtbXlRecord record) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(Metadata.PATIENT_ID, record.patientId());
        row.put(Metadata.AGE, numberOrNull(record.age()));
        row.put(Metadata.SEX, record.sex().isEmpty() ? null : record.sex());
        row.put("height", numberOrNull(record.height()));
        row.put("weight", numberOrNull(record.weight()));
        record.quality().forEach((column, value) -> row.put(column, value.isEmpty() ? null : value));
        row.put("strat_fold", record.strataFold());
        row.put(Metadata.SPLIT, record.split());
        row.put("scp_codes", record.scpCodes().toString());
        return row;
    }

    private static Double numberOrNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static void checkConsistent(WfdbRecord record, WfdbHeader first, boolean sameGain) {
        if (!record.header().signalNames().equals(first.signalNames())
                || record.length() != first.samplesPerSignal()
                || record.samplingFrequency() != first.samplingFrequency()) {
            throw new IllegalArgumentException("record " + record.name() + " has leads " + record.header().signalNames()
                    + ", " + record.length() + " samples at " + record.samplingFrequency() + " Hz; expected "
                    + first.signalNames() + ", " + first.samplesPerSignal() + " at " + first.samplingFrequency());
        }
        double gain = first.signals().get(0).gain();
        if (sameGain && record.header().signals().stream().anyMatch(s -> s.gain() != gain)) {
            throw new IllegalArgumentException("record " + record.name() + " has a gain other than " + gain
                    + " adu/mV, so its samples cannot be stored as int16 counts; convert with signalType(FLOAT32)");
        }
    }

    /** PTB-XL's headers write AVR, AVL, AVF; the kit uses the standard aVR, aVL, aVF. */
    private static String leadName(String name) {
        return name.startsWith("AV") ? "a" + name.substring(1) : name;
    }
}
