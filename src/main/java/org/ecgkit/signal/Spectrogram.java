package org.ecgkit.signal;

/**
 * Spectrogram of one record, ready as a model input: {@code values[lead][frequency][frame]}.
 *
 * @param values      power (or dB when {@code decibels}) per lead, frequency bin and frame
 * @param frequencies centre frequency of each bin in Hz
 * @param times       centre time of each frame in seconds from the start of the record
 * @param decibels    whether {@code values} are 10·log10 of the power
 */
public record Spectrogram(float[][][] values, double[] frequencies, double[] times, boolean decibels) {

    /**
     * Spectrogram of every lead of a record {@code [lead][sample]} with scipy's defaults (see {@link Stft}); for
     * other settings use {@code Stft.builder()...build().apply(leads, samplingRate)}.
     */
    public static Spectrogram stft(float[][] leads, double samplingRate) {
        return Stft.defaults().apply(leads, samplingRate);
    }
}
