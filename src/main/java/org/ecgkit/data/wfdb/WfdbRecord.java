package org.ecgkit.data.wfdb;

import java.util.List;
import java.util.Locale;

/**
 * A WFDB record read into memory: its header, the digital samples of every signal, and the warnings reading raised
 * (e.g. an "initial value" that differs from the first sample, a known quirk of PhysioNet's own CinC 2017 files).
 *
 * @param header   the parsed header
 * @param samples  digital (ADC) samples, {@code samples[signal][t]}
 * @param warnings what was odd but readable, one sentence each naming the record
 */
public record WfdbRecord(WfdbHeader header, int[][] samples, List<String> warnings) {

    public WfdbRecord {
        warnings = List.copyOf(warnings);
        if (samples.length != header.signalCount()) {
            throw new IllegalArgumentException("record " + header.recordName() + ": header has "
                    + header.signalCount() + " signals but " + samples.length + " sample arrays were given");
        }
    }

    public String name() {
        return header.recordName();
    }

    public int signalCount() {
        return samples.length;
    }

    /** Samples per signal. */
    public int length() {
        return samples.length == 0 ? 0 : samples[0].length;
    }

    public double samplingFrequency() {
        return header.samplingFrequency();
    }

    /**
     * All signals in millivolts, {@code [signal][t]}: (sample - baseline) / gain, scaled from the header's units
     * (mV, uV, V). A sample equal to the format's invalid-sample marker (its most negative value) becomes NaN.
     */
    public float[][] millivolts() {
        float[][] out = new float[samples.length][];
        for (int s = 0; s < samples.length; s++) {
            out[s] = millivolts(s);
        }
        return out;
    }

    /** One signal in millivolts; see {@link #millivolts()}. */
    public float[] millivolts(int signal) {
        SignalSpec spec = header.signals().get(signal);
        if (spec.gain() == 0) {
            throw new IllegalStateException("record " + name() + " signal " + signal + " (" + spec.description()
                    + ") has gain 0, i.e. it is uncalibrated: it cannot be converted to mV");
        }
        double perCount = millivoltsPerUnit(spec) / spec.gain();
        int invalid = spec.format().minSample();
        int[] digital = samples[signal];
        float[] out = new float[digital.length];
        for (int t = 0; t < digital.length; t++) {
            out[t] = digital[t] == invalid ? Float.NaN : (float) ((digital[t] - spec.baseline()) * perCount);
        }
        return out;
    }

    private double millivoltsPerUnit(SignalSpec spec) {
        return switch (spec.units().toLowerCase(Locale.ROOT)) {
            case "mv" -> 1.0;
            case "uv", "\u00b5v", "\u03bcv" -> 1e-3;
            case "v" -> 1e3;
            default -> throw new IllegalStateException("record " + name() + " signal " + spec.description()
                    + " is in '" + spec.units() + "', not a voltage: it cannot be converted to mV");
        };
    }
}
