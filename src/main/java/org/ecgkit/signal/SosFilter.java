package org.ecgkit.signal;

import java.util.Locale;

/**
 * An IIR filter as cascaded second-order sections {@code [b0 b1 b2 1 a1 a2]}, applied forward and backward for zero
 * phase exactly as {@code scipy.signal.sosfiltfilt(sos, x)} does: odd extension of
 * {@code 3·(2·sections + 1 − trailing zero coefficients)} samples at each end, {@code sosfilt_zi} initial states,
 * direct-form II transposed sections, all in double precision. Immutable and safe to share between threads.
 *
 * <p>Make one with {@link Butterworth} or {@link Notch}; apply it to a record with {@link #apply(float[][])}.
 */
public final class SosFilter {

    private final double[][] sections;
    /** Per-section state that makes a unit step pass with no transient ({@code sosfilt_zi}). */
    private final double[][] stepState;
    private final int padLength;
    private final String description;

    SosFilter(double[][] sections, String description) {
        this.sections = new double[sections.length][];
        for (int s = 0; s < sections.length; s++) {
            if (sections[s].length != 6 || sections[s][3] != 1.0) {
                throw new IllegalArgumentException("section " + s + " must be [b0 b1 b2 1 a1 a2]");
            }
            this.sections[s] = sections[s].clone();
        }
        this.stepState = stepState(this.sections);
        this.padLength = padLength(this.sections);
        this.description = description;
    }

    /** A filter from scipy-style sections, each {@code [b0, b1, b2, 1, a1, a2]}. */
    public static SosFilter of(double[][] sections) {
        if (sections == null || sections.length == 0) {
            throw new IllegalArgumentException("a filter needs at least one second-order section");
        }
        return new SosFilter(sections, "custom filter");
    }

    /** Zero-phase filtering of every lead of a record ({@code [lead][sample]}); returns new arrays. */
    public float[][] apply(float[][] leads) {
        int samples = Signals.requireLeads(leads);
        requireLongEnough(samples);
        double[] work = new double[samples + 2 * padLength];
        float[][] result = new float[leads.length][samples];
        for (int lead = 0; lead < leads.length; lead++) {
            float[] x = leads[lead];
            for (int i = 0; i < samples; i++) {
                work[padLength + i] = x[i];
            }
            filterForwardBackward(work);
            float[] y = result[lead];
            for (int i = 0; i < samples; i++) {
                y[i] = (float) work[padLength + i];
            }
        }
        return result;
    }

    /** Zero-phase filtering of one lead. */
    public float[] apply(float[] lead) {
        return apply(new float[][] {lead})[0];
    }

    /** Zero-phase filtering in double precision, the exact counterpart of {@code sosfiltfilt(sos, x)}. */
    public double[] apply(double[] x) {
        Signals.requireFinite(x, "the signal");
        requireLongEnough(x.length);
        double[] work = new double[x.length + 2 * padLength];
        System.arraycopy(x, 0, work, padLength, x.length);
        filterForwardBackward(work);
        double[] y = new double[x.length];
        System.arraycopy(work, padLength, y, 0, x.length);
        return y;
    }

    /** One causal pass from rest, {@code sosfilt(sos, x)}: has phase delay; for comparison and streaming uses. */
    public double[] forward(double[] x) {
        Signals.requireFinite(x, "the signal");
        double[] y = x.clone();
        double[][] state = new double[sections.length][2];
        filter(y, 0, y.length, 1, state);
        return y;
    }

    /** Samples added at each end by the odd extension; signals must be longer than this. */
    public int padLength() {
        return padLength;
    }

    /** A copy of the sections, one {@code [b0 b1 b2 1 a1 a2]} row each. */
    public double[][] sections() {
        double[][] copy = new double[sections.length][];
        for (int s = 0; s < sections.length; s++) {
            copy[s] = sections[s].clone();
        }
        return copy;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%d second-order sections, zero-phase, %d samples padding)",
                description, sections.length, padLength);
    }

    private void requireLongEnough(int samples) {
        if (samples <= padLength) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the signal has %d samples but %s needs more than %d (its zero-phase edge padding)",
                    samples, description, padLength));
        }
    }

    /**
     * {@code work} holds the signal between two gaps of {@code padLength}; fills the gaps with the odd extension,
     * filters forward, then backward, in place.
     */
    private void filterForwardBackward(double[] work) {
        int n = work.length - 2 * padLength;
        int first = padLength;
        int last = padLength + n - 1;
        for (int i = 1; i <= padLength; i++) {
            work[first - i] = 2 * work[first] - work[first + i];
            work[last + i] = 2 * work[last] - work[last - i];
        }
        double[][] state = new double[sections.length][2];
        startFromSteadyState(state, work[0]);
        filter(work, 0, work.length, 1, state);
        startFromSteadyState(state, work[work.length - 1]);
        filter(work, work.length - 1, -1, -1, state);
    }

    private void startFromSteadyState(double[][] state, double level) {
        for (int s = 0; s < sections.length; s++) {
            state[s][0] = stepState[s][0] * level;
            state[s][1] = stepState[s][1] * level;
        }
    }

    /** Direct-form II transposed, in scipy's {@code _sosfilt} operation order, over {@code from} to {@code to}. */
    private void filter(double[] x, int from, int to, int step, double[][] state) {
        int count = sections.length;
        for (int i = from; i != to; i += step) {
            double value = x[i];
            for (int s = 0; s < count; s++) {
                double[] c = sections[s];
                double[] z = state[s];
                double out = c[0] * value + z[0];
                z[0] = c[1] * value - c[4] * out + z[1];
                z[1] = c[2] * value - c[5] * out;
                value = out;
            }
            x[i] = value;
        }
    }

    /** scipy {@code sosfilt_zi}: each section's {@code lfilter_zi}, scaled by the DC gain of the sections before it. */
    private static double[][] stepState(double[][] sections) {
        double[][] zi = new double[sections.length][2];
        double scale = 1;
        for (int s = 0; s < sections.length; s++) {
            double[] c = sections[s];
            // lfilter_zi for one biquad: solve zi = A·zi + B, in closed form.
            double b0 = c[0];
            double a1 = c[4];
            double a2 = c[5];
            double first = ((c[1] - a1 * b0) + (c[2] - a2 * b0)) / (1 + a1 + a2);
            zi[s][0] = scale * first;
            zi[s][1] = scale * ((1 + a1) * first - (c[1] - a1 * b0));
            scale *= (c[0] + c[1] + c[2]) / (1 + a1 + a2);
        }
        return zi;
    }

    /** scipy {@code sosfiltfilt}'s default padding, which shrinks when sections are really first order. */
    private static int padLength(double[][] sections) {
        int zeroB2 = 0;
        int zeroA2 = 0;
        for (double[] c : sections) {
            zeroB2 += c[2] == 0 ? 1 : 0;
            zeroA2 += c[5] == 0 ? 1 : 0;
        }
        return 3 * (2 * sections.length + 1 - Math.min(zeroB2, zeroA2));
    }
}
