package org.ecgkit.signal;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Tapering windows with scipy's definitions ({@code scipy.signal.windows}): {@link #periodic(int)} is what
 * {@code get_window(window, n)} returns for spectral analysis, {@link #symmetric(int)} what filter design uses.
 */
public final class Window {

    private final String name;
    private final IntFunction<double[]> symmetric;

    private Window(String name, IntFunction<double[]> symmetric) {
        this.name = name;
        this.symmetric = symmetric;
    }

    public static Window hann() {
        return new Window("hann", n -> cosineSum(n, 0.5));
    }

    public static Window hamming() {
        return new Window("hamming", n -> cosineSum(n, 0.54));
    }

    /** Rectangular: no tapering. */
    public static Window boxcar() {
        return new Window("boxcar", n -> filled(n, 1.0));
    }

    /**
     * Flat top with cosine tapers over a fraction {@code alpha} of the window; 0 is a boxcar, 1 a Hann window.
     * {@code tukey(0.25)} is scipy's spectrogram default.
     */
    public static Window tukey(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("Tukey alpha must lie in [0, 1], got " + alpha);
        }
        return new Window(String.format(Locale.ROOT, "tukey(%s)", alpha), n -> tukeyWindow(n, alpha));
    }

    /** Kaiser window with shape parameter {@code beta} (5.0 is resample_poly's anti-aliasing window). */
    public static Window kaiser(double beta) {
        if (!(beta >= 0 && beta <= 700)) {
            throw new IllegalArgumentException("Kaiser beta must lie in [0, 700], got " + beta);
        }
        return new Window(String.format(Locale.ROOT, "kaiser(%s)", beta), n -> kaiserWindow(n, beta));
    }

    /** {@code get_window(window, n)} (fftbins=True): the symmetric window of n + 1 points without its last. */
    public double[] periodic(int n) {
        requireLength(n);
        if (n == 1) {
            return new double[] {1};
        }
        double[] extended = symmetric.apply(n + 1);
        double[] result = new double[n];
        System.arraycopy(extended, 0, result, 0, n);
        return result;
    }

    /** {@code get_window(window, n, fftbins=False)}: symmetric about its centre. */
    public double[] symmetric(int n) {
        requireLength(n);
        return n == 1 ? new double[] {1} : symmetric.apply(n);
    }

    /** The window's name and parameter as scipy would spell it, e.g. {@code tukey(0.25)}. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Window w && w.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    private static void requireLength(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a window needs at least one point, got " + n);
        }
    }

    private static double[] filled(int n, double value) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, value);
        return w;
    }

    /** scipy {@code general_hamming}: a0 + (1 − a0)·cos(x) over x = linspace(−π, π, n). */
    private static double[] cosineSum(int n, double a0) {
        double step = 2 * Math.PI / (n - 1);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double x = i == n - 1 ? Math.PI : i * step - Math.PI;
            w[i] = a0 + (1 - a0) * Math.cos(x);
        }
        return w;
    }

    private static double[] tukeyWindow(int n, double alpha) {
        if (alpha == 0) {
            return filled(n, 1.0);
        }
        if (alpha == 1) {
            return cosineSum(n, 0.5);
        }
        int width = (int) Math.floor(alpha * (n - 1) / 2.0);
        double[] w = filled(n, 1.0);
        for (int i = 0; i <= width; i++) {
            w[i] = 0.5 * (1 + Math.cos(Math.PI * (-1 + 2.0 * i / alpha / (n - 1))));
        }
        for (int i = n - width - 1; i < n; i++) {
            w[i] = 0.5 * (1 + Math.cos(Math.PI * (-2.0 / alpha + 1 + 2.0 * i / alpha / (n - 1))));
        }
        return w;
    }

    private static double[] kaiserWindow(int n, double beta) {
        double centre = (n - 1) / 2.0;
        double norm = besselI0(beta);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double r = (i - centre) / centre;
            w[i] = besselI0(beta * Math.sqrt(1 - r * r)) / norm;
        }
        return w;
    }

    /**
     * Modified Bessel function I0 by its power series Σ ((x/2)^k / k!)², which converges to full double precision
     * for the arguments windows use (|x| ≤ 700 is accepted; terms peak near k = x/2 and are summed until negligible).
     * Written here because neither the JDK nor JTransforms provide it.
     */
    static double besselI0(double x) {
        double quarterSquare = x * x / 4;
        double term = 1;
        double sum = 1;
        for (int k = 1; term > sum * 1e-17; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }
}
