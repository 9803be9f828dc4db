package org.ecgkit.plot;

import org.ecgkit.signal.Spectrogram;
import org.jtransforms.fft.DoubleFFT_1D;

import java.util.Arrays;

/**
 * The spectra the "three perspectives" figure shows when the caller does not pass its own. Stand-in until the
 * {@code org.ecgkit.signal} package's FFT features and STFT are available; each is one method so that it can be
 * swapped for the signal package's function without touching the drawing code. Both match numpy/scipy (see
 * {@code src/test/python/plot_fixtures.py}).
 */
final class Spectra {

    private Spectra() {
    }

    /** One-sided amplitude spectrum: frequencies in Hz and amplitude in the signal's unit (mV). */
    record AmplitudeSpectrum(double[] frequencies, double[] amplitude) {
    }

    /**
     * Amplitude spectrum of the mean-removed signal: 2|X_k|/N, with DC and the Nyquist bin not doubled, so that a
     * sine of amplitude A shows a peak of height A (numpy: {@code abs(rfft(x - x.mean())) / N}, times 2 inside).
     */
    static AmplitudeSpectrum amplitudeSpectrum(float[] signal, double samplingRate) {
        int n = signal.length;
        double mean = 0;
        for (float v : signal) {
            mean += v;
        }
        mean /= n;
        double[] data = new double[2 * n];
        for (int i = 0; i < n; i++) {
            data[i] = signal[i] - mean;
        }
        new DoubleFFT_1D(n).realForwardFull(data);
        int bins = n / 2 + 1;
        double[] frequencies = new double[bins];
        double[] amplitude = new double[bins];
        for (int k = 0; k < bins; k++) {
            frequencies[k] = k * samplingRate / n;
            double scale = (k == 0 || 2 * k == n) ? 1.0 / n : 2.0 / n;
            amplitude[k] = Math.hypot(data[2 * k], data[2 * k + 1]) * scale;
        }
        return new AmplitudeSpectrum(frequencies, amplitude);
    }

    /**
     * Power spectral density spectrogram with a periodic Hann window, half-overlapping frames and no padding or
     * detrending, in dB when {@code decibels}; scipy: {@code spectrogram(x, fs, "hann", nperseg, nperseg // 2,
     * detrend=False, scaling="density", mode="psd")}.
     */
    static Spectrogram powerSpectrogram(float[] signal, double samplingRate, int windowLength, boolean decibels) {
        if (windowLength < 2 || windowLength > signal.length) {
            throw new IllegalArgumentException("STFT window of " + windowLength + " samples does not fit a signal of "
                    + signal.length + " samples");
        }
        int hop = windowLength - windowLength / 2;
        int frames = (signal.length - windowLength) / hop + 1;
        int bins = windowLength / 2 + 1;
        double[] window = new double[windowLength];
        double windowPower = 0;
        for (int i = 0; i < windowLength; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / windowLength);
            windowPower += window[i] * window[i];
        }
        float[][] power = new float[bins][frames];
        double[] times = new double[frames];
        DoubleFFT_1D fft = new DoubleFFT_1D(windowLength);
        double[] data = new double[2 * windowLength];
        for (int frame = 0; frame < frames; frame++) {
            int start = frame * hop;
            times[frame] = (start + windowLength / 2.0) / samplingRate;
            Arrays.fill(data, 0);
            for (int i = 0; i < windowLength; i++) {
                data[i] = signal[start + i] * window[i];
            }
            fft.realForwardFull(data);
            for (int k = 0; k < bins; k++) {
                double onesided = (k == 0 || 2 * k == windowLength) ? 1 : 2;
                double psd = onesided * (data[2 * k] * data[2 * k] + data[2 * k + 1] * data[2 * k + 1])
                        / (samplingRate * windowPower);
                power[k][frame] = (float) (decibels ? 10 * Math.log10(psd) : psd);
            }
        }
        double[] frequencies = new double[bins];
        for (int k = 0; k < bins; k++) {
            frequencies[k] = k * samplingRate / windowLength;
        }
        return new Spectrogram(new float[][][] {power}, frequencies, times, decibels);
    }

    /** A window of about half a second, rounded to a power of two: 256 samples at 500 Hz, 128 at 300, 64 at 100. */
    static int defaultWindowLength(double samplingRate, int signalLength) {
        int length = Integer.highestOneBit((int) Math.max(2, Math.round(samplingRate / 2 * 4 / 3)));
        return Math.min(length, Integer.highestOneBit(signalLength));
    }
}
