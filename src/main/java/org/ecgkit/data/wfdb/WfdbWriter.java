package org.ecgkit.data.wfdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Writes a single-file WFDB record (header plus one interleaved signal file) in format 16, 212 or 80, or format 16
 * behind a MATLAB v4 header as the PhysioNet challenges do ({@link #matlabV4()}). Checksums and initial values are
 * computed from the samples. Kept small: it exists so that the reader can be tested on every format it reads.
 *
 * <pre>{@code
 * Path hea = WfdbWriter.record("rec1").samplingFrequency(360).format(WfdbFormat.FORMAT_212).gain(200)
 *         .signal("MLII", mlii).signal("V5", v5).write(folder);
 * }</pre>
 */
public final class WfdbWriter {

    private final String recordName;
    private double samplingFrequency = WfdbHeader.DEFAULT_SAMPLING_FREQUENCY;
    private WfdbFormat format = WfdbFormat.FORMAT_16;
    private boolean matlab;
    private double gain = SignalSpec.DEFAULT_GAIN;
    private int baseline;
    private String units = "mV";
    private final List<String> names = new ArrayList<>();
    private final List<int[]> signals = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();

    private WfdbWriter(String recordName) {
        this.recordName = recordName;
    }

    public static WfdbWriter record(String recordName) {
        return new WfdbWriter(recordName);
    }

    public WfdbWriter samplingFrequency(double hz) {
        this.samplingFrequency = hz;
        return this;
    }

    public WfdbWriter format(WfdbFormat format) {
        this.format = format;
        return this;
    }

    /** Format 16 samples in {@code <record>.mat} behind a 24-byte MATLAB v4 header, header format "16+24". */
    public WfdbWriter matlabV4() {
        this.format = WfdbFormat.FORMAT_16;
        this.matlab = true;
        return this;
    }

    /** ADC units per physical unit, shared by all signals. */
    public WfdbWriter gain(double gain) {
        this.gain = gain;
        return this;
    }

    public WfdbWriter baseline(int baseline) {
        this.baseline = baseline;
        return this;
    }

    public WfdbWriter units(String units) {
        this.units = units;
        return this;
    }

    /** Adds a signal of digital samples; all signals must have the same length. */
    public WfdbWriter signal(String description, int[] samples) {
        if (!signals.isEmpty() && samples.length != signals.get(0).length) {
            throw new IllegalArgumentException("signal " + description + " has " + samples.length
                    + " samples but " + names.get(0) + " has " + signals.get(0).length);
        }
        names.add(description);
        signals.add(samples.clone());
        return this;
    }

    public WfdbWriter comment(String comment) {
        comments.add(comment);
        return this;
    }

    /** Writes {@code <record>.hea} and the signal file into {@code folder}; returns the header's path. */
    public Path write(Path folder) {
        if (signals.isEmpty()) {
            throw new IllegalStateException("record " + recordName + " has no signals to write");
        }
        int length = signals.get(0).length;
        int[] flat = new int[length * signals.size()];
        for (int t = 0, p = 0; t < length; t++) {
            for (int[] signal : signals) {
                flat[p++] = signal[t];
            }
        }
        byte[] data = format.encode(flat);
        String fileName = recordName + (matlab ? ".mat" : ".dat");
        long offset = matlab ? MatlabV4.HEADER_BYTES : 0;
        if (matlab) {
            data = MatlabV4.prepend(data, signals.size(), length);
        }
        List<SignalSpec> specs = new ArrayList<>();
        for (int s = 0; s < signals.size(); s++) {
            int[] signal = signals.get(s);
            int sum = 0;
            for (int v : signal) {
                sum += v;
            }
            specs.add(new SignalSpec(fileName, format, offset, gain, baseline, units, format.bits(), 0,
                    OptionalInt.of(length > 0 ? signal[0] : 0), OptionalInt.of((short) sum), 0, names.get(s)));
        }
        WfdbHeader header = new WfdbHeader(recordName, samplingFrequency, length, "", "", specs, comments);
        Path headerFile = folder.resolve(recordName + ".hea");
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(fileName), data);
            Files.writeString(headerFile, header.toText(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write WFDB record " + recordName + " to " + folder, e);
        }
        return headerFile;
    }
}
