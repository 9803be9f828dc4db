package org.ecgkit.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic 12-lead ECG from the ECGSYN dynamical model (McSharry, Clifford, Tarassenko and Smith, IEEE Trans Biomed
 * Eng 50(3), 2003) extended to three dipole components as in Sameni, Clifford, Jutten and Shamsollahi (EURASIP J Adv
 * Signal Process, 2007), projected to the 12 standard leads through Dower's inverse transform (Dower et al., J
 * Electrocardiol 1980).
 *
 * <p>Each beat is a sum of Gaussian events P, Q, R, S and T placed at angles of the model's limit cycle. The cycle is
 * traversed once per RR interval, so events before the R wave (P, Q) are timed by the interval they lie in and events
 * after it (S, T) by the preceding one; the R wave sits at angle 0, which makes the R-peak times exact ground truth.
 * The model is evaluated on its limit cycle directly rather than by integrating the ODE: on the cycle the ODE's
 * solution is this sum, and the direct form is exact at any sampling rate and free of integration error.
 * RR intervals of sinus rhythms follow ECGSYN's bimodal spectrum (Mayer waves at 0.1 Hz, respiratory sinus arrhythmia
 * at 0.25 Hz, LF/HF 0.5); atrial fibrillation draws independent log-normal intervals.
 *
 * <pre>{@code
 * SyntheticEcg ecg = EcgSynth.builder().rhythm(Rhythm.AF).samplingRate(500).seconds(10).seed(7).generate();
 * }</pre>
 */
public final class EcgSynth {

    public static final List<String> LEADS = List.of("I", "II", "III", "aVR", "aVL", "aVF",
            "V1", "V2", "V3", "V4", "V5", "V6");

    /** Dower's coefficients from Frank X, Y, Z to I, II, V1..V6; III and the augmented leads follow by Einthoven. */
    private static final double[][] DOWER = {
            {0.632, -0.235, 0.059},   // I
            {0.235, 1.066, -0.132},   // II
            {-0.515, 0.157, -0.917},  // V1
            {0.044, 0.164, -1.387},   // V2
            {0.882, 0.098, -1.277},   // V3
            {1.213, 0.127, -0.601},   // V4
            {1.125, 0.127, -0.086},   // V5
            {0.831, 0.076, 0.230},    // V6
    };

    /** Atrial activity points mostly along V1's axis, where fibrillatory waves are best seen. */
    private static final double[] ATRIAL_AXIS = {-0.47, 0.19, -0.86};

    private static final int P = 0, Q = 1, R = 2, S = 3, T = 4;

    private final Rhythm rhythm;
    private final double samplingRate;
    private final double seconds;
    private final Noise noise;
    private final long seed;
    private final double heartRate;

    private EcgSynth(Builder b) {
        this.rhythm = b.rhythm;
        this.samplingRate = b.samplingRate;
        this.seconds = b.seconds;
        this.noise = b.noise;
        this.seed = b.seed;
        this.heartRate = b.heartRate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Draws one recording. The same settings and seed always give the same recording. */
    public SyntheticEcg generate() {
        SplittableRandom random = new SplittableRandom(seed);
        double meanHr = Double.isNaN(heartRate) ? drawHeartRate(random) : heartRate;
        double meanRr = 60.0 / meanHr;
        Beats beats = drawBeats(random, meanRr);
        Morphology normal = Morphology.normal(random, meanHr, rhythm != Rhythm.AF);
        Morphology ectopic = Morphology.ventricular(random, normal, meanRr);

        int n = (int) Math.round(seconds * samplingRate);
        double[][] dipole = new double[3][n];
        int k = 1;
        for (int i = 0; i < n; i++) {
            double t = i / samplingRate;
            while (beats.times[k + 1] <= t) {
                k++;
            }
            // beat k's events after its R wave run at the speed of the interval before it, beat k+1's events
            // before its R wave at the speed of the interval they lie in; an ectopic beat is conducted through the
            // ventricles at its own pace, so its events keep the mean rate whatever its coupling interval
            double afterRr = beats.ectopic[k] ? meanRr : beats.times[k] - beats.times[k - 1];
            double beforeRr = beats.ectopic[k + 1] ? meanRr : beats.times[k + 1] - beats.times[k];
            double after = 2 * Math.PI * (t - beats.times[k]) / afterRr;
            double before = -2 * Math.PI * (beats.times[k + 1] - t) / beforeRr;
            Morphology current = beats.ectopic[k] ? ectopic : normal;
            Morphology next = beats.ectopic[k + 1] ? ectopic : normal;
            for (int c = 0; c < 3; c++) {
                dipole[c][i] = current.value(c, after) + next.value(c, before);
            }
        }
        if (rhythm == Rhythm.AF) {
            addFibrillatoryWaves(random, dipole);
        }
        float[][] leads = project(dipole);
        addNoise(random, leads);
        return new SyntheticEcg(leads, samplingRate, beats.samples(samplingRate, n), beats.ectopicWithin(samplingRate, n),
                rhythm, meanHr, LEADS);
    }

    private double drawHeartRate(SplittableRandom random) {
        return switch (rhythm) {
            case NORMAL, PVC -> uniform(random, 60, 95);
            case AF -> uniform(random, 75, 140);
            case BRADY -> uniform(random, 38, 55);
            case TACHY -> uniform(random, 105, 160);
        };
    }

    /** R-wave times from before the start to after the end, so every sample lies between two beats. */
    private Beats drawBeats(SplittableRandom random, double meanRr) {
        List<Double> times = new ArrayList<>();
        List<Boolean> ectopic = new ArrayList<>();
        HeartRateVariability hrv = new HeartRateVariability(random, meanRr, rhythm);
        double t = -meanRr * (1.5 + random.nextDouble());
        double pvcProbability = uniform(random, 0.12, 0.25);
        int firstPvc = 1 + random.nextInt(Math.max(1, (int) (seconds / meanRr) - 1));
        int beat = 0;
        boolean anyPvcInside = false;
        while (t < seconds + 2 * meanRr) {
            times.add(t);
            boolean previousEctopic = !ectopic.isEmpty() && ectopic.get(ectopic.size() - 1);
            double rr = rhythm == Rhythm.AF ? afInterval(random, meanRr) : hrv.interval(t);
            boolean pvcNext = false;
            if (rhythm == Rhythm.PVC && !previousEctopic && t > 0) {
                boolean forced = !anyPvcInside && beat >= firstPvc;
                pvcNext = forced || random.nextDouble() < pvcProbability;
            }
            ectopic.add(false);
            if (pvcNext) {
                // a premature beat at 55–70 % of the cycle, then a full compensatory pause
                double coupling = rr * uniform(random, 0.55, 0.7);
                times.add(t + coupling);
                ectopic.add(true);
                anyPvcInside |= t + coupling < seconds;
                t += 2 * rr;
                beat += 2;
            } else {
                t += rr;
                beat++;
            }
        }
        times.add(t);
        ectopic.add(false);
        // every sample needs a beat before the one it follows: the preceding interval times its S and T waves
        while (times.get(1) > 0) {
            times.add(0, times.get(0) - meanRr);
            ectopic.add(0, false);
        }
        return new Beats(times.stream().mapToDouble(Double::doubleValue).toArray(), toArray(ectopic));
    }

    private static double afInterval(SplittableRandom random, double meanRr) {
        // irregularly irregular: independent log-normal intervals with a coefficient of variation near 0.2
        double cv = 0.2;
        double sigma = Math.sqrt(Math.log(1 + cv * cv));
        double rr = meanRr * Math.exp(sigma * gaussian(random) - sigma * sigma / 2);
        return Math.max(0.28, Math.min(rr, 2.2 * meanRr));
    }

    /** Fibrillatory waves: a 4.5–8 Hz atrial oscillation with wandering frequency and amplitude. */
    private void addFibrillatoryWaves(SplittableRandom random, double[][] dipole) {
        double f0 = uniform(random, 4.5, 8.0);
        double amplitude = uniform(random, 0.05, 0.11);
        double fmPhase = random.nextDouble() * 2 * Math.PI;
        double amPhase = random.nextDouble() * 2 * Math.PI;
        double phase = random.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < dipole[0].length; i++) {
            double t = i / samplingRate;
            double f = f0 + 0.6 * Math.sin(2 * Math.PI * 0.13 * t + fmPhase);
            phase += 2 * Math.PI * f / samplingRate;
            double a = amplitude * (1 + 0.35 * Math.sin(2 * Math.PI * 0.21 * t + amPhase));
            double wave = a * (Math.sin(phase) + 0.3 * Math.sin(2 * phase + 1.1));
            for (int c = 0; c < 3; c++) {
                dipole[c][i] += wave * ATRIAL_AXIS[c];
            }
        }
    }

    private static float[][] project(double[][] dipole) {
        int n = dipole[0].length;
        float[][] leads = new float[12][n];
        for (int i = 0; i < n; i++) {
            double[] v = new double[8];
            for (int l = 0; l < 8; l++) {
                v[l] = DOWER[l][0] * dipole[0][i] + DOWER[l][1] * dipole[1][i] + DOWER[l][2] * dipole[2][i];
            }
            double lead1 = v[0];
            double lead2 = v[1];
            leads[0][i] = (float) lead1;
            leads[1][i] = (float) lead2;
            leads[2][i] = (float) (lead2 - lead1);
            leads[3][i] = (float) (-(lead1 + lead2) / 2);
            leads[4][i] = (float) (lead1 - lead2 / 2);
            leads[5][i] = (float) (lead2 - lead1 / 2);
            for (int l = 2; l < 8; l++) {
                leads[l + 4][i] = (float) v[l];
            }
        }
        return leads;
    }

    private void addNoise(SplittableRandom random, float[][] leads) {
        if (noise.isNone()) {
            return;
        }
        boolean mainsBelowNyquist = noise.mainsHz() < samplingRate / 2;
        double respiration = uniform(random, 0.15, 0.35);
        for (float[] lead : leads) {
            double wander = noise.baselineWander() * uniform(random, 0.5, 1.5);
            double slowPhase = random.nextDouble() * 2 * Math.PI;
            double respPhase = random.nextDouble() * 2 * Math.PI;
            double slow = uniform(random, 0.04, 0.1);
            double mainsPhase = random.nextDouble() * 2 * Math.PI;
            double mains = noise.powerline() * uniform(random, 0.5, 1.5);
            for (int i = 0; i < lead.length; i++) {
                double t = i / samplingRate;
                double v = wander * (0.6 * Math.sin(2 * Math.PI * respiration * t + respPhase)
                        + 0.4 * Math.sin(2 * Math.PI * slow * t + slowPhase));
                if (mainsBelowNyquist) {
                    v += mains * Math.sin(2 * Math.PI * noise.mainsHz() * t + mainsPhase);
                }
                v += noise.emg() * gaussian(random);
                lead[i] += (float) v;
            }
        }
    }

    static double uniform(SplittableRandom random, double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    static double gaussian(SplittableRandom random) {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static boolean[] toArray(List<Boolean> values) {
        boolean[] out = new boolean[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** R-wave times in seconds, first one before the record starts, last one after it ends. */
    private record Beats(double[] times, boolean[] ectopic) {

        int[] samples(double fs, int n) {
            return java.util.Arrays.stream(times).mapToLong(t -> Math.round(t * fs))
                    .filter(s -> s >= 0 && s < n).mapToInt(s -> (int) s).toArray();
        }

        boolean[] ectopicWithin(double fs, int n) {
            List<Boolean> inside = new ArrayList<>();
            for (int i = 0; i < times.length; i++) {
                long s = Math.round(times[i] * fs);
                if (s >= 0 && s < n) {
                    inside.add(ectopic[i]);
                }
            }
            return toArray(inside);
        }
    }

    /**
     * Gaussian events of one beat type for the three dipole components: angle (rad), amplitude (mV), width (rad).
     */
    private record Morphology(double[][] theta, double[][] a, double[][] b) {

        double value(int component, double angle) {
            double sum = 0;
            for (int e = 0; e < 5; e++) {
                double d = angle - theta[component][e];
                double w = b[component][e];
                if (Math.abs(d) < 6 * w && a[component][e] != 0) {
                    sum += a[component][e] * Math.exp(-d * d / (2 * w * w));
                }
            }
            return sum;
        }

        /**
         * A supraventricular beat with per-recording variation of amplitude, electrical axis, QRS width and T wave;
         * without P wave when the atria fibrillate instead of contracting.
         */
        static Morphology normal(SplittableRandom random, double heartRate, boolean pWave) {
            // ECGSYN's rate adaptation: widths scale with sqrt(HR/60), P and T positions with its square root
            double hrFactor = Math.sqrt(heartRate / 60.0);
            double hrFactor2 = Math.sqrt(hrFactor);
            double[] thetaBase = {-Math.PI / 3 * hrFactor2, -Math.PI / 12 * hrFactor, 0, Math.PI / 12 * hrFactor,
                    0.6 * Math.PI * hrFactor2};
            double[][] theta = {thetaBase.clone(), thetaBase.clone(), thetaBase.clone()};
            // posterior forces come late in the QRS: the deep S of V1–V3
            theta[2][R] = 0.1 * hrFactor;
            theta[2][S] = 0.2 * hrFactor;
            theta[2][Q] = -0.2 * hrFactor;
            double[][] a = {
                    {0.07, -0.10, 1.00, -0.25, 0.25},   // X: left
                    {0.10, -0.05, 0.75, -0.10, 0.20},   // Y: inferior
                    {-0.03, -0.25, 0.25, 0.55, -0.15},  // Z: posterior
            };
            double qrsWidth = uniform(random, 0.9, 1.15);
            double[] widths = {0.25, 0.1 * qrsWidth, 0.1 * qrsWidth, 0.1 * qrsWidth, 0.4};
            double[][] b = new double[3][5];
            for (int c = 0; c < 3; c++) {
                for (int e = 0; e < 5; e++) {
                    b[c][e] = widths[e] * (e == R || e == Q || e == S ? 1 : hrFactor);
                }
                b[c][Q] = c == 2 ? 0.08 * qrsWidth : b[c][Q];
            }
            double scale = uniform(random, 0.8, 1.2);
            double tScale = uniform(random, 0.7, 1.3);
            for (int c = 0; c < 3; c++) {
                for (int e = 0; e < 5; e++) {
                    a[c][e] *= scale * (e == T ? tScale : 1);
                }
            }
            rotateFrontalAxis(a, 0.25 * gaussian(random));
            if (!pWave) {
                for (double[] component : a) {
                    component[P] = 0;
                }
            }
            return new Morphology(theta, a, b);
        }

        /**
         * A premature ventricular beat: no P wave, a wide QRS (Gaussian σ of 35–50 ms, i.e. 120 ms and more from onset
         * to offset) with its own axis, a T wave opposite to the QRS. Its events run at the mean rate.
         */
        static Morphology ventricular(SplittableRandom random, Morphology normal, double meanRr) {
            double[][] theta = new double[3][];
            double[][] b = new double[3][];
            for (int c = 0; c < 3; c++) {
                theta[c] = normal.theta[c].clone();
                b[c] = normal.b[c].clone();
                b[c][R] = uniform(random, 0.035, 0.05) * 2 * Math.PI / meanRr;
                b[c][T] = normal.b[c][T] * 1.2;
                theta[c][T] = normal.theta[c][T] * 1.1;
                theta[c][R] = 0;
            }
            double scale = uniform(random, 1.1, 1.5);
            double[][] a = {
                    {0, 0, -0.8 * scale, 0, 0.35 * scale},
                    {0, 0, 1.1 * scale, 0, -0.35 * scale},
                    {0, 0, -0.9 * scale, 0, 0.30 * scale},
            };
            rotateFrontalAxis(a, 0.3 * gaussian(random));
            return new Morphology(theta, a, b);
        }

        private static void rotateFrontalAxis(double[][] a, double angle) {
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            for (int e = 0; e < 5; e++) {
                double x = a[0][e];
                double y = a[1][e];
                a[0][e] = cos * x - sin * y;
                a[1][e] = sin * x + cos * y;
            }
        }
    }

    /**
     * ECGSYN's RR process: a bimodal spectrum (0.1 Hz and 0.25 Hz peaks, 0.01 Hz wide, LF/HF 0.5) realised as a sum
     * of sinusoids with random phases, scaled to the rhythm's RR standard deviation.
     */
    private static final class HeartRateVariability {
        private final double meanRr;
        private final double[] freq;
        private final double[] amp;
        private final double[] phase;

        HeartRateVariability(SplittableRandom random, double meanRr, Rhythm rhythm) {
            this.meanRr = meanRr;
            int components = 24;
            freq = new double[components];
            amp = new double[components];
            phase = new double[components];
            double sdnn = switch (rhythm) {
                case TACHY -> uniform(random, 0.006, 0.015);
                case BRADY -> uniform(random, 0.03, 0.07);
                default -> uniform(random, 0.02, 0.05);
            };
            double power = 0;
            for (int i = 0; i < components; i++) {
                boolean lowFrequency = i < components / 2;
                freq[i] = (lowFrequency ? 0.1 : 0.25) + 0.01 * gaussian(random);
                amp[i] = lowFrequency ? Math.sqrt(0.5) : 1.0;
                phase[i] = random.nextDouble() * 2 * Math.PI;
                power += amp[i] * amp[i] / 2;
            }
            double norm = sdnn / Math.sqrt(power);
            for (int i = 0; i < components; i++) {
                amp[i] *= norm;
            }
        }

        double interval(double t) {
            double rr = meanRr;
            for (int i = 0; i < freq.length; i++) {
                rr += amp[i] * Math.cos(2 * Math.PI * freq[i] * t + phase[i]);
            }
            return rr;
        }
    }

    /** Settings of one recording; defaults: normal rhythm, 500 Hz, 10 s, typical noise, seed 0, rate drawn. */
    public static final class Builder {
        private Rhythm rhythm = Rhythm.NORMAL;
        private double samplingRate = 500;
        private double seconds = 10;
        private Noise noise = Noise.typical();
        private long seed;
        private double heartRate = Double.NaN;

        public Builder rhythm(Rhythm rhythm) {
            this.rhythm = rhythm;
            return this;
        }

        public Builder samplingRate(double samplingRate) {
            if (!(samplingRate >= 50)) {
                throw new IllegalArgumentException("sampling rate must be at least 50 Hz to resolve a QRS, got " + samplingRate);
            }
            this.samplingRate = samplingRate;
            return this;
        }

        public Builder seconds(double seconds) {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("duration must be positive, got " + seconds);
            }
            this.seconds = seconds;
            return this;
        }

        public Builder noise(Noise noise) {
            this.noise = noise;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Mean heart rate in bpm; by default drawn from the rhythm's range. */
        public Builder heartRate(double bpm) {
            if (!(bpm >= 20 && bpm <= 250)) {
                throw new IllegalArgumentException("heart rate must be within 20–250 bpm, got " + bpm);
            }
            this.heartRate = bpm;
            return this;
        }

        public SyntheticEcg generate() {
            return new EcgSynth(this).generate();
        }
    }
}
