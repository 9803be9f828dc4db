package org.ecgkit.plot;

/**
 * How a spectrogram is drawn. Start from {@link #DEFAULT} and change what you need:
 * {@code SpectrogramStyle.DEFAULT.withMaxFrequency(50).withColourRange(-60, 0)}.
 *
 * @param panelWidth     plot-area width of one panel in pixels; 0 picks a size for the layout
 * @param panelHeight    plot-area height of one panel in pixels; 0 picks a size for the layout
 * @param colourMin      value shown as the darkest colour; NaN takes it from the data
 * @param colourMax      value shown as the brightest colour; NaN takes the data's maximum
 * @param dynamicRangeDb for decibel spectrograms with no {@code colourMin}: show this many dB below the maximum
 *                       (quieter bins take the darkest colour), so that near-silent bins do not flatten the scale
 * @param maxFrequency   highest frequency shown, Hz (ECG content lies below about 50 Hz); infinite shows all
 */
public record SpectrogramStyle(int panelWidth, int panelHeight, double colourMin, double colourMax,
                               double dynamicRangeDb, double maxFrequency) {

    public static final SpectrogramStyle DEFAULT =
            new SpectrogramStyle(0, 0, Double.NaN, Double.NaN, 80, Double.POSITIVE_INFINITY);

    public SpectrogramStyle {
        if (panelWidth < 0 || panelHeight < 0 || panelWidth > 5000 || panelHeight > 5000) {
            throw new IllegalArgumentException("panel size must be 0 (automatic) or up to 5000 px, got "
                    + panelWidth + " x " + panelHeight);
        }
        if (colourMin >= colourMax || Double.isInfinite(colourMin) || Double.isInfinite(colourMax)) {
            throw new IllegalArgumentException("colour range must be finite with min < max, got [" + colourMin
                    + ", " + colourMax + "]");
        }
        if (!(dynamicRangeDb > 0)) {
            throw new IllegalArgumentException("dynamicRangeDb must be positive, got " + dynamicRangeDb);
        }
        if (!(maxFrequency > 0)) {
            throw new IllegalArgumentException("maxFrequency must be positive, got " + maxFrequency);
        }
    }

    public SpectrogramStyle withPanelSize(int width, int height) {
        return new SpectrogramStyle(width, height, colourMin, colourMax, dynamicRangeDb, maxFrequency);
    }

    /** Fixes the colour scale, e.g. to compare several records on the same scale. */
    public SpectrogramStyle withColourRange(double min, double max) {
        return new SpectrogramStyle(panelWidth, panelHeight, min, max, dynamicRangeDb, maxFrequency);
    }

    public SpectrogramStyle withDynamicRangeDb(double decibels) {
        return new SpectrogramStyle(panelWidth, panelHeight, colourMin, colourMax, decibels, maxFrequency);
    }

    public SpectrogramStyle withMaxFrequency(double hz) {
        return new SpectrogramStyle(panelWidth, panelHeight, colourMin, colourMax, dynamicRangeDb, hz);
    }

    int widthOr(int automatic) {
        return panelWidth > 0 ? panelWidth : automatic;
    }

    int heightOr(int automatic) {
        return panelHeight > 0 ? panelHeight : automatic;
    }
}
