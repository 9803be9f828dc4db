package org.ecgkit.model;

/**
 * The branches of a model, one per input it can take, in the fixed order in which a model's graph declares its inputs
 * and in which a dataset iterator must deliver its feature arrays. A model uses the subset of its switched-on branches,
 * order kept. (The data layer's {@code org.ecgkit.data.Input} is what fills each of them.)
 */
public enum Branch {
    /** {@code [batch, leads, samples]}, NCW, float32. */
    WAVEFORM("waveform"),
    /** {@code [batch, channels, freq, frames]}, float32. */
    SPECTROGRAM("spectrogram"),
    /** {@code [batch, fftFeatures]}. */
    FFT("fft"),
    /** {@code [batch, metadataFeatures]}: age, sex, RR features... */
    METADATA("metadata");

    private final String inputName;

    Branch(String inputName) {
        this.inputName = inputName;
    }

    /** The graph input name, also what the data layer calls this input. */
    public String inputName() {
        return inputName;
    }

    /** The input whose graph name is {@code name}. */
    public static Branch named(String name) {
        for (Branch input : values()) {
            if (input.inputName.equals(name)) {
                return input;
            }
        }
        throw new IllegalArgumentException("no model input is called '" + name + "'; inputs are waveform, spectrogram, fft, metadata");
    }
}
