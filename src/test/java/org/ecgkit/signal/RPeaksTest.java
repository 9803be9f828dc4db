package org.ecgkit.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * R-peak detection on beats drawn as sums of Gaussian P, Q, R, S and T waves at known times (after McSharry's ECGSYN
 * morphology), for regular, slow, fast, fibrillating and ectopic rhythms.
 */
class RPeaksTest {

    /** A lead with beats at the given times (seconds); ectopic beats are wide, tall and lack a P wave. */
    private static float[] draw(double[] beatTimes, boolean[] ectopic, boolean pWaves, double seconds, double fs) {
        float[] x = new float[(int) Math.round(seconds * fs)];
        for (int b = 0; b < beatTimes.length; b++) {
            double t0 = beatTimes[b];
            double rr = b + 1 < beatTimes.length ? beatTimes[b + 1] - t0 : 0.8;
            double width = ectopic[b] ? 2.5 : 1;
            double[][] waves = { // centre (s), amplitude (mV), sigma (s)
                {-0.20, pWaves && !ectopic[b] ? 0.15 : 0, 0.025},
                {-0.025 * width, -0.10, 0.010 * width},
                {0, ectopic[b] ? 1.6 : 1.0, 0.012 * width},
                {0.025 * width, -0.25, 0.010 * width},
                {0.25 * Math.sqrt(Math.min(rr, 1.2)), ectopic[b] ? -0.4 : 0.3, 0.045}};
            for (double[] w : waves) {
                int from = (int) Math.max(0, (t0 + w[0] - 5 * w[2]) * fs);
                int to = (int) Math.min(x.length - 1, (t0 + w[0] + 5 * w[2]) * fs);
                for (int i = from; i <= to; i++) {
                    double d = (i / fs - t0 - w[0]) / w[2];
                    x[i] += (float) (w[1] * Math.exp(-0.5 * d * d));
                }
            }
        }
        return x;
    }

    private static BeatMatching detectRhythm(String rhythm, double fs, long seed) {
        Random random = new Random(seed);
        double seconds = 10;
        List<Double> times = new ArrayList<>();
        List<Boolean> ectopic = new ArrayList<>();
        double t = 0.3 + 0.3 * random.nextDouble();
        int beat = 0;
        while (t < seconds - 0.3) {
            boolean early = rhythm.equals("pvc") && beat % 4 == 3;
            times.add(t);
            ectopic.add(early);
            double rr = switch (rhythm) {
                case "normal", "pvc" -> 0.8 + 0.03 * random.nextGaussian();
                case "brady" -> 1.4 + 0.03 * random.nextGaussian();
                case "tachy" -> 0.42 + 0.01 * random.nextGaussian();
                case "af" -> 0.35 + 0.6 * random.nextDouble();
                default -> throw new IllegalArgumentException(rhythm);
            };
            if (rhythm.equals("pvc") && beat % 4 == 2) {
                rr *= 0.6; // the ectopic beat comes early ...
            } else if (early) {
                rr *= 1.4; // ... and a compensatory pause follows
            }
            t += rr;
            beat++;
        }
        double[] beatTimes = times.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] isEctopic = new boolean[beatTimes.length];
        for (int i = 0; i < isEctopic.length; i++) {
            isEctopic[i] = ectopic.get(i);
        }
        float[] lead = draw(beatTimes, isEctopic, !rhythm.equals("af"), seconds, fs);
        int[] reference = times.stream().mapToInt(s -> (int) Math.round(s * fs)).toArray();
        return BeatMatching.of(reference, RPeaks.detect(lead, fs), fs);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {100, 500})
    void findsEveryBeatOfCleanSignals(double fs) {
        for (String rhythm : List.of("normal", "brady", "tachy", "af", "pvc")) {
            BeatMatching total = new BeatMatching(0, 0, 0);
            for (long seed = 0; seed < 10; seed++) {
                total = total.plus(detectRhythm(rhythm, fs, seed));
            }
            assertTrue(total.sensitivity() >= 0.99 && total.positivePredictivity() >= 0.99, rhythm + ": " + total);
        }
    }

    @Test
    void badInputIsRejected() {
        float[] lead = new float[1000];
        lead[10] = Float.NaN;
        var error = assertThrows(IllegalArgumentException.class, () -> RPeaks.detect(lead, 500));
        assertTrue(error.getMessage().startsWith("the lead has NaN at sample 10"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RPeaks.detect(new float[100], 500));
        assertThrows(IllegalArgumentException.class, () -> RPeaks.detect(new float[1000], 30));
        assertEquals(0, RPeaks.detect(new float[1000], 100).length, "a flat line has no beats");
    }
}
