package org.ecgkit.synth;

/**
 * Recording noise added to synthetic ECG, in mV.
 *
 * @param baselineWander amplitude of respiration-like drift below 0.5 Hz
 * @param powerline      amplitude of mains interference
 * @param mainsHz        mains frequency, 50 or 60 Hz (left out when above the Nyquist frequency, as after
 *                       a recorder's anti-aliasing filter)
 * @param emg            standard deviation of broadband muscle noise
 */
public record Noise(double baselineWander, double powerline, double mainsHz, double emg) {

    /** No noise: the clean model output, for tests against known beat times. */
    public static final Noise NONE = new Noise(0, 0, 50, 0);

    public Noise {
        if (baselineWander < 0 || powerline < 0 || emg < 0) {
            throw new IllegalArgumentException("noise amplitudes must be non-negative: " + baselineWander + ", "
                    + powerline + ", " + emg);
        }
        if (mainsHz != 50 && mainsHz != 60) {
            throw new IllegalArgumentException("mains frequency must be 50 or 60 Hz, got " + mainsHz);
        }
    }

    /** Typical ambulatory-quality noise: 0.15 mV wander, 0.02 mV mains at 50 Hz, 0.02 mV muscle noise. */
    public static Noise typical() {
        return new Noise(0.15, 0.02, 50, 0.02);
    }

    public boolean isNone() {
        return baselineWander == 0 && powerline == 0 && emg == 0;
    }
}
