package org.ecgkit.signal;

/** What is removed from each segment before windowing, as scipy's {@code detrend} argument. */
public enum Detrend {
    /** {@code detrend=False}: nothing. */
    NONE,
    /** {@code detrend='constant'}: the segment mean (scipy's spectrogram default). */
    CONSTANT,
    /** {@code detrend='linear'}: the least-squares straight line. */
    LINEAR;

    /** Removes the trend from {@code x[0..n)} in place. */
    void remove(double[] x, int n) {
        switch (this) {
            case NONE -> { }
            case CONSTANT -> {
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += x[i];
                }
                mean /= n;
                for (int i = 0; i < n; i++) {
                    x[i] -= mean;
                }
            }
            case LINEAR -> {
                double meanT = (n - 1) / 2.0;
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += x[i];
                }
                mean /= n;
                double covariance = 0;
                double variance = 0;
                for (int i = 0; i < n; i++) {
                    covariance += (i - meanT) * (x[i] - mean);
                    variance += (i - meanT) * (i - meanT);
                }
                double slope = variance == 0 ? 0 : covariance / variance;
                for (int i = 0; i < n; i++) {
                    x[i] -= mean + slope * (i - meanT);
                }
            }
        }
    }
}
