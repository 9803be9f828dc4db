package org.ecgkit.signal;

import java.util.Locale;

/**
 * Changes the sampling rate by a rational factor up/down with a polyphase anti-aliasing FIR, computing what
 * {@code scipy.signal.resample_poly(x, up, down)} computes with its defaults: a Kaiser(β = 5) low-pass of
 * {@code 2·10·max(up, down) + 1} taps cut at {@code 1/max(up, down)} of Nyquist, zeros assumed beyond both ends.
 * Immutable; safe to share between threads.
 *
 * <pre>{@code
 * float[][] at100 = Resampler.between(500, 100).apply(record);   // 5000 → 1000 samples per lead
 * }</pre>
 *
 * <p>Because the signal is taken as zero outside the record (scipy's default), a lead with a large offset dips at
 * both ends over about 10 output samples; remove the baseline first (e.g. {@link Butterworth#highPass}) when that
 * matters.
 */
public final class Resampler {

    /** Half the FIR length in units of max(up, down), scipy's "reasonable cutoff for sinc-like function". */
    private static final int HALF_LENGTH_FACTOR = 10;
    private static final double KAISER_BETA = 5.0;
    /** Longest ratio term accepted, which bounds the FIR at 2·10·10000 + 1 taps. */
    private static final int MAX_FACTOR = 10_000;

    private final int up;
    private final int down;
    private final int halfLength;
    /** The FIR, already multiplied by {@code up} to restore the amplitude lost by zero insertion. */
    private final double[] taps;

    private Resampler(int up, int down) {
        int gcd = gcd(up, down);
        this.up = up / gcd;
        this.down = down / gcd;
        int maxRate = Math.max(this.up, this.down);
        this.halfLength = HALF_LENGTH_FACTOR * maxRate;
        this.taps = lowPass(2 * halfLength + 1, 1.0 / maxRate);
        for (int i = 0; i < taps.length; i++) {
            taps[i] *= this.up;
        }
    }

    /**
     * A resampler from {@code fromHz} to {@code toHz}; the ratio is reduced to lowest terms after reading both rates
     * to 0.001 Hz.
     */
    public static Resampler between(double fromHz, double toHz) {
        return ratio(milliHertz(toHz), milliHertz(fromHz));
    }

    /** {@code resample_poly(x, up, down)}: upsample by {@code up}, filter, keep every {@code down}-th sample. */
    public static Resampler ratio(long up, long down) {
        if (up < 1 || down < 1) {
            throw new IllegalArgumentException("up and down must be at least 1, got " + up + " and " + down);
        }
        long gcd = gcd(up, down);
        if (up / gcd > MAX_FACTOR || down / gcd > MAX_FACTOR) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "resampling ratio %d/%d is too fine (terms above %d need an enormous filter); "
                            + "round the target rate", up / gcd, down / gcd, MAX_FACTOR));
        }
        return new Resampler((int) (up / gcd), (int) (down / gcd));
    }

    public int up() {
        return up;
    }

    public int down() {
        return down;
    }

    /** Output length for {@code samples} input samples: ceil(samples·up/down). */
    public int outputLength(int samples) {
        long n = (long) samples * up;
        return Math.toIntExact(n / down + (n % down == 0 ? 0 : 1));
    }

    /** Every lead of a record {@code [lead][sample]}, resampled; returns new arrays. */
    public float[][] apply(float[][] leads) {
        Signals.requireLeads(leads);
        float[][] out = new float[leads.length][];
        for (int lead = 0; lead < leads.length; lead++) {
            out[lead] = Signals.toFloat(resample(Signals.toDouble(leads[lead])));
        }
        return out;
    }

    /** One signal in double precision, the counterpart of {@code resample_poly(x, up, down)}. */
    public double[] apply(double[] x) {
        Signals.requireFinite(x, "the signal");
        return resample(x);
    }

    private double[] resample(double[] x) {
        if (up == 1 && down == 1) {
            return x.clone();
        }
        double[] y = new double[outputLength(x.length)];
        for (int j = 0; j < y.length; j++) {
            // Output j sits at up-sampled position j·down; the FIR is centred there, so input k meets tap
            // j·down + halfLength − k·up.
            long centre = (long) j * down + halfLength;
            int first = (int) Math.max(0, Math.floorDiv(centre - (taps.length - 1) + up - 1, up));
            int last = (int) Math.min(x.length - 1, Math.floorDiv(centre, up));
            double sum = 0;
            for (int k = first; k <= last; k++) {
                sum += x[k] * taps[(int) (centre - (long) k * up)];
            }
            y[j] = sum;
        }
        return y;
    }

    /** scipy {@code firwin(n, cutoff, window=('kaiser', 5.0))}: windowed sinc, scaled to unit gain at DC. */
    private static double[] lowPass(int n, double cutoff) {
        double[] window = Window.kaiser(KAISER_BETA).symmetric(n);
        double centre = 0.5 * (n - 1);
        double[] h = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            h[i] = cutoff * sinc(cutoff * (i - centre)) * window[i];
            sum += h[i];
        }
        for (int i = 0; i < n; i++) {
            h[i] /= sum;
        }
        return h;
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double y = Math.PI * x;
        return Math.sin(y) / y;
    }

    private static long milliHertz(double hz) {
        Signals.requireSamplingRate(hz);
        double milli = hz * 1000;
        long rounded = Math.round(milli);
        if (Math.abs(milli - rounded) > 1e-6 * Math.max(1, milli)) {
            throw new IllegalArgumentException("sampling rate " + hz + " Hz is not a multiple of 0.001 Hz; "
                    + "use Resampler.ratio(up, down)");
        }
        return rounded;
    }

    private static int gcd(int a, int b) {
        return (int) gcd((long) a, b);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Resampler[up %d, down %d, Kaiser(5.0) FIR of %d taps]", up, down, taps.length);
    }
}
