package org.ecgkit.signal;

/** Units of a power spectrum, as scipy's {@code scaling} argument. */
public enum Scaling {
    /** Power spectral density, V²/Hz: divides by fs·Σw² (scipy's default). */
    DENSITY,
    /** Power spectrum, V²: divides by (Σw)², so a sine's peak reads its power. */
    SPECTRUM
}
