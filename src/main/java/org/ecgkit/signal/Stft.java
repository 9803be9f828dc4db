package org.ecgkit.signal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Short-time Fourier transform settings that turn a record into a {@link Spectrogram}, computing what
 * {@code scipy.signal.spectrogram(x, fs, window, nperseg, noverlap, nfft, detrend, return_onesided=True, scaling,
 * mode='psd')} computes, in double precision. The defaults are scipy's: Tukey(0.25) window, 256-sample segments,
 * overlap of segment/8, nfft = segment, constant detrend, density scaling. Immutable; safe to share between threads.
 *
 * <pre>{@code
 * Spectrogram s = Stft.builder().window(Window.hann()).segment(128).overlap(64).decibels(true).build()
 *         .apply(record, 500);
 * }</pre>
 *
 * <p>A segment longer than the record is an error (scipy would silently shorten it, changing the output shape). With
 * {@code decibels(true)} values are {@code 10·log10(max(power, 1e-12))}: power below 1e-12 (−120 dB), including the
 * exact zeros a constant detrend leaves in the DC bin, reads −120 dB instead of −∞.
 */
public final class Stft {

    public static final int DEFAULT_SEGMENT = 256;
    /** Power floor under decibel conversion, so silent bins give −120 dB rather than −∞. */
    public static final double DECIBEL_FLOOR = 1e-12;

    private static final Stft DEFAULTS = builder().build();

    private final Window window;
    private final int segment;
    private final int overlap;
    private final int fftLength;
    private final Detrend detrend;
    private final Scaling scaling;
    private final boolean decibels;
    private final double[] windowValues;
    private final double windowSum;
    private final double windowSquareSum;

    private Stft(Builder b) {
        if (b.segment < 1) {
            throw new IllegalArgumentException("segment must be at least 1 sample, got " + b.segment);
        }
        this.window = b.window;
        this.segment = b.segment;
        this.overlap = b.overlap == null ? b.segment / 8 : b.overlap;
        this.fftLength = b.fftLength == null ? b.segment : b.fftLength;
        if (overlap < 0 || overlap >= segment) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "overlap must be in [0, segment), got %d with segment %d", overlap, segment));
        }
        if (fftLength < segment) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fftLength %d must be at least the segment length %d", fftLength, segment));
        }
        this.detrend = b.detrend;
        this.scaling = b.scaling;
        this.decibels = b.decibels;
        this.windowValues = window.periodic(segment);
        double sum = 0;
        double squares = 0;
        for (double w : windowValues) {
            sum += w;
            squares += w * w;
        }
        this.windowSum = sum;
        this.windowSquareSum = squares;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** scipy's spectrogram defaults. */
    public static Stft defaults() {
        return DEFAULTS;
    }

    /** A builder holding these settings, to change one of them. */
    public Builder toBuilder() {
        return new Builder().window(window).segment(segment).overlap(overlap).fftLength(fftLength)
                .detrend(detrend).scaling(scaling).decibels(decibels);
    }

    /**
     * Spectrogram of every lead of a record {@code [lead][sample]}: values {@code [lead][frequency][frame]}.
     *
     * @throws IllegalArgumentException if the record is empty, ragged, shorter than one segment or holds NaN or
     *                                  infinite samples (the message names lead and sample), or the rate is not positive
     */
    public Spectrogram apply(float[][] leads, double samplingRate) {
        // NaN and infinity are caught by the segment sums below, which saves a pass over the record.
        int samples = Signals.requireShape(leads);
        Signals.requireSamplingRate(samplingRate);
        int frames = frames(samples);
        int bins = frequencyCount();
        double scale = scaling == Scaling.DENSITY ? 1.0 / (samplingRate * windowSquareSum)
                : 1.0 / (windowSum * windowSum);
        DoubleFFT_1D fft = FftPlans.forLength(fftLength);
        double[] buffer = new double[fftLength];
        // Power of one lead as [frame][bin], contiguous, transposed into [bin][frame] once the lead is done.
        double[] power = new double[frames * bins];
        double[] framePower = new double[bins];
        int step = segment - overlap;
        float[][][] values = new float[leads.length][bins][frames];
        for (int lead = 0; lead < leads.length; lead++) {
            float[] x = leads[lead];
            for (int frame = 0; frame < frames; frame++) {
                if (!Double.isFinite(taperedSegment(x, frame * step, buffer))) {
                    Signals.requireFinite(x, frame * step, frame * step + segment, "lead " + lead);
                }
                fft.realForward(buffer);
                FftPlans.powerSpectrum(buffer, fftLength, framePower);
                System.arraycopy(framePower, 0, power, frame * bins, bins);
            }
            // Samples after the last frame enter no segment; they are checked on their own.
            Signals.requireFinite(x, (frames - 1) * step + segment, samples, "lead " + lead);
            float[][] out = values[lead];
            for (int k = 0; k < bins; k++) {
                // One-sided: every bin but DC (and Nyquist for even lengths) carries its mirror's power too.
                double factor = k > 0 && (k < bins - 1 || fftLength % 2 == 1) ? 2 * scale : scale;
                float[] row = out[k];
                for (int frame = 0; frame < frames; frame++) {
                    double p = power[frame * bins + k] * factor;
                    row[frame] = (float) (decibels ? 10 * Math.log10(Math.max(p, DECIBEL_FLOOR)) : p);
                }
            }
        }
        return new Spectrogram(values, frequencies(samplingRate), times(samples, samplingRate), decibels);
    }

    /**
     * Copies one segment into {@code buffer}, detrended, windowed and zero-padded to the FFT length; returns the sum
     * of its samples, which is finite exactly when they all are.
     */
    private double taperedSegment(float[] x, int start, double[] buffer) {
        double sum = 0;
        for (int i = 0; i < segment; i++) {
            sum += x[start + i];
        }
        if (detrend == Detrend.CONSTANT) {
            // The default path, fused into one pass after the mean.
            double mean = sum / segment;
            for (int i = 0; i < segment; i++) {
                buffer[i] = (x[start + i] - mean) * windowValues[i];
            }
        } else {
            for (int i = 0; i < segment; i++) {
                buffer[i] = x[start + i];
            }
            detrend.remove(buffer, segment);
            for (int i = 0; i < segment; i++) {
                buffer[i] *= windowValues[i];
            }
        }
        java.util.Arrays.fill(buffer, segment, fftLength, 0);
        return sum;
    }

    /** Number of frames for a record of {@code samples} samples; fails if one segment does not fit. */
    public int frames(int samples) {
        if (segment > samples) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the segment (%d samples) is longer than the signal (%d samples); choose segment(n) with n <= %d",
                    segment, samples, samples));
        }
        return (samples - overlap) / (segment - overlap);
    }

    /** Number of frequency bins, fftLength/2 + 1. */
    public int frequencyCount() {
        return fftLength / 2 + 1;
    }

    /** Bin centres in Hz, as {@code rfftfreq(fftLength, 1/fs)}. */
    public double[] frequencies(double samplingRate) {
        double spacing = 1.0 / (fftLength * (1.0 / samplingRate));
        double[] f = new double[frequencyCount()];
        for (int k = 0; k < f.length; k++) {
            f[k] = k * spacing;
        }
        return f;
    }

    /** Frame centres in seconds for a record of {@code samples} samples, as scipy's {@code t}. */
    public double[] times(int samples, double samplingRate) {
        double[] t = new double[frames(samples)];
        for (int i = 0; i < t.length; i++) {
            t[i] = (segment / 2.0 + (double) i * (segment - overlap)) / samplingRate;
        }
        return t;
    }

    public Window window() {
        return window;
    }

    public int segment() {
        return segment;
    }

    public int overlap() {
        return overlap;
    }

    public int fftLength() {
        return fftLength;
    }

    public Detrend detrend() {
        return detrend;
    }

    public Scaling scaling() {
        return scaling;
    }

    public boolean decibels() {
        return decibels;
    }

    /** Every setting by name, in scipy's vocabulary, e.g. for a sidecar file or a run journal. */
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("window", window.name());
        p.put("nperseg", segment);
        p.put("noverlap", overlap);
        p.put("nfft", fftLength);
        p.put("detrend", detrend.name().toLowerCase(Locale.ROOT));
        p.put("scaling", scaling.name().toLowerCase(Locale.ROOT));
        p.put("decibels", decibels);
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stft s && s.parameters().equals(parameters());
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters());
    }

    @Override
    public String toString() {
        return "Stft" + parameters();
    }

    /** Settings for an {@link Stft}; every one starts at scipy's default. */
    public static final class Builder {
        private Window window = Window.tukey(0.25);
        private int segment = DEFAULT_SEGMENT;
        private Integer overlap;
        private Integer fftLength;
        private Detrend detrend = Detrend.CONSTANT;
        private Scaling scaling = Scaling.DENSITY;
        private boolean decibels;

        private Builder() {
        }

        public Builder window(Window window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Samples per segment ({@code nperseg}); default 256. */
        public Builder segment(int samples) {
            this.segment = samples;
            return this;
        }

        /** Samples shared by consecutive segments ({@code noverlap}); default segment/8. */
        public Builder overlap(int samples) {
            this.overlap = samples;
            return this;
        }

        /** FFT length ({@code nfft}), at least the segment; longer zero-pads; default the segment length. */
        public Builder fftLength(int samples) {
            this.fftLength = samples;
            return this;
        }

        public Builder detrend(Detrend detrend) {
            this.detrend = Objects.requireNonNull(detrend, "detrend");
            return this;
        }

        public Builder scaling(Scaling scaling) {
            this.scaling = Objects.requireNonNull(scaling, "scaling");
            return this;
        }

        /** Whether to return 10·log10(power) (floored at −120 dB) instead of power. */
        public Builder decibels(boolean decibels) {
            this.decibels = decibels;
            return this;
        }

        public Stft build() {
            return new Stft(this);
        }
    }
}
