package org.ecgkit.synth;

import java.util.List;

/**
 * One synthetic recording with its ground truth.
 *
 * @param leads        {@code [lead][sample]} in mV, in the order of {@code leadNames}
 * @param samplingRate samples per second
 * @param rPeaks       sample index of every QRS complex (R wave), normal and ectopic beats alike
 * @param ectopic      true for the beats of {@code rPeaks} that are premature ventricular contractions
 * @param rhythm       the rhythm drawn
 * @param heartRate    mean heart rate in beats per minute
 * @param leadNames    lead names
 */
public record SyntheticEcg(float[][] leads, double samplingRate, int[] rPeaks, boolean[] ectopic, Rhythm rhythm,
                           double heartRate, List<String> leadNames) {

    /** RR intervals in seconds between consecutive R peaks. */
    public double[] rrIntervals() {
        double[] rr = new double[Math.max(0, rPeaks.length - 1)];
        for (int i = 0; i < rr.length; i++) {
            rr[i] = (rPeaks[i + 1] - rPeaks[i]) / samplingRate;
        }
        return rr;
    }

    /** The samples of one lead by name, e.g. {@code lead("II")}. */
    public float[] lead(String name) {
        int index = leadNames.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no lead " + name + "; leads are " + leadNames);
        }
        return leads[index];
    }
}
