package org.ecgkit.signal;

import java.util.Locale;

/**
 * Power-line notch: scipy's {@code iirnotch(w0, Q, fs)} biquad, applied forward-backward. The result matches
 * {@code scipy.signal.filtfilt(*iirnotch(w0, Q, fs), x)} (default odd padding of 3·max(len(a), len(b)) = 9 samples),
 * which for a single biquad is the same computation as {@code sosfiltfilt}.
 *
 * <pre>{@code
 * float[][] noHum = Notch.at(50, 500).apply(record);
 * }</pre>
 */
public final class Notch {

    /** Quality factor used when none is given: a −3 dB width of f/30 (1.7 Hz at 50 Hz). */
    public static final double DEFAULT_Q = 30;

    private Notch() {
    }

    /** Notch at {@code hz} (50 or 60 for mains hum) with Q = 30. */
    public static SosFilter at(double hz, double samplingRate) {
        return at(hz, DEFAULT_Q, samplingRate);
    }

    /** {@code iirnotch(hz, q, fs=samplingRate)} as a one-section filter. */
    public static SosFilter at(double hz, double q, double samplingRate) {
        if (!(q > 0) || Double.isInfinite(q)) {
            throw new IllegalArgumentException("notch quality factor Q must be positive, got " + q);
        }
        double w0 = Butterworth.normalised(hz, samplingRate, "notch frequency");
        double bandwidth = Math.PI * (w0 / q);
        double centre = Math.PI * w0;
        // scipy: beta = (sqrt(1 - gb²) / gb) · tan(bw / 2) with gb = 1/√2.
        double gb = 1 / Math.sqrt(2);
        double beta = (Math.sqrt(1.0 - Math.pow(gb, 2.0)) / gb) * Math.tan(bandwidth / 2.0);
        double gain = 1.0 / (1.0 + beta);
        double cos = Math.cos(centre);
        double[] section = {gain, gain * (-2.0 * cos), gain, 1.0, -2.0 * gain * cos, 2.0 * gain - 1.0};
        return new SosFilter(new double[][] {section}, String.format(Locale.ROOT,
                "notch %s Hz, Q %s, at %s Hz", hz, q, samplingRate));
    }
}
