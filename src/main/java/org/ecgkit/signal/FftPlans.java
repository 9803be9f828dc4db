package org.ecgkit.signal;

import java.util.HashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Reuses JTransforms plans (their twiddle tables) per transform length. One set per thread, because JTransforms
 * does not promise that a plan may be used by several threads at once.
 */
final class FftPlans {

    private static final ThreadLocal<Map<Integer, DoubleFFT_1D>> PLANS = ThreadLocal.withInitial(HashMap::new);

    private FftPlans() {
    }

    static DoubleFFT_1D forLength(int n) {
        return PLANS.get().computeIfAbsent(n, DoubleFFT_1D::new);
    }

    /**
     * |X_k|² of a real sequence transformed in place by {@code realForward} ({@code n} points, JTransforms' packed
     * layout), for k = 0 … n/2.
     */
    static void powerSpectrum(double[] packed, int n, double[] power) {
        power[0] = packed[0] * packed[0];
        int half = n / 2;
        for (int k = 1; k < half; k++) {
            double re = packed[2 * k];
            double im = packed[2 * k + 1];
            power[k] = re * re + im * im;
        }
        if (n % 2 == 0) {
            power[half] = packed[1] * packed[1];
        } else if (half > 0) {
            // Odd n: the last bin is complex, its imaginary part stored at index 1.
            double re = packed[n - 1];
            double im = packed[1];
            power[half] = re * re + im * im;
        }
    }
}
