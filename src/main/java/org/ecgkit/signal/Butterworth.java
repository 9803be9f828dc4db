package org.ecgkit.signal;

import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Butterworth filters designed as second-order sections exactly as {@code scipy.signal.butter(order, Wn, btype,
 * fs=fs, output='sos')} designs them (analog prototype, pre-warped bilinear transform, scipy's pole-zero pairing),
 * returned as a {@link SosFilter} that applies them forward-backward like {@code sosfiltfilt}.
 *
 * <pre>{@code
 * float[][] clean = Butterworth.bandPass(500).apply(record);          // 0.5–40 Hz, order 4
 * float[][] flat  = Butterworth.highPass(0.5, 500).apply(record);     // baseline wander, order 2
 * }</pre>
 */
public final class Butterworth {

    /** Order used when none is given: 4 for band-pass (8 poles), the usual choice for diagnostic ECG bands. */
    public static final int DEFAULT_BAND_PASS_ORDER = 4;
    /** Order used for high- and low-pass filters when none is given: gentle enough not to ring on QRS complexes. */
    public static final int DEFAULT_ORDER = 2;
    public static final double DEFAULT_LOW_HZ = 0.5;
    public static final double DEFAULT_HIGH_HZ = 40;

    private Butterworth() {
    }

    /** The default ECG band, 0.5–40 Hz, order 4. */
    public static SosFilter bandPass(double samplingRate) {
        return bandPass(DEFAULT_BAND_PASS_ORDER, DEFAULT_LOW_HZ, DEFAULT_HIGH_HZ, samplingRate);
    }

    public static SosFilter bandPass(double lowHz, double highHz, double samplingRate) {
        return bandPass(DEFAULT_BAND_PASS_ORDER, lowHz, highHz, samplingRate);
    }

    /** {@code butter(order, [lowHz, highHz], 'bandpass', fs=samplingRate, output='sos')}: 2·order poles. */
    public static SosFilter bandPass(int order, double lowHz, double highHz, double samplingRate) {
        requireOrder(order);
        double low = normalised(lowHz, samplingRate, "band-pass lower edge");
        double high = normalised(highHz, samplingRate, "band-pass upper edge");
        if (!(low < high)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "band-pass lower edge %s Hz must be below the upper edge %s Hz", lowHz, highHz));
        }
        double warpedLow = prewarped(low);
        double warpedHigh = prewarped(high);
        ZerosPolesGain analog = ZerosPolesGain.butterworthPrototype(order)
                .lowPassToBandPass(Math.sqrt(warpedLow * warpedHigh), warpedHigh - warpedLow);
        return digital(analog, String.format(Locale.ROOT, "Butterworth band-pass %s–%s Hz, order %d, at %s Hz",
                lowHz, highHz, order, samplingRate));
    }

    /** Order-2 high-pass, e.g. at 0.5 Hz against baseline wander. */
    public static SosFilter highPass(double cutoffHz, double samplingRate) {
        return highPass(DEFAULT_ORDER, cutoffHz, samplingRate);
    }

    /** {@code butter(order, cutoffHz, 'highpass', fs=samplingRate, output='sos')}. */
    public static SosFilter highPass(int order, double cutoffHz, double samplingRate) {
        return singleCutoff("high-pass", order, cutoffHz, samplingRate, ZerosPolesGain::lowPassToHighPass);
    }

    public static SosFilter lowPass(double cutoffHz, double samplingRate) {
        return lowPass(DEFAULT_ORDER, cutoffHz, samplingRate);
    }

    /** {@code butter(order, cutoffHz, 'lowpass', fs=samplingRate, output='sos')}. */
    public static SosFilter lowPass(int order, double cutoffHz, double samplingRate) {
        return singleCutoff("low-pass", order, cutoffHz, samplingRate, ZerosPolesGain::lowPassToLowPass);
    }

    private static SosFilter singleCutoff(String kind, int order, double cutoffHz, double samplingRate,
                                          BiFunction<ZerosPolesGain, Double, ZerosPolesGain> transform) {
        requireOrder(order);
        double warped = prewarped(normalised(cutoffHz, samplingRate, kind + " cut-off"));
        return digital(transform.apply(ZerosPolesGain.butterworthPrototype(order), warped),
                String.format(Locale.ROOT, "Butterworth %s %s Hz, order %d, at %s Hz",
                        kind, cutoffHz, order, samplingRate));
    }

    private static SosFilter digital(ZerosPolesGain analog, String description) {
        // scipy designs on a normalised rate fs = 2, where Nyquist is 1.
        return new SosFilter(SectionPairing.toSections(analog.bilinear(2.0)), description);
    }

    /** scipy's pre-warping at fs = 2: 2·fs·tan(π·Wn/fs). */
    private static double prewarped(double normalisedFrequency) {
        return 4 * Math.tan(Math.PI * normalisedFrequency / 2);
    }

    /** Frequency as a fraction of Nyquist, which must lie strictly between 0 and 1. */
    static double normalised(double hz, double samplingRate, String what) {
        Signals.requireSamplingRate(samplingRate);
        double nyquist = samplingRate / 2;
        if (!(hz > 0 && hz < nyquist)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s %s Hz must lie between 0 and the Nyquist frequency %s Hz (sampling rate %s Hz)",
                    what, hz, nyquist, samplingRate));
        }
        return 2 * hz / samplingRate; // scipy: Wn = 2*Wn/fs
    }

    private static void requireOrder(int order) {
        if (order < 1) {
            throw new IllegalArgumentException("filter order must be at least 1, got " + order);
        }
    }
}
