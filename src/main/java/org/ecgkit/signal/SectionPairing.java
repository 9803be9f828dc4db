package org.ecgkit.signal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * scipy's {@code zpk2sos(z, p, k, pairing='nearest')} for digital filters, ported step by step: poles closest to
 * the unit circle go last and each takes its nearest zero. The pairing decides the section count and which sections
 * are first order, and hence {@code sosfiltfilt}'s padding, so it has to be scipy's, not merely equivalent.
 */
final class SectionPairing {

    private static final double TOLERANCE = 100 * Math.ulp(1.0);

    private SectionPairing() {
    }

    static double[][] toSections(ZerosPolesGain zpk) {
        List<Complex> z = new ArrayList<>(zpk.zeros());
        List<Complex> p = new ArrayList<>(zpk.poles());
        if (z.isEmpty() && p.isEmpty()) {
            return new double[][] {{zpk.gain(), 0, 0, 1, 0, 0}};
        }
        while (p.size() < z.size()) {
            p.add(Complex.ZERO);
        }
        while (z.size() < p.size()) {
            z.add(Complex.ZERO);
        }
        int sectionCount = (p.size() + 1) / 2;
        if (p.size() % 2 == 1) {
            p.add(Complex.ZERO);
            z.add(Complex.ZERO);
        }
        z = conjugatePairsThenReals(z);
        p = conjugatePairsThenReals(p);

        double[][] sos = new double[sectionCount][];
        for (int si = sectionCount - 1; si >= 0; si--) {
            Complex p1 = p.remove(indexClosestToUnitCircle(p));
            long realPolesLeft = p.stream().filter(Complex::isReal).count();
            if (p1.isReal() && realPolesLeft == 0) {
                Complex z1 = z.remove(nearest(z, p1, Complex::isReal));
                sos[si] = section(List.of(z1, Complex.ZERO), List.of(p1, Complex.ZERO));
            } else if (p.size() + 1 == z.size() && !p1.isReal() && realPolesLeft == 1
                    && z.stream().filter(Complex::isReal).count() == 1) {
                // One real pole and one real zero must stay together, so this pole takes a complex zero.
                Complex z1 = z.remove(nearest(z, p1, c -> !c.isReal()));
                sos[si] = section(List.of(z1, z1.conjugate()), List.of(p1, p1.conjugate()));
            } else {
                Complex p2;
                if (p1.isReal()) {
                    List<Integer> realIndices = new ArrayList<>();
                    for (int i = 0; i < p.size(); i++) {
                        if (p.get(i).isReal()) {
                            realIndices.add(i);
                        }
                    }
                    List<Complex> realPoles = realIndices.stream().map(p::get).toList();
                    p2 = p.remove((int) realIndices.get(indexClosestToUnitCircle(realPoles)));
                } else {
                    p2 = p1.conjugate();
                }
                if (z.isEmpty()) {
                    sos[si] = section(List.of(), List.of(p1, p2));
                } else {
                    Complex z1 = z.remove(nearest(z, p1, c -> true));
                    if (!z1.isReal()) {
                        sos[si] = section(List.of(z1, z1.conjugate()), List.of(p1, p2));
                    } else if (!z.isEmpty()) {
                        Complex z2 = z.remove(nearest(z, p1, Complex::isReal));
                        sos[si] = section(List.of(z1, z2), List.of(p1, p2));
                    } else {
                        sos[si] = section(List.of(z1), List.of(p1, p2));
                    }
                }
            }
        }
        for (int j = 0; j < 3; j++) {
            sos[0][j] *= zpk.gain();
        }
        return sos;
    }

    /** {@code np.argmin(np.abs(1 - np.abs(p)))}: the first of the poles closest to the unit circle. */
    private static int indexClosestToUnitCircle(List<Complex> points) {
        int best = 0;
        for (int i = 1; i < points.size(); i++) {
            if (Math.abs(1 - points.get(i).abs()) < Math.abs(1 - points.get(best).abs())) {
                best = i;
            }
        }
        return best;
    }

    /** scipy {@code _nearest_real_complex_idx}: the point nearest to {@code target} among those that qualify. */
    private static int nearest(List<Complex> points, Complex target, Predicate<Complex> qualifies) {
        int best = -1;
        for (int i = 0; i < points.size(); i++) {
            if (qualifies.test(points.get(i)) && (best < 0
                    || points.get(i).minus(target).abs() < points.get(best).minus(target).abs())) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no zero left to pair with pole " + target);
        }
        return best;
    }

    /** One row [b0 b1 b2 1 a1 a2] from up to two zeros and poles (scipy {@code _single_zpksos}). */
    private static double[] section(List<Complex> zeros, List<Complex> poles) {
        double[] row = new double[6];
        double[] b = polynomial(zeros);
        double[] a = polynomial(poles);
        System.arraycopy(b, 0, row, 3 - b.length, b.length);
        System.arraycopy(a, 0, row, 6 - a.length, a.length);
        return row;
    }

    /** Monic polynomial with the given roots (numpy {@code poly}); its imaginary part is zero for conjugate pairs. */
    private static double[] polynomial(List<Complex> roots) {
        Complex[] c = {Complex.ONE};
        for (Complex root : roots) {
            Complex[] next = new Complex[c.length + 1];
            next[0] = c[0];
            for (int i = 1; i < c.length; i++) {
                next[i] = c[i].plus(c[i - 1].times(root.negate()));
            }
            next[c.length] = c[c.length - 1].times(root.negate());
            c = next;
        }
        double[] real = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            real[i] = c[i].re();
        }
        return real;
    }

    /**
     * scipy {@code _cplxreal} followed by concatenation: one member (positive imaginary part) of each conjugate pair,
     * sorted by real part then imaginary magnitude, then the real points sorted by value with their imaginary parts
     * set to exactly zero.
     */
    private static List<Complex> conjugatePairsThenReals(List<Complex> points) {
        Comparator<Complex> byRealThenImag = Comparator.comparingDouble(Complex::re)
                .thenComparingDouble(c -> Math.abs(c.im()));
        List<Complex> sorted = points.stream().sorted(byRealThenImag).toList();
        List<Complex> reals = new ArrayList<>();
        List<Complex> upper = new ArrayList<>();
        List<Complex> lower = new ArrayList<>();
        for (Complex c : sorted) {
            if (Math.abs(c.im()) <= TOLERANCE * c.abs()) {
                reals.add(Complex.real(c.re()));
            } else if (c.im() > 0) {
                upper.add(c);
            } else {
                lower.add(c);
            }
        }
        if (upper.size() != lower.size()) {
            throw new IllegalArgumentException("a complex pole or zero has no conjugate: " + points);
        }
        sortRunsOfEqualRealPartByImag(upper);
        sortRunsOfEqualRealPartByImag(lower);
        List<Complex> result = new ArrayList<>();
        for (int i = 0; i < upper.size(); i++) {
            Complex plus = upper.get(i);
            Complex conjugateOfMinus = lower.get(i).conjugate();
            if (plus.minus(conjugateOfMinus).abs() > TOLERANCE * lower.get(i).abs()) {
                throw new IllegalArgumentException("a complex pole or zero has no conjugate: " + points);
            }
            // Averaging the two halves of a pair cancels their rounding differences.
            result.add(plus.plus(conjugateOfMinus).times(0.5));
        }
        result.addAll(reals);
        return result;
    }

    /** Points whose real parts differ by less than the tolerance count as one run, ordered by |imag|. */
    private static void sortRunsOfEqualRealPartByImag(List<Complex> points) {
        int start = 0;
        while (start < points.size()) {
            int stop = start + 1;
            while (stop < points.size() && points.get(stop).re() - points.get(stop - 1).re()
                    <= TOLERANCE * points.get(stop - 1).abs()) {
                stop++;
            }
            points.subList(start, stop).sort(Comparator.comparingDouble(c -> Math.abs(c.im())));
            start = stop;
        }
    }
}
