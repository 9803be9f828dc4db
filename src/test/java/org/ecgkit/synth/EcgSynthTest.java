package org.ecgkit.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.jtransforms.fft.DoubleFFT_1D;

class EcgSynthTest {

    static SyntheticEcg clean(Rhythm rhythm, long seed, double fs) {
        return EcgSynth.builder().rhythm(rhythm).samplingRate(fs).seconds(20).noise(Noise.NONE).seed(seed).generate();
    }

    static double coefficientOfVariation(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        double var = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        return Math.sqrt(var) / mean;
    }

    @Test
    void sameSeedSameRecordingOtherSeedOtherRecording() {
        SyntheticEcg a = EcgSynth.builder().rhythm(Rhythm.AF).seed(5).generate();
        SyntheticEcg b = EcgSynth.builder().rhythm(Rhythm.AF).seed(5).generate();
        SyntheticEcg c = EcgSynth.builder().rhythm(Rhythm.AF).seed(6).generate();
        for (int lead = 0; lead < 12; lead++) {
            assertArrayEquals(a.leads()[lead], b.leads()[lead]);
        }
        assertArrayEquals(a.rPeaks(), b.rPeaks());
        assertFalse(Arrays.equals(a.leads()[1], c.leads()[1]));
    }

    @Test
    void heartRatesFollowTheRhythm() {
        for (long seed = 0; seed < 10; seed++) {
            double brady = 60 / mean(clean(Rhythm.BRADY, seed, 250).rrIntervals());
            double tachy = 60 / mean(clean(Rhythm.TACHY, seed, 250).rrIntervals());
            double normal = 60 / mean(clean(Rhythm.NORMAL, seed, 250).rrIntervals());
            assertTrue(brady < 60, "bradycardia at " + brady + " bpm");
            assertTrue(tachy > 100, "tachycardia at " + tachy + " bpm");
            assertTrue(normal >= 57 && normal <= 100, "sinus rhythm at " + normal + " bpm");
        }
    }

    @Test
    void atrialFibrillationIsIrregularSinusRhythmIsNot() {
        for (long seed = 0; seed < 10; seed++) {
            double af = coefficientOfVariation(successiveDifferences(clean(Rhythm.AF, seed, 250).rrIntervals()));
            double sinus = coefficientOfVariation(clean(Rhythm.NORMAL, seed, 250).rrIntervals());
            double afRr = coefficientOfVariation(clean(Rhythm.AF, seed, 250).rrIntervals());
            assertTrue(afRr > 0.12, "AF RR variation " + afRr);
            assertTrue(sinus < 0.08, "sinus RR variation " + sinus);
            assertTrue(Double.isFinite(af));
        }
    }

    static SyntheticEcg atRate(Rhythm rhythm, long seed) {
        return EcgSynth.builder().rhythm(rhythm).samplingRate(500).seconds(30).noise(Noise.NONE).heartRate(70).seed(seed)
                .generate();
    }

    /** The beat-averaged lead II before the R wave shows a P wave in sinus rhythm and none in AF. */
    @Test
    void atrialFibrillationHasNoPWaves() {
        for (long seed = 0; seed < 5; seed++) {
            double sinusP = pWaveAmplitude(atRate(Rhythm.NORMAL, seed));
            double afP = pWaveAmplitude(atRate(Rhythm.AF, seed));
            assertTrue(sinusP > 0.04, "sinus P wave " + sinusP + " mV");
            assertTrue(afP < sinusP / 3, "AF P wave " + afP + " mV vs sinus " + sinusP);
        }
    }

    /** What remains in V1 once the average beat is subtracted: the fibrillatory waves of AF at 4–9 Hz. */
    @Test
    void atrialFibrillationHasAFibrillatoryBaselineInV1() {
        for (long seed = 0; seed < 5; seed++) {
            SyntheticEcg af = clean(Rhythm.AF, seed, 500);
            SyntheticEcg sinus = clean(Rhythm.NORMAL, seed, 500);
            double afResidual = rms(residual(af, "V1"));
            double sinusResidual = rms(residual(sinus, "V1"));
            assertTrue(afResidual > 3 * sinusResidual, "V1 residual AF " + afResidual + " vs sinus " + sinusResidual);
            double peak = dominantFrequency(residual(af, "V1"), 500, 2, 15);
            assertTrue(peak >= 4 && peak <= 9, "fibrillatory waves at " + peak + " Hz");
        }
    }

    @Test
    void prematureBeatsAreEarlyWideAndFollowedByAPause() {
        for (long seed = 0; seed < 10; seed++) {
            SyntheticEcg ecg = clean(Rhythm.PVC, seed, 500);
            boolean[] ectopic = ecg.ectopic();
            int[] peaks = ecg.rPeaks();
            int found = 0;
            for (int i = 1; i + 1 < peaks.length; i++) {
                if (ectopic[i] && !ectopic[i - 1] && !ectopic[i + 1]) {
                    found++;
                    double coupling = peaks[i] - peaks[i - 1];
                    double pause = peaks[i + 1] - peaks[i];
                    assertTrue(pause > 1.3 * coupling, "compensatory pause " + pause + " after coupling " + coupling);
                    double wide = qrsWidth(ecg.lead("V1"), peaks[i], 500);
                    double narrow = qrsWidth(ecg.lead("V1"), peaks[i - 1], 500);
                    assertTrue(wide > 1.8 * narrow, "ectopic QRS " + wide + " s vs normal " + narrow + " s");
                }
            }
            assertTrue(found >= 1, "seed " + seed + " has no isolated PVC inside the record");
        }
        assertEquals(0, count(clean(Rhythm.NORMAL, 1, 500).ectopic()));
    }

    @Test
    void mainsHumIsLeftOutAboveNyquist() {
        Noise humOnly = new Noise(0, 0.05, 50, 0);
        SyntheticEcg at500 = EcgSynth.builder().samplingRate(500).noise(humOnly).seed(1).generate();
        SyntheticEcg at500Clean = EcgSynth.builder().samplingRate(500).noise(Noise.NONE).seed(1).generate();
        SyntheticEcg at100 = EcgSynth.builder().samplingRate(100).noise(humOnly).seed(1).generate();
        SyntheticEcg at100Clean = EcgSynth.builder().samplingRate(100).noise(Noise.NONE).seed(1).generate();
        double[] hum = difference(at500.lead("I"), at500Clean.lead("I"));
        assertEquals(50, dominantFrequency(hum, 500, 1, 249), 0.2);
        assertTrue(rms(difference(at100.lead("I"), at100Clean.lead("I"))) < 1e-6);
    }

    // --- measurements on the signals ---

    /**
     * Height of the P wave in the beat-averaged lead II: the peak 260–60 ms before R above the straight line joining
     * the window's ends, which removes the slow tail of preceding T waves (irregular in AF). Beats after short cycles,
     * whose T wave reaches into the window, are left out.
     */
    static double pWaveAmplitude(SyntheticEcg ecg) {
        double fs = ecg.samplingRate();
        double[] avg = averageBeat(ecg, "II", 0.26, 0.0, 0.6);
        int end = (int) (0.2 * fs);
        double peak = 0;
        for (int i = 0; i <= end; i++) {
            double line = avg[0] + (avg[end] - avg[0]) * i / end;
            peak = Math.max(peak, avg[i] - line);
        }
        return peak;
    }

    static double[] averageBeat(SyntheticEcg ecg, String lead, double before, double after, double minPrecedingRr) {
        float[] x = ecg.lead(lead);
        int fs = (int) ecg.samplingRate();
        int pre = (int) (before * fs);
        int post = (int) (after * fs);
        double[] sum = new double[pre + post];
        int beats = 0;
        int[] peaks = ecg.rPeaks();
        for (int k = 1; k < peaks.length; k++) {
            int r = peaks[k];
            if (r - pre < 0 || r + post > x.length || (r - peaks[k - 1]) / ecg.samplingRate() < minPrecedingRr) {
                continue;
            }
            for (int i = 0; i < pre + post; i++) {
                sum[i] += x[r - pre + i];
            }
            beats++;
        }
        int n = beats;
        return Arrays.stream(sum).map(v -> v / n).toArray();
    }

    static double[] residual(SyntheticEcg ecg, String lead) {
        int fs = (int) ecg.samplingRate();
        int pre = (int) (0.1 * fs);
        int post = (int) (0.15 * fs);
        double[] template = averageBeat(ecg, lead, 0.1, 0.15, 0);
        float[] x = ecg.lead(lead);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        for (int r : ecg.rPeaks()) {
            for (int i = 0; i < pre + post; i++) {
                int s = r - pre + i;
                if (s >= 0 && s < x.length) {
                    out[s] -= template[i];
                }
            }
        }
        // only the QRS region is subtracted; drop the slow T waves with a 2 Hz first difference filter
        double[] diff = new double[out.length - 1];
        for (int i = 0; i < diff.length; i++) {
            diff[i] = out[i + 1] - out[i];
        }
        return diff;
    }

    static double dominantFrequency(double[] x, double fs, double lo, double hi) {
        double[] data = Arrays.copyOf(x, x.length * 2);
        new DoubleFFT_1D(x.length).realForwardFull(data);
        int best = -1;
        double bestPower = -1;
        for (int k = 1; k < x.length / 2; k++) {
            double f = k * fs / x.length;
            double power = data[2 * k] * data[2 * k] + data[2 * k + 1] * data[2 * k + 1];
            if (f >= lo && f <= hi && power > bestPower) {
                bestPower = power;
                best = k;
            }
        }
        return best * fs / x.length;
    }

    /** Time above half of the beat's peak absolute amplitude around the R wave. */
    static double qrsWidth(float[] x, int r, double fs) {
        int half = (int) (0.15 * fs);
        double peak = 0;
        for (int i = Math.max(0, r - half); i < Math.min(x.length, r + half); i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        int above = 0;
        for (int i = Math.max(0, r - half); i < Math.min(x.length, r + half); i++) {
            if (Math.abs(x[i]) > peak / 2) {
                above++;
            }
        }
        return above / fs;
    }

    static double[] successiveDifferences(double[] rr) {
        double[] d = new double[rr.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(rr[i + 1] - rr[i]) + 1e-9;
        }
        return d;
    }

    static double[] difference(float[] a, float[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    static double rms(double[] x) {
        return Math.sqrt(Arrays.stream(x).map(v -> v * v).average().orElseThrow());
    }

    static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
