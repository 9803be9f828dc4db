package org.ecgkit.data.wfdb;

import java.util.OptionalInt;

/**
 * One signal line of a WFDB header (header(5)). Fields the header leaves out hold the specification's defaults:
 * gain 200 adu per unit, units "mV", baseline equal to the ADC zero, ADC resolution the format's bits (12 for 16).
 *
 * @param fileName      the signal file, relative to the header's folder
 * @param format        how samples are stored
 * @param byteOffset    bytes to skip at the start of the file (24 for CinC 2017's "16+24" MATLAB v4 files)
 * @param gain          ADC units per physical unit
 * @param baseline      the sample value that corresponds to 0 physical units
 * @param units         physical units, e.g. "mV"
 * @param adcResolution bits of the ADC
 * @param adcZero       the sample value at the middle of the ADC's range
 * @param initialValue  the first sample, when the header states it (only checked: a mismatch is a warning)
 * @param checksum      16-bit sum of all samples, when the header states a non-zero one (see {@link WfdbReader})
 * @param blockSize     0 for ordinary files
 * @param description   the signal's name, e.g. "II" or "ECG"
 */
public record SignalSpec(String fileName, WfdbFormat format, long byteOffset, double gain, int baseline, String units,
                         int adcResolution, int adcZero, OptionalInt initialValue, OptionalInt checksum, int blockSize,
                         String description) {

    /** The gain the specification assumes when the header gives none. */
    public static final double DEFAULT_GAIN = 200.0;

    public SignalSpec {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("signal file name is empty");
        }
        if (byteOffset < 0) {
            throw new IllegalArgumentException("negative byte offset " + byteOffset + " for " + fileName);
        }
        units = units == null ? "" : units;
        description = description == null ? "" : description;
    }

    /** The signal line as a header states it ({@code initialValue} and {@code checksum} written when present). */
    String toHeaderLine() {
        StringBuilder line = new StringBuilder()
                .append(fileName).append(' ').append(format.code());
        if (byteOffset > 0) {
            line.append('+').append(byteOffset);
        }
        line.append(' ').append(formatNumber(gain)).append('(').append(baseline).append(")/").append(units)
                .append(' ').append(adcResolution).append(' ').append(adcZero);
        if (initialValue.isPresent()) {
            line.append(' ').append(initialValue.getAsInt());
            if (checksum.isPresent()) {
                line.append(' ').append(checksum.getAsInt()).append(' ').append(blockSize);
                if (!description.isEmpty()) {
                    line.append(' ').append(description);
                }
            }
        }
        return line.toString();
    }

    private static String formatNumber(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
