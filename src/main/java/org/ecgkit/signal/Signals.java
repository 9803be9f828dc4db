package org.ecgkit.signal;

import java.util.Locale;

/** Input checks shared by the signal operations, so every one of them rejects bad input with the same words. */
final class Signals {

    private Signals() {
    }

    /** Rejects null, empty, ragged or non-finite leads, naming the lead and sample at fault; returns the length. */
    static int requireLeads(float[][] leads) {
        int samples = requireShape(leads);
        for (int lead = 0; lead < leads.length; lead++) {
            requireFinite(leads[lead], 0, samples, "lead " + lead);
        }
        return samples;
    }

    /** Rejects null, empty or ragged leads; returns the number of samples per lead. */
    static int requireShape(float[][] leads) {
        if (leads == null || leads.length == 0) {
            throw new IllegalArgumentException("the record has no leads");
        }
        int samples = -1;
        for (int lead = 0; lead < leads.length; lead++) {
            if (leads[lead] == null || leads[lead].length == 0) {
                throw new IllegalArgumentException("lead " + lead + " has no samples");
            }
            if (samples >= 0 && leads[lead].length != samples) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "lead %d has %d samples but lead 0 has %d", lead, leads[lead].length, samples));
            }
            samples = leads[lead].length;
        }
        return samples;
    }

    static void requireFinite(float[] values, String what) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(what + " has no samples");
        }
        requireFinite(values, 0, values.length, what);
    }

    /** Rejects NaN or infinity in {@code values[from, to)}. */
    static void requireFinite(float[] values, int from, int to, String what) {
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(values[i])) {
                throw notFinite(what, i, values[i]);
            }
        }
    }

    static void requireFinite(double[] values, String what) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(what + " has no samples");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw notFinite(what, i, values[i]);
            }
        }
    }

    private static IllegalArgumentException notFinite(String what, int sample, double value) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "%s has %s at sample %d; clean or drop the record first (no NaN or infinite samples allowed)",
                what, value, sample));
    }

    static void requireSamplingRate(double samplingRate) {
        if (!(samplingRate > 0) || Double.isInfinite(samplingRate)) {
            throw new IllegalArgumentException("sampling rate must be a positive number of Hz, got " + samplingRate);
        }
    }

    static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    static float[] toFloat(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }
}
