package org.ecgkit.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * QRS detection by the Pan–Tompkins method (J. Pan, W. J. Tompkins, "A real-time QRS detection algorithm", IEEE
 * Trans. Biomed. Eng. 32(3), 1985): band-pass 5–15 Hz, five-point derivative, squaring, 150 ms moving-window
 * integration, then the paper's adaptive signal/noise thresholds on both the integrated and the band-passed signal,
 * a 200 ms refractory period, T-wave rejection within 360 ms by slope, and search-back with halved thresholds after
 * 166% of the regular RR interval. Differences from the real-time original, because records are analysed whole:
 * the filters are zero-phase Butterworth sections (so no delay is compensated), the moving window is centred, and
 * each beat is finally placed on the largest deviation of the 0.5–40 Hz filtered lead within ±50 ms.
 * Hand-written because no maintained Java library offers a QRS detector.
 *
 * <pre>{@code
 * int[] beats = RPeaks.detect(record[1], 500);   // lead II
 * RrFeatures rr = RrFeatures.of(beats, 500);
 * }</pre>
 */
public final class RPeaks {

    private static final double REFRACTORY_S = 0.200;
    private static final double T_WAVE_WINDOW_S = 0.360;
    private static final double INTEGRATION_WINDOW_S = 0.150;
    private static final double LEARNING_S = 2.0;
    private static final double MISSED_BEAT_FACTOR = 1.66;

    private RPeaks() {
    }

    /**
     * Sample indices of the R peaks of one lead, in increasing order.
     *
     * @throws IllegalArgumentException for NaN or infinite samples (naming the sample), a rate below 40 Hz (the 5–15 Hz
     *                                  band needs it) or a lead shorter than one second
     */
    public static int[] detect(float[] lead, double samplingRate) {
        Signals.requireFinite(lead, "the lead");
        Signals.requireSamplingRate(samplingRate);
        if (samplingRate < 40) {
            throw new IllegalArgumentException("R-peak detection needs a sampling rate of at least 40 Hz, got "
                    + samplingRate);
        }
        if (lead.length < samplingRate) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "R-peak detection needs at least one second of signal, got %d samples at %s Hz",
                    lead.length, samplingRate));
        }
        return new Detector(Signals.toDouble(lead), samplingRate).run();
    }

    /** One detection run; holds the derived signals and the adaptive levels of the paper. */
    private static final class Detector {
        private final double fs;
        private final double[] band;
        private final double[] slope;
        private final double[] integrated;
        private final double[] wide;
        private final int refractory;

        private double signalLevel;
        private double noiseLevel;
        private double bandSignalLevel;
        private double bandNoiseLevel;
        private final List<Integer> beats = new ArrayList<>();
        private final List<Integer> beatCandidates = new ArrayList<>();
        private double lastQrsSlope;
        private final double[] recentRr = new double[8];
        private final double[] regularRr = new double[8];
        private int recentCount;
        private int regularCount;
        private int irregularInARow;

        Detector(double[] x, double fs) {
            this.fs = fs;
            this.refractory = (int) Math.round(REFRACTORY_S * fs);
            this.band = Butterworth.bandPass(1, 5, 15, fs).apply(x);
            this.slope = derivative(band, fs);
            double[] squared = new double[slope.length];
            for (int i = 0; i < squared.length; i++) {
                squared[i] = slope[i] * slope[i];
            }
            this.integrated = movingAverage(squared, Math.max(1, (int) Math.round(INTEGRATION_WINDOW_S * fs)));
            this.wide = Butterworth.bandPass(2, 0.5, Math.min(40, 0.45 * fs), fs).apply(x);
        }

        int[] run() {
            learn();
            int[] candidates = peaks(integrated, refractory);
            for (int peak : candidates) {
                int qrs = bandPeakNear(peak);
                double height = integrated[peak];
                double bandHeight = Math.abs(band[qrs]);
                if (!beats.isEmpty()) {
                    searchBack(candidates, peak);
                }
                int last = beats.isEmpty() ? Integer.MIN_VALUE : beatCandidates.get(beatCandidates.size() - 1);
                boolean isQrs = height > threshold() && bandHeight > bandThreshold();
                if (isQrs && last != Integer.MIN_VALUE && peak - last < T_WAVE_WINDOW_S * fs) {
                    if (peak - last <= refractory || maxSlope(qrs) < 0.5 * lastQrsSlope) {
                        isQrs = false; // a T wave: too close and too gentle
                    }
                }
                if (isQrs) {
                    accept(peak, qrs, 0.125);
                } else {
                    noiseLevel = 0.125 * height + 0.875 * noiseLevel;
                    bandNoiseLevel = 0.125 * bandHeight + 0.875 * bandNoiseLevel;
                }
            }
            return beats.stream().mapToInt(this::refine).distinct().sorted().toArray();
        }

        /** Initial levels from the first two seconds, as the paper's learning phase. */
        private void learn() {
            int end = Math.min(integrated.length, (int) Math.round(LEARNING_S * fs));
            double max = 0;
            double mean = 0;
            double bandMax = 0;
            double bandMean = 0;
            for (int i = 0; i < end; i++) {
                max = Math.max(max, integrated[i]);
                mean += integrated[i];
                bandMax = Math.max(bandMax, Math.abs(band[i]));
                bandMean += Math.abs(band[i]);
            }
            signalLevel = max / 3;
            noiseLevel = mean / end / 2;
            bandSignalLevel = bandMax / 3;
            bandNoiseLevel = bandMean / end / 2;
        }

        private double threshold() {
            double t = noiseLevel + 0.25 * (signalLevel - noiseLevel);
            return irregular() ? t / 2 : t;
        }

        private double bandThreshold() {
            double t = bandNoiseLevel + 0.25 * (bandSignalLevel - bandNoiseLevel);
            return irregular() ? t / 2 : t;
        }

        /** The paper halves the thresholds while the latest RR interval is outside 92–116% of the regular average. */
        private boolean irregular() {
            if (recentCount == 0 || regularCount == 0) {
                return false;
            }
            double latest = recentRr[(recentCount - 1) % 8];
            double regular = average(regularRr, regularCount);
            return latest < 0.92 * regular || latest > 1.16 * regular;
        }

        /** After a pause longer than 166% of the RR average, the largest skipped candidate above half threshold. */
        private void searchBack(int[] candidates, int peak) {
            double rr = regularCount > 0 ? average(regularRr, regularCount)
                    : recentCount > 0 ? average(recentRr, recentCount) : 0;
            int last = beatCandidates.get(beatCandidates.size() - 1);
            if (rr == 0 || peak - last < MISSED_BEAT_FACTOR * rr) {
                return;
            }
            int best = -1;
            for (int c : candidates) {
                if (c > last + refractory && c < peak - refractory && (best < 0 || integrated[c] > integrated[best])) {
                    best = c;
                }
            }
            if (best < 0) {
                return;
            }
            int qrs = bandPeakNear(best);
            if (integrated[best] > threshold() / 2 && Math.abs(band[qrs]) > bandThreshold() / 2) {
                accept(best, qrs, 0.25);
            }
        }

        private void accept(int peak, int qrs, double weight) {
            signalLevel = weight * integrated[peak] + (1 - weight) * signalLevel;
            bandSignalLevel = weight * Math.abs(band[qrs]) + (1 - weight) * bandSignalLevel;
            if (!beatCandidates.isEmpty()) {
                double rr = peak - beatCandidates.get(beatCandidates.size() - 1);
                double regular = regularCount > 0 ? average(regularRr, regularCount) : rr;
                recentRr[recentCount++ % 8] = rr;
                if (rr >= 0.92 * regular && rr <= 1.16 * regular || regularCount == 0) {
                    regularRr[regularCount++ % 8] = rr;
                    irregularInARow = 0;
                } else if (++irregularInARow >= 8) {
                    // Eight irregular intervals in a row (a new rate, or atrial fibrillation): they become the
                    // reference, as in the paper, where RR AVERAGE2 follows RR AVERAGE1 when the rhythm is irregular.
                    System.arraycopy(recentRr, 0, regularRr, 0, 8);
                    regularCount = Math.max(regularCount, 8);
                    irregularInARow = 0;
                }
            }
            lastQrsSlope = maxSlope(qrs);
            beats.add(qrs);
            beatCandidates.add(peak);
        }

        private static double average(double[] values, int count) {
            int n = Math.min(count, values.length);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[i];
            }
            return sum / n;
        }

        private int bandPeakNear(int centre) {
            return argMaxAbs(band, centre - refractory / 2, centre + refractory / 2);
        }

        private double maxSlope(int centre) {
            int half = (int) Math.round(0.075 * fs);
            return Math.abs(slope[argMaxAbs(slope, centre - half, centre + half)]);
        }

        /** The R peak: largest deviation of the 0.5–40 Hz lead within ±50 ms of the band-pass peak. */
        private int refine(int qrs) {
            int half = Math.max(1, (int) Math.round(0.050 * fs));
            return argMaxAbs(wide, qrs - half, qrs + half);
        }

        private static int argMaxAbs(double[] x, int from, int to) {
            int lo = Math.max(0, from);
            int hi = Math.min(x.length - 1, to);
            int best = lo;
            for (int i = lo + 1; i <= hi; i++) {
                if (Math.abs(x[i]) > Math.abs(x[best])) {
                    best = i;
                }
            }
            return best;
        }
    }

    /** Five-point derivative of the paper, centred: (2x[n+1] + x[n+2] − x[n−2] − 2x[n−1])·fs/8. */
    private static double[] derivative(double[] x, double fs) {
        double[] d = new double[x.length];
        for (int n = 2; n < x.length - 2; n++) {
            d[n] = (2 * x[n + 1] + x[n + 2] - x[n - 2] - 2 * x[n - 1]) * fs / 8;
        }
        return d;
    }

    /** Centred moving average of {@code width} samples (shorter at the edges). */
    private static double[] movingAverage(double[] x, int width) {
        double[] prefix = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            prefix[i + 1] = prefix[i] + x[i];
        }
        double[] y = new double[x.length];
        int before = width / 2;
        int after = width - 1 - before;
        for (int i = 0; i < x.length; i++) {
            int lo = Math.max(0, i - before);
            int hi = Math.min(x.length - 1, i + after);
            y[i] = (prefix[hi + 1] - prefix[lo]) / (hi - lo + 1);
        }
        return y;
    }

    /**
     * Local maxima at least {@code distance} samples apart, keeping the higher of close pairs (scipy
     * {@code find_peaks(x, distance=...)} semantics), in increasing order.
     */
    static int[] peaks(double[] x, int distance) {
        List<Integer> maxima = new ArrayList<>();
        for (int i = 1; i < x.length - 1; i++) {
            if (x[i] > x[i - 1] && x[i] >= x[i + 1]) {
                maxima.add(i);
            }
        }
        Integer[] byHeight = maxima.toArray(new Integer[0]);
        Arrays.sort(byHeight, (a, b) -> Double.compare(x[b], x[a]));
        boolean[] kept = new boolean[x.length];
        List<Integer> accepted = new ArrayList<>();
        for (int candidate : byHeight) {
            boolean clear = true;
            for (int i = Math.max(0, candidate - distance + 1); i < Math.min(x.length, candidate + distance); i++) {
                if (kept[i]) {
                    clear = false;
                    break;
                }
            }
            if (clear) {
                kept[candidate] = true;
                accepted.add(candidate);
            }
        }
        return accepted.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
