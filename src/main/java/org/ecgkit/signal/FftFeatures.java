package org.ecgkit.signal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.ecgkit.data.EcgDataset;

/**
 * Log-magnitude spectrum of each lead in fixed frequency bins, a small dense input for a model. For each lead: remove
 * the mean, take the one-sided {@link AmplitudeSpectrum} (JTransforms), average it within
 * {@code bins} equal bins covering {@code [0, maxFrequency)} Hz, and return {@code log10(1e-6 + mean)}. The bins are in
 * Hz, so records of any length and rate give the same feature layout as long as every bin holds at least one FFT
 * frequency (records of at least {@code bins·fs/maxFrequency} samples).
 *
 * <pre>{@code
 * float[][] features = FftFeatures.builder().bins(40).maxFrequency(40).build().apply(record, 500); // [lead][bin]
 * }</pre>
 */
public final class FftFeatures {

    /** Name of the derived array written by {@link #precompute}: {@code fft.npy}. */
    public static final String ARRAY = "fft";

    /** Added before the logarithm so an empty band gives −6 rather than −∞ (amplitudes are in signal units, mV). */
    public static final double LOG_FLOOR = 1e-6;

    private final int bins;
    private final double maxFrequency;

    private FftFeatures(Builder b) {
        if (b.bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + b.bins);
        }
        if (!(b.maxFrequency > 0) || Double.isInfinite(b.maxFrequency)) {
            throw new IllegalArgumentException("maxFrequency must be a positive number of Hz, got " + b.maxFrequency);
        }
        this.bins = b.bins;
        this.maxFrequency = b.maxFrequency;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** 40 bins of 1 Hz up to 40 Hz, the band that holds nearly all of an ECG's energy. */
    public static FftFeatures defaults() {
        return builder().build();
    }

    /** Features of every lead of a record {@code [lead][sample]}: {@code [lead][bin]}. */
    public float[][] apply(float[][] leads, double samplingRate) {
        int n = Signals.requireLeads(leads);
        Signals.requireSamplingRate(samplingRate);
        int[] binOf = binOfEachFrequency(n, samplingRate);
        int[] counts = new int[bins];
        for (int b : binOf) {
            if (b >= 0) {
                counts[b]++;
            }
        }
        for (int b = 0; b < bins; b++) {
            if (counts[b] == 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "FFT bin %d [%s, %s) Hz holds no frequency: %d samples at %s Hz resolve %s Hz; "
                                + "use fewer bins or longer records", b, b * (maxFrequency / bins),
                        (b + 1) * (maxFrequency / bins), n, samplingRate, samplingRate / n));
            }
        }
        float[][] features = new float[leads.length][bins];
        for (int lead = 0; lead < leads.length; lead++) {
            double[] amplitude = AmplitudeSpectrum.of(leads[lead], samplingRate).amplitude();
            double[] sums = new double[bins];
            for (int k = 0; k < binOf.length; k++) {
                if (binOf[k] >= 0) {
                    sums[binOf[k]] += amplitude[k];
                }
            }
            for (int b = 0; b < bins; b++) {
                features[lead][b] = (float) Math.log10(LOG_FLOOR + sums[b] / counts[b]);
            }
        }
        return features;
    }

    /**
     * Features of every record of a dataset into {@code fft.npy} {@code [N, leads, bins]} beside the signals (with
     * {@code fft.json}), read by a model through the data layer's {@code Input.array("fft")}; skipped when already up
     * to date. A record too short for the bins, or with NaN, stops the run with an error naming it.
     */
    public Precomputed precompute(EcgDataset dataset) {
        double rate = dataset.samplingRate();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("layout", "[record, lead, bin]");
        settings.put("sampling_rate", rate);
        settings.put("fft_features", parameters());
        return DerivedArrays.precompute(dataset, ARRAY, new long[] {dataset.leads(), bins}, settings, record -> {
            float[][] features = apply(record, rate);
            float[] flat = new float[features.length * bins];
            for (int lead = 0; lead < features.length; lead++) {
                System.arraycopy(features[lead], 0, flat, lead * bins, bins);
            }
            return flat;
        });
    }

    /** For each rfft frequency k·fs/n, the bin that holds it, or −1 at and above maxFrequency. */
    private int[] binOfEachFrequency(int n, double samplingRate) {
        if (maxFrequency > samplingRate / 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "maxFrequency %s Hz is above the Nyquist frequency %s Hz (sampling rate %s Hz)",
                    maxFrequency, samplingRate / 2, samplingRate));
        }
        double spacing = 1.0 / (n * (1.0 / samplingRate));
        double width = maxFrequency / bins;
        int[] binOf = new int[n / 2 + 1];
        for (int k = 0; k < binOf.length; k++) {
            double f = k * spacing;
            int b = (int) Math.floor(f / width);
            // Settle rounding at the edges the way a comparison with the edges b·width does.
            while (b > 0 && f < b * width) {
                b--;
            }
            while (b < bins && f >= (b + 1) * width) {
                b++;
            }
            binOf[k] = b < bins ? b : -1;
        }
        return binOf;
    }

    public int bins() {
        return bins;
    }

    public double maxFrequency() {
        return maxFrequency;
    }

    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bins", bins);
        p.put("max_frequency", maxFrequency);
        p.put("log_floor", LOG_FLOOR);
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FftFeatures f && f.bins == bins && f.maxFrequency == maxFrequency;
    }

    @Override
    public int hashCode() {
        return Objects.hash(bins, maxFrequency);
    }

    @Override
    public String toString() {
        return "FftFeatures" + parameters();
    }

    public static final class Builder {
        private int bins = 40;
        private double maxFrequency = 40;

        private Builder() {
        }

        /** Number of equal-width bins; default 40. */
        public Builder bins(int bins) {
            this.bins = bins;
            return this;
        }

        /** Upper edge of the last bin in Hz, at most Nyquist; default 40. */
        public Builder maxFrequency(double hz) {
            this.maxFrequency = hz;
            return this;
        }

        public FftFeatures build() {
            return new FftFeatures(this);
        }
    }
}
