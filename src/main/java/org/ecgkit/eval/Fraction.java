package org.ecgkit.eval;

/**
 * An exact ratio of counts. Threshold tuning compares scores as fractions so that two thresholds with equal
 * F1 (say 2/3 reached as 2·2/(4+2) and 2·1/(2+1)) are a real tie, not decided by rounding.
 */
record Fraction(long numerator, long denominator) implements Comparable<Fraction> {

    static final Fraction ZERO = new Fraction(0, 1);

    Fraction {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive, got " + denominator);
        }
    }

    double toDouble() {
        return (double) numerator / denominator;
    }

    @Override
    public int compareTo(Fraction other) {
        return Long.compare(Math.multiplyExact(numerator, other.denominator),
                Math.multiplyExact(other.numerator, denominator));
    }
}
