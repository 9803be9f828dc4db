package org.ecgkit.signal;

import java.util.ArrayList;
import java.util.List;

/**
 * A filter as zeros, poles and gain, with the analog-to-digital steps of scipy's {@code iirfilter}
 * ({@code lp2lp_zpk}, {@code lp2hp_zpk}, {@code lp2bp_zpk}, {@code bilinear_zpk}) ported operation by operation so
 * the second-order sections agree with scipy's to rounding.
 */
record ZerosPolesGain(List<Complex> zeros, List<Complex> poles, double gain) {

    ZerosPolesGain {
        zeros = List.copyOf(zeros);
        poles = List.copyOf(poles);
    }

    /** scipy {@code buttap}: analog Butterworth low-pass prototype with cut-off 1 rad/s. */
    static ZerosPolesGain butterworthPrototype(int order) {
        List<Complex> poles = new ArrayList<>(order);
        for (int m = -order + 1; m < order; m += 2) {
            // m == 0 gives exactly -1 (sin 0 == 0), the real pole of odd orders.
            poles.add(Complex.expI(Math.PI * m / (2.0 * order)).negate());
        }
        return new ZerosPolesGain(List.of(), poles, 1);
    }

    private int relativeDegree() {
        return poles.size() - zeros.size();
    }

    ZerosPolesGain lowPassToLowPass(double wo) {
        return new ZerosPolesGain(scaled(zeros, wo), scaled(poles, wo), gain * Math.pow(wo, relativeDegree()));
    }

    ZerosPolesGain lowPassToHighPass(double wo) {
        Complex w = Complex.real(wo);
        List<Complex> z = new ArrayList<>();
        zeros.forEach(zero -> z.add(w.dividedBy(zero)));
        for (int i = 0; i < relativeDegree(); i++) {
            z.add(Complex.ZERO);
        }
        List<Complex> p = new ArrayList<>();
        poles.forEach(pole -> p.add(w.dividedBy(pole)));
        double k = gain * product(negated(zeros)).dividedBy(product(negated(poles))).re();
        return new ZerosPolesGain(z, p, k);
    }

    ZerosPolesGain lowPassToBandPass(double wo, double bw) {
        List<Complex> z = shiftedToBand(scaled(zeros, bw / 2), wo);
        for (int i = 0; i < relativeDegree(); i++) {
            z.add(Complex.ZERO);
        }
        List<Complex> p = shiftedToBand(scaled(poles, bw / 2), wo);
        return new ZerosPolesGain(z, p, gain * Math.pow(bw, relativeDegree()));
    }

    /** scipy {@code bilinear_zpk}; zeros at infinity move to Nyquist (z = -1). */
    ZerosPolesGain bilinear(double fs) {
        Complex fs2 = Complex.real(2.0 * fs);
        List<Complex> z = new ArrayList<>();
        zeros.forEach(zero -> z.add(fs2.plus(zero).dividedBy(fs2.minus(zero))));
        for (int i = 0; i < relativeDegree(); i++) {
            z.add(Complex.real(-1));
        }
        List<Complex> p = new ArrayList<>();
        poles.forEach(pole -> p.add(fs2.plus(pole).dividedBy(fs2.minus(pole))));
        double k = gain * product(differences(fs2, zeros)).dividedBy(product(differences(fs2, poles))).re();
        return new ZerosPolesGain(z, p, k);
    }

    /** Each point x becomes x ± sqrt(x² − wo²): first all the "+" roots, then all the "−" roots, as scipy orders them. */
    private static List<Complex> shiftedToBand(List<Complex> points, double wo) {
        Complex wo2 = Complex.real(wo * wo);
        List<Complex> plus = new ArrayList<>();
        List<Complex> minus = new ArrayList<>();
        for (Complex x : points) {
            Complex root = x.times(x).minus(wo2).sqrt();
            plus.add(x.plus(root));
            minus.add(x.minus(root));
        }
        plus.addAll(minus);
        return plus;
    }

    private static List<Complex> scaled(List<Complex> points, double factor) {
        return points.stream().map(x -> x.times(factor)).toList();
    }

    private static List<Complex> negated(List<Complex> points) {
        return points.stream().map(Complex::negate).toList();
    }

    private static List<Complex> differences(Complex from, List<Complex> points) {
        return points.stream().map(from::minus).toList();
    }

    private static Complex product(List<Complex> points) {
        Complex result = Complex.ONE;
        for (Complex x : points) {
            result = result.times(x);
        }
        return result;
    }
}
