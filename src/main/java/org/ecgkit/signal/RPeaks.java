package org.ecgkit.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * QRS detection for one lead or several leads together. The detection function is the length transform of Zong,
 * Moody and Jiang ("A robust open-source algorithm to detect onset and duration of QRS complexes", Computers in
 * Cardiology 30, 2003; PhysioNet's {@code wqrs}): the curve length of the 16 Hz low-passed signal over 130 ms, summed
 * over the leads given. Beats are picked by the decision rules of Pan and Tompkins ("A real-time QRS detection
 * algorithm", IEEE Trans. Biomed. Eng. 32(3), 1985): adaptive signal and noise levels with the threshold a quarter of
 * the way from noise to signal, a 200 ms refractory period, T-wave rejection within 360 ms when the steepest 5–15 Hz
 * slope is under half that of the beats before, and search-back at half threshold after 166% of the regular RR interval.
 *
 * <p>Departures from the paper, each made because the original failed on synthetic atrial fibrillation or ventricular
 * beats or on the handheld recordings of CinC 2017: the curve length replaces the 5–15 Hz squared-derivative energy
 * (which scores a wide ventricular beat at a tenth of a narrow one, below its own T waves; the curve length scores
 * beats by amplitude, whatever their width); the initial levels are learnt from the whole record, not its first two
 * seconds (where electrode artefacts are worst); thresholds are not halved for irregular rhythms (in atrial
 * fibrillation that lets fibrillatory waves through); the T-wave test also screens search-back candidates; the
 * record's first and last samples may be peaks (beats cut off by the ends).
 *
 * <p>Several leads: a beat whose axis is perpendicular to a lead is nearly flat in it, so give all the leads a record
 * has. Records are analysed whole, so every filter is zero-phase and no delay needs compensating; each beat is placed
 * on the largest deviation (summed squares over leads) of the 0.5–40 Hz filtered signal within ±100 ms, and beats
 * placed closer than 200 ms are merged. Hand-written because no maintained Java library offers a QRS detector.
 *
 * <pre>{@code
 * int[] beats = RPeaks.detect(record, 500);        // all leads of a record [lead][sample]
 * int[] fromII = RPeaks.detect(record[1], 500);    // one lead
 * }</pre>
 */
public final class RPeaks {

    private static final double LOW_PASS_HZ = 16;
    private static final double LENGTH_WINDOW_S = 0.130;
    private static final double REFRACTORY_S = 0.200;
    private static final double T_WAVE_WINDOW_S = 0.360;
    private static final double SLOPE_WINDOW_S = 0.075;
    private static final double PLACEMENT_WINDOW_S = 0.100;
    private static final double MISSED_BEAT_FACTOR = 1.66;
    /** Lowest rate accepted: the 16 Hz low-pass must lie below Nyquist. */
    public static final double MIN_SAMPLING_RATE = 40;

    private RPeaks() {
    }

    /** R-peak sample indices of one lead, increasing. See {@link #detect(float[][], double)} for the errors. */
    public static int[] detect(float[] lead, double samplingRate) {
        return detect(new float[][] {lead}, samplingRate);
    }

    /**
     * R-peak sample indices of a record {@code [lead][sample]}, all leads analysed together, increasing.
     *
     * @throws IllegalArgumentException for NaN or infinite samples (naming lead and sample), ragged leads, a rate below
     *                                  40 Hz, or less than one second of signal
     */
    public static int[] detect(float[][] leads, double samplingRate) {
        int samples = Signals.requireLeads(leads);
        Signals.requireSamplingRate(samplingRate);
        if (samplingRate < MIN_SAMPLING_RATE) {
            throw new IllegalArgumentException("R-peak detection needs a sampling rate of at least "
                    + MIN_SAMPLING_RATE + " Hz, got " + samplingRate);
        }
        if (samples < samplingRate) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "R-peak detection needs at least one second of signal, got %d samples at %s Hz",
                    samples, samplingRate));
        }
        return new Detector(leads, samplingRate).run();
    }

    /** One detection run: the detection function and the adaptive levels of Pan and Tompkins. */
    private static final class Detector {
        private final double fs;
        private final int refractory;
        /** Summed absolute slope of the low-passed leads; its moving average is the length transform. */
        private final double[] slope;
        /** Summed absolute slope of the 5–15 Hz band-passed leads: Pan–Tompkins' QRS-versus-T-wave measure. */
        private final double[] sharpness;
        private final double[] length;
        /** Summed squares of the 0.5–40 Hz leads, where beats are finally placed. */
        private final double[] energy;

        private double signalLevel;
        private double noiseLevel;
        /** Running average (weight 1/8, like the levels) of the beats' steepest 5–15 Hz slope. */
        private double qrsSharpness;
        private final List<Integer> beats = new ArrayList<>();
        private final double[] recentRr = new double[8];
        private final double[] regularRr = new double[8];
        private int recentCount;
        private int regularCount;
        private int irregularInARow;

        Detector(float[][] leads, double fs) {
            this.fs = fs;
            this.refractory = (int) Math.round(REFRACTORY_S * fs);
            int n = leads[0].length;
            slope = new double[n];
            sharpness = new double[n];
            energy = new double[n];
            float[][] smooth = Butterworth.lowPass(2, LOW_PASS_HZ, fs).apply(leads);
            float[][] qrsBand = Butterworth.bandPass(1, 5, 15, fs).apply(leads);
            float[][] wide = Butterworth.bandPass(2, 0.5, Math.min(40, 0.45 * fs), fs).apply(leads);
            for (int lead = 0; lead < leads.length; lead++) {
                for (int i = 1; i < n; i++) {
                    slope[i] += Math.abs(smooth[lead][i] - smooth[lead][i - 1]);
                    sharpness[i] += Math.abs(qrsBand[lead][i] - qrsBand[lead][i - 1]);
                    energy[i] += (double) wide[lead][i] * wide[lead][i];
                }
            }
            length = movingAverage(slope, Math.max(1, (int) Math.round(LENGTH_WINDOW_S * fs)));
        }

        int[] run() {
            int[] candidates = peaks(length, refractory);
            learn(candidates);
            for (int peak : candidates) {
                if (!beats.isEmpty()) {
                    searchBack(candidates, peak);
                }
                double height = length[peak];
                boolean isQrs = height > threshold();
                if (isQrs && looksLikeTWave(peak)) {
                    isQrs = false;
                }
                if (isQrs) {
                    accept(peak, 0.125);
                } else {
                    noiseLevel = 0.125 * height + 0.875 * noiseLevel;
                }
            }
            return placed();
        }

        /**
         * Each beat moved to its R peak; two beats that land closer than the refractory period are one, and the
         * stronger stays.
         */
        private int[] placed() {
            List<Integer> result = new ArrayList<>();
            for (int beat : beats.stream().mapToInt(this::place).sorted().toArray()) {
                int last = result.isEmpty() ? Integer.MIN_VALUE : result.get(result.size() - 1);
                if (last != Integer.MIN_VALUE && beat - last < refractory) {
                    if (energy[beat] > energy[last]) {
                        result.set(result.size() - 1, beat);
                    }
                } else {
                    result.add(beat);
                }
            }
            return result.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * Initial levels. The paper learns from the first two seconds; a whole record is at hand here, and its start
         * is where electrode artefacts are worst, so the levels come from all candidates instead: the signal level is
         * the median of the largest half-per-second of them (as many as beats at 30 bpm), the noise level the median
         * of those below half of that.
         */
        private void learn(int[] candidates) {
            if (candidates.length == 0) {
                return;
            }
            double[] heights = Arrays.stream(candidates).mapToDouble(c -> length[c]).sorted().toArray();
            int beatsAt30Bpm = Math.max(1, (int) (length.length / fs / 2));
            signalLevel = median(heights, Math.max(0, heights.length - beatsAt30Bpm), heights.length);
            int noise = 0;
            while (noise < heights.length && heights[noise] < signalLevel / 2) {
                noise++;
            }
            noiseLevel = noise == 0 ? 0 : median(heights, 0, noise);
        }

        private static double median(double[] sorted, int from, int to) {
            int n = to - from;
            return n % 2 == 1 ? sorted[from + n / 2] : (sorted[from + n / 2 - 1] + sorted[from + n / 2]) / 2;
        }

        /**
         * A quarter of the way from noise to signal level. Unlike the paper, not halved while the rhythm is
         * irregular: in atrial fibrillation it always is, and the halved threshold lets fibrillatory waves through.
         */
        private double threshold() {
            return noiseLevel + 0.25 * (signalLevel - noiseLevel);
        }

        /** After a pause of 166% of the RR average, accepts the largest skipped candidate above half threshold. */
        private void searchBack(int[] candidates, int peak) {
            if (recentCount < 2) {
                return; // one interval is no average to judge a pause by (it may be an ectopic beat's)
            }
            double rr = regularCount > 0 ? average(regularRr, regularCount) : average(recentRr, recentCount);
            int last = beats.get(beats.size() - 1);
            if (peak - last < MISSED_BEAT_FACTOR * rr) {
                return;
            }
            int best = -1;
            for (int c : candidates) {
                if (c > last + refractory && c < peak - refractory && (best < 0 || length[c] > length[best])) {
                    best = c;
                }
            }
            // The T-wave test applies here too: the largest skipped candidate is often the last beat's T wave.
            if (best >= 0 && length[best] > threshold() / 2 && !looksLikeTWave(best)) {
                accept(best, 0.25);
            }
        }

        /**
         * Within the refractory period, or within 360 ms and less than half as steep as the beats so far. The paper
         * compares with the previous beat alone, which lets the T wave of a wide ventricular beat through.
         */
        private boolean looksLikeTWave(int peak) {
            if (beats.isEmpty()) {
                return false;
            }
            int sinceLast = peak - beats.get(beats.size() - 1);
            return sinceLast <= refractory
                    || sinceLast <= T_WAVE_WINDOW_S * fs && maxSharpness(peak) < 0.5 * qrsSharpness;
        }

        private void accept(int peak, double weight) {
            signalLevel = weight * length[peak] + (1 - weight) * signalLevel;
            if (!beats.isEmpty()) {
                double rr = peak - beats.get(beats.size() - 1);
                double regular = regularCount > 0 ? average(regularRr, regularCount) : rr;
                recentRr[recentCount++ % 8] = rr;
                if (regularCount == 0 || rr >= 0.92 * regular && rr <= 1.16 * regular) {
                    regularRr[regularCount++ % 8] = rr;
                    irregularInARow = 0;
                } else if (++irregularInARow >= 8) {
                    // Eight irregular intervals in a row (a new rate, or atrial fibrillation) become the reference,
                    // as the paper's RR AVERAGE2 follows RR AVERAGE1 when no interval is regular.
                    System.arraycopy(recentRr, 0, regularRr, 0, 8);
                    regularCount = Math.max(regularCount, 8);
                    irregularInARow = 0;
                }
            }
            qrsSharpness = beats.isEmpty() ? maxSharpness(peak) : 0.125 * maxSharpness(peak) + 0.875 * qrsSharpness;
            beats.add(peak);
        }

        private double maxSharpness(int centre) {
            int half = (int) Math.round(SLOPE_WINDOW_S * fs);
            return sharpness[argMax(sharpness, centre - half, centre + half)];
        }

        /** The R peak: largest summed square of the 0.5–40 Hz leads near the detection. */
        private int place(int peak) {
            int half = Math.max(1, (int) Math.round(PLACEMENT_WINDOW_S * fs));
            return argMax(energy, peak - half, peak + half);
        }

        private static double average(double[] values, int count) {
            int n = Math.min(count, values.length);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[i];
            }
            return sum / n;
        }

        private static int argMax(double[] x, int from, int to) {
            int lo = Math.max(0, from);
            int hi = Math.min(x.length - 1, to);
            int best = lo;
            for (int i = lo + 1; i <= hi; i++) {
                if (x[i] > x[best]) {
                    best = i;
                }
            }
            return best;
        }
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
     * Local maxima at least {@code distance} samples apart, the higher of close ones kept (scipy
     * {@code find_peaks(x, distance=...)} semantics), in increasing order.
     */
    static int[] peaks(double[] x, int distance) {
        List<Integer> maxima = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            // The ends count too: a beat cut off by the end of the record still has its peak there.
            boolean aboveLeft = i == 0 ? x.length > 1 && x[0] > x[1] : x[i] > x[i - 1];
            boolean notBelowRight = i == x.length - 1 || x[i] >= x[i + 1];
            if (aboveLeft && notBelowRight) {
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
