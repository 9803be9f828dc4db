package org.ecgkit.signal;

/**
 * The little complex arithmetic the Butterworth design needs (poles and zeros). Hand-written because no dependency
 * already on the class path offers a stable complex type, and one record is lighter than a new library.
 */
record Complex(double re, double im) {

    static final Complex ZERO = new Complex(0, 0);
    static final Complex ONE = new Complex(1, 0);

    static Complex real(double value) {
        return new Complex(value, 0);
    }

    /** e^{iθ}. */
    static Complex expI(double theta) {
        return new Complex(Math.cos(theta), Math.sin(theta));
    }

    Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    Complex times(double factor) {
        return new Complex(re * factor, im * factor);
    }

    /** Smith's algorithm, as numpy divides complex numbers, to keep the rounding close to scipy's. */
    Complex dividedBy(Complex o) {
        if (Math.abs(o.re) >= Math.abs(o.im)) {
            double ratio = o.im / o.re;
            double denominator = o.re + o.im * ratio;
            return new Complex((re + im * ratio) / denominator, (im - re * ratio) / denominator);
        }
        double ratio = o.re / o.im;
        double denominator = o.re * ratio + o.im;
        return new Complex((re * ratio + im) / denominator, (im * ratio - re) / denominator);
    }

    Complex negate() {
        return new Complex(-re, -im);
    }

    Complex conjugate() {
        return new Complex(re, -im);
    }

    double abs() {
        return Math.hypot(re, im);
    }

    /** Principal square root (non-negative real part), as numpy's complex sqrt. */
    Complex sqrt() {
        if (re == 0 && im == 0) {
            return new Complex(0, im);
        }
        double t = Math.sqrt((Math.abs(re) + abs()) / 2);
        if (re >= 0) {
            return new Complex(t, im / (2 * t));
        }
        return new Complex(Math.abs(im) / (2 * t), Math.copySign(t, im));
    }

    /** numpy's {@code isreal}: exactly zero imaginary part. */
    boolean isReal() {
        return im == 0;
    }
}
