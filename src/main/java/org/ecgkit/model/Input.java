package org.ecgkit.model;

/**
 * The inputs a model can take, in the fixed order in which a model's graph declares them and in which a dataset
 * iterator must deliver its feature arrays. A model uses the subset of its switched-on branches, order kept.
 */
public enum Input {
    /** {@code [batch, leads, samples]}, NCW, float32. */
    WAVEFORM("waveform"),
    /** {@code [batch, channels, freq, frames]}, float32. */
    SPECTROGRAM("spectrogram"),
    /** {@code [batch, fftFeatures]}. */
    FFT("fft"),
    /** {@code [batch, metadataFeatures]}: age, sex, RR features... */
    METADATA("metadata");

    private final String inputName;

    Input(String inputName) {
        this.inputName = inputName;
    }

    /** The graph input name, also what the data layer calls this input. */
    public String inputName() {
        return inputName;
    }

    /** The input whose graph name is {@code name}. */
    public static Input named(String name) {
        for (Input input : values()) {
            if (input.inputName.equals(name)) {
                return input;
            }
        }
        throw new IllegalArgumentException("no model input is called '" + name + "'; inputs are waveform, spectrogram, fft, metadata");
    }
}
