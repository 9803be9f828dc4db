package org.ecgkit.data.cinc;

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
import org.ecgkit.data.convert.StratifiedSplit;
import org.ecgkit.data.wfdb.SignalSpec;
import org.ecgkit.data.wfdb.WfdbReader;
import org.ecgkit.data.wfdb.WfdbRecord;
import org.ecgkit.data.window.WindowPredictions;
import org.ecgkit.data.window.Windowing;
import org.ecgkit.notebook.Progress;
import org.ecgkit.signal.Resampler;

/**
 * Converts CinC 2017 once into the kit's dataset layout as fixed-length windows (multiclass N, A, O, ~).
 *
 * <p>Defaults: 30 s windows (9,000 samples) every 15 s, short records zero-padded ({@link Windowing} states the
 * policy), split 80/10/10 stratified by class with seed 2017 at record level, so the windows of one record never
 * cross splits, nor do byte-identical recordings ({@link Cinc2017#identical()}). Metadata per window: id
 * ({@code A00001_0}, record and window number), record_id, patient_id (CinC publishes no patient ids: the first of a
 * record's identical recordings, usually the record itself, stands in, so the data check's leakage test sees windows
 * of one recording in two splits), start (sample), padded (samples of padding), record_seconds, split. Signals are
 * int16 ADC counts, {@code signal_scale} 1/1000 mV, unless resampled ({@link #samplingRate}). At test time average
 * the windows' probabilities per record with {@link WindowPredictions#meanPerRecord}.
 */
public final class Cinc2017Converter {

    private final Cinc2017 cinc;
    private double samplingRate;
    private double windowSeconds = 30;
    private double strideSeconds = 15;
    private Windowing.Padding padding = Windowing.Padding.ZERO;
    private Windowing windowing;
    private StratifiedSplit split = new StratifiedSplit(0.1, 0.1, 2017);

    Cinc2017Converter(Cinc2017 cinc) {
        this.cinc = cinc;
        this.samplingRate = cinc.samplingFrequency();
    }

    /** Windows in samples at the output rate (see {@link #samplingRate}); overrides {@link #windows}. */
    public Cinc2017Converter windowing(Windowing windowing) {
        this.windowing = windowing;
        return this;
    }

    /** Window and stride in seconds, with the padding for records shorter than the window. */
    public Cinc2017Converter windows(double windowSeconds, double strideSeconds, Windowing.Padding padding) {
        this.windowSeconds = windowSeconds;
        this.strideSeconds = strideSeconds;
        this.padding = padding;
        this.windowing = null;
        return this;
    }

    /**
     * Resamples every record to {@code hertz} before cutting it into windows ({@link Resampler}, scipy's
     * {@code resample_poly}), e.g. 100 Hz to make a model three times cheaper; signals are then stored as float32 mV.
     * Default: the recordings' 300 Hz, stored as their int16 ADC counts.
     */
    public Cinc2017Converter samplingRate(double hertz) {
        if (!(hertz > 0) || Double.isInfinite(hertz)) {
            throw new IllegalArgumentException("sampling rate must be a positive number of Hz, got " + hertz);
        }
        this.samplingRate = hertz;
        return this;
    }

    public Cinc2017Converter split(StratifiedSplit split) {
        this.split = split;
        return this;
    }

    /** Converts into {@code output} (created if needed), or keeps it when it is up to date. */
    public ConversionResult convert(Path output) {
        Windowing windowing = this.windowing != null ? this.windowing
                : Windowing.seconds(windowSeconds, strideSeconds, samplingRate, padding);
        boolean resampled = samplingRate != cinc.samplingFrequency();
        Resampler resampler = resampled ? Resampler.between(cinc.samplingFrequency(), samplingRate) : null;
        String name = String.format(Locale.ROOT, "cinc2017-%ss%s", formatSeconds(windowing.window()),
                resampled ? "-" + formatNumber(samplingRate) + "hz" : "");
        List<Path> headers = new ArrayList<>();
        List<Path> dataFiles = new ArrayList<>();
        for (Cinc2017.Entry entry : cinc.records()) {
            headers.add(cinc.folder().resolve(entry.recordId() + ".hea"));
            dataFiles.add(cinc.folder().resolve(entry.recordId() + ".mat"));
        }
        List<Path> textFiles = new ArrayList<>(List.of(cinc.folder().resolve(Cinc2017.REFERENCE)));
        textFiles.addAll(headers);
        ConversionCache cache = ConversionCache.of(output, textFiles, dataFiles, "cinc2017 " + windowing + " " + split
                + (resampled ? " resampled to " + samplingRate + " Hz" : ""));
        Optional<ConversionResult> cached = cache.cached();
        if (cached.isPresent()) {
            System.out.println(name + ": up to date in " + output + " (" + cached.get().records() + " windows)");
            return cached.get();
        }
        cache.invalidate();

        Map<String, String> splitOf = cinc.split(split);
        Map<String, String> identical = cinc.identical();
        Manifest manifest = Manifest.builder().name(name).samplingRate(samplingRate)
                .leads(List.of("ECG")).samples(windowing.window()).units("mV").signalScale(resampled ? 1 : 0.001)
                .task(Task.MULTICLASS).classes(Cinc2017.CLASSES)
                .source("PhysioNet/CinC Challenge 2017 training set (Clifford et al. 2017, ODC-By 1.0), labels "
                        + Cinc2017.REFERENCE + ", from " + cinc.folder().toAbsolutePath().normalize() + "; "
                        + (resampled ? "resampled from " + formatNumber(cinc.samplingFrequency()) + " Hz with "
                        + resampler + "; " : "") + windowing + ", " + split)
                .build();
        int windows = 0;
        int warned = 0;
        try (DatasetWriter writer = EcgDataset.create(output, manifest)
                .signalType(resampled ? DType.FLOAT32 : DType.INT16);
             Progress progress = Progress.start("converting " + name, cinc.records().size())) {
            for (Cinc2017.Entry entry : cinc.records()) {
                WfdbRecord record = WfdbReader.read(cinc.folder().resolve(entry.recordId()), warning -> { });
                warned += record.warnings().isEmpty() ? 0 : 1;
                checkGain(record);
                float[] signal = resampled ? resampler.apply(new float[][] {record.millivolts(0)})[0]
                        : record.millivolts(0);
                int[] starts = windowing.starts(signal.length);
                for (int w = 0; w < starts.length; w++) {
                    writer.add(entry.recordId() + "_" + w, new float[][] {windowing.cut(signal, starts[w])},
                            Cinc2017.CLASSES.indexOf(entry.label()),
                            metadata(entry, identical.get(entry.recordId()), starts[w],
                                    windowing.padded(signal.length, starts[w]),
                                    entry.samples() / cinc.samplingFrequency(), splitOf.get(entry.recordId())));
                    windows++;
                }
                progress.step(1);
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%,d records cut into %,d windows of %d samples (stride %d, %s padding)",
                cinc.records().size(), windows, windowing.window(), windowing.stride(),
                windowing.padding().name().toLowerCase(Locale.ROOT)));
        if (warned > 0) {
            notes.add(String.format(Locale.ROOT, "%,d records have a header \"initial value\" that differs from "
                    + "their first sample (a known quirk of PhysioNet's files; the samples are used as they are)", warned));
        }
        return cache.record(windows, notes);
    }

    private static Map<String, Object> metadata(Cinc2017.Entry entry, String recording, int start, int padded,
                                                double seconds, String split) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(WindowPredictions.RECORD_ID, entry.recordId());
        row.put(Metadata.PATIENT_ID, recording);
        row.put("start", start);
        row.put("padded", padded);
        row.put("record_seconds", seconds);
        row.put(Metadata.SPLIT, split);
        return row;
    }

    private static void checkGain(WfdbRecord record) {
        SignalSpec spec = record.header().signals().get(0);
        if (record.signalCount() != 1 || spec.gain() != 1000 || spec.baseline() != 0) {
            throw new IllegalArgumentException("record " + record.name() + " has " + record.signalCount()
                    + " signals, gain " + spec.gain() + ", baseline " + spec.baseline()
                    + "; CinC 2017 records have one signal at 1000 adu/mV, baseline 0");
        }
    }

    private String formatSeconds(int samples) {
        return formatNumber(samples / samplingRate);
    }

    private static String formatNumber(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
