package org.ecgkit.plot;

import java.util.Random;

/**
 * Plausible ECG test signals for the plot tests and visual checks: each beat is a sum of Gaussian P, Q, R, S and T
 * waves (McSharry et al. 2003 style), projected onto the 12 leads with lead-specific gains, plus a little noise.
 */
final class TestEcg {

    /** Wave centre (s after the R peak), width (s) and amplitude (mV) in lead II. */
    private static final double[][] WAVES = {
            {-0.20, 0.025, 0.15}, {-0.03, 0.010, -0.12}, {0.0, 0.011, 1.2}, {0.03, 0.010, -0.25}, {0.28, 0.045, 0.3}};
    /** Per lead (standard order): gain of P/T, gain of QRS. Rough shapes of a normal ECG (aVR inverted, V1 mostly S). */
    private static final double[][] LEAD_GAINS = {
            {0.6, 0.7}, {1.0, 1.0}, {0.4, 0.3}, {-0.8, -0.85}, {0.1, 0.2}, {0.7, 0.65},
            {0.3, -0.6}, {0.8, -0.4}, {1.0, 0.6}, {1.1, 1.3}, {1.0, 1.2}, {0.8, 0.9}};

    private TestEcg() {
    }

    static EcgRecord twelveLead(double seconds, double samplingRate, double heartRate) {
        int n = (int) Math.round(seconds * samplingRate);
        float[][] leads = new float[12][n];
        Random noise = new Random(12);
        double period = 60 / heartRate;
        for (int i = 0; i < n; i++) {
            double t = i / samplingRate;
            double sinceBeat = ((t - 0.3) % period + period) % period;
            double toNextBeat = sinceBeat - period;
            double baselineWander = 0.05 * Math.sin(2 * Math.PI * 0.3 * t);
            for (int lead = 0; lead < 12; lead++) {
                double v = baselineWander + 0.01 * noise.nextGaussian();
                for (int w = 0; w < WAVES.length; w++) {
                    double gain = (w == 0 || w == 4) ? LEAD_GAINS[lead][0] : LEAD_GAINS[lead][1];
                    for (double dt : new double[] {sinceBeat, toNextBeat}) {
                        double z = (dt - WAVES[w][0]) / WAVES[w][1];
                        v += gain * WAVES[w][2] * Math.exp(-0.5 * z * z);
                    }
                }
                leads[lead][i] = (float) v;
            }
        }
        return EcgRecord.of("synthetic-" + (int) heartRate + "bpm", leads, samplingRate);
    }

    static EcgRecord singleLead(double seconds, double samplingRate, double heartRate) {
        EcgRecord twelve = twelveLead(seconds, samplingRate, heartRate);
        return new EcgRecord(twelve.id(), new float[][] {twelve.lead("II")}, samplingRate, java.util.List.of("ECG"));
    }
}
