package org.ecgkit.signal;

/**
 * One-sided amplitude spectrum of one lead, mean removed: {@code 2|X_k|/n} (DC and the Nyquist bin not doubled), so a
 * sine of amplitude A peaks at A; numpy: {@code 2 * abs(rfft(x - x.mean())) / n}.
 *
 * @param frequencies bin frequencies in Hz, {@code k·fs/n} for k = 0 … n/2
 * @param amplitude   amplitude in the signal's unit (mV)
 */
public record AmplitudeSpectrum(double[] frequencies, double[] amplitude) {

    public static AmplitudeSpectrum of(float[] lead, double samplingRate) {
        Signals.requireSamplingRate(samplingRate);
        Signals.requireFinite(lead, "the lead");
        int n = lead.length;
        if (n == 0) {
            throw new IllegalArgumentException("the lead has no samples");
        }
        double mean = 0;
        for (float v : lead) {
            mean += v;
        }
        mean /= n;
        double[] buffer = new double[n];
        for (int i = 0; i < n; i++) {
            buffer[i] = lead[i] - mean;
        }
        FftPlans.forLength(n).realForward(buffer);
        double[] power = new double[n / 2 + 1];
        FftPlans.powerSpectrum(buffer, n, power);
        double[] frequencies = new double[power.length];
        double[] amplitude = new double[power.length];
        for (int k = 0; k < power.length; k++) {
            frequencies[k] = k * samplingRate / n;
            double scale = (k == 0 || 2 * k == n) ? 1.0 / n : 2.0 / n;
            amplitude[k] = Math.sqrt(power[k]) * scale;
        }
        return new AmplitudeSpectrum(frequencies, amplitude);
    }
}
