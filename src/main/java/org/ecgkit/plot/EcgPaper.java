package org.ecgkit.plot;

/**
 * The scale of simulated ECG paper. {@link #STANDARD} is the clinical convention: 25 mm/s, 10 mm/mV, so one 1 mm
 * square is 0.04 s wide and 0.1 mV tall; both axes use the same pixels per millimetre, which keeps the aspect ratio
 * a cardiologist expects.
 *
 * @param pixelsPerMm    image resolution; whole numbers keep every grid line on a pixel
 * @param mmPerSecond    paper speed (25 standard, 50 for fast rhythms)
 * @param mmPerMillivolt gain (10 standard; 5 or 20 for large or small complexes)
 * @param rowHeightMm    height of one row of traces; traces may run into the next row, as on a printed ECG
 */
public record EcgPaper(double pixelsPerMm, double mmPerSecond, double mmPerMillivolt, double rowHeightMm) {

    /** 4 px/mm, 25 mm/s, 10 mm/mV, 40 mm rows: a 12-lead page is 1060 × 700 px. */
    public static final EcgPaper STANDARD = new EcgPaper(4, 25, 10, 40);

    /** Width of the minor grid square. */
    static final double MINOR_MM = 1;
    /** Width of the major grid square. */
    static final double MAJOR_MM = 5;
    /** Space above the first row for the header line. */
    static final double HEADER_MM = 10;
    /** Space right of and below the traces. */
    static final double MARGIN_MM = 5;
    /** The calibration pulse: 1 mV for 200 ms. */
    static final double CALIBRATION_MV = 1;
    static final double CALIBRATION_SECONDS = 0.2;

    public EcgPaper {
        if (!(pixelsPerMm >= 1 && pixelsPerMm <= 40)) {
            throw new IllegalArgumentException("pixelsPerMm must be between 1 and 40, got " + pixelsPerMm);
        }
        if (!(mmPerSecond > 0 && mmPerSecond <= 200)) {
            throw new IllegalArgumentException("mmPerSecond must be in (0, 200], got " + mmPerSecond);
        }
        if (!(mmPerMillivolt > 0 && mmPerMillivolt <= 100)) {
            throw new IllegalArgumentException("mmPerMillivolt must be in (0, 100], got " + mmPerMillivolt);
        }
        if (!(rowHeightMm >= 10 && rowHeightMm <= 200)) {
            throw new IllegalArgumentException("rowHeightMm must be between 10 and 200, got " + rowHeightMm);
        }
    }

    public EcgPaper withPixelsPerMm(double value) {
        return new EcgPaper(value, mmPerSecond, mmPerMillivolt, rowHeightMm);
    }

    public EcgPaper withMmPerSecond(double value) {
        return new EcgPaper(pixelsPerMm, value, mmPerMillivolt, rowHeightMm);
    }

    public EcgPaper withMmPerMillivolt(double value) {
        return new EcgPaper(pixelsPerMm, mmPerSecond, value, rowHeightMm);
    }

    public EcgPaper withRowHeightMm(double value) {
        return new EcgPaper(pixelsPerMm, mmPerSecond, mmPerMillivolt, value);
    }

    /**
     * Width of the area left of the traces that holds the calibration pulse: the pulse plus 2 mm either side, rounded
     * up to whole major squares so that traces start on a major line.
     */
    public double calibrationWidthMm() {
        double pulseMm = CALIBRATION_SECONDS * mmPerSecond;
        return Math.ceil((pulseMm + 4) / MAJOR_MM) * MAJOR_MM;
    }

    /** Converts millimetres of paper to pixels. */
    double px(double mm) {
        return mm * pixelsPerMm;
    }
}
