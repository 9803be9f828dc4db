package org.ecgkit.model;

import java.util.List;
import java.util.Objects;

/**
 * The architecture of a model, independent of the data's sizes: which branches are on and how each is built. An
 * immutable record of plain values so it serialises to JSON and a model can be rebuilt from it. A {@code null}
 * branch is switched off. Build one with {@link HybridModel}.
 *
 * @param name        label for tables and logs
 * @param waveform    1D CNN blocks, optionally followed by a bidirectional LSTM, then global average pooling
 * @param spectrogram 2D CNN blocks then global average pooling
 * @param fft         dense layers over the FFT features
 * @param metadata    dense layers over the metadata vector
 * @param head        units of the dense layers after the concatenation of all branches
 * @param dropout     drop probability (PyTorch convention) before each layer that follows a head dense layer
 */
public record ModelSpec(String name, WaveformBranch waveform, SpectrogramBranch spectrogram, DenseBranch fft,
                        DenseBranch metadata, List<Integer> head, double dropout) {

    public ModelSpec {
        Objects.requireNonNull(name, "name");
        head = List.copyOf(head);
        requirePositive("head units", head);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout is a drop probability in [0, 1), got " + dropout);
        }
        if (waveform == null && spectrogram == null && fft == null && metadata == null) {
            throw new IllegalArgumentException("model '" + name + "' has every branch switched off");
        }
    }

    /** Whether the branch reading {@code input} is on. */
    public boolean uses(Branch input) {
        return switch (input) {
            case WAVEFORM -> waveform != null;
            case SPECTROGRAM -> spectrogram != null;
            case FFT -> fft != null;
            case METADATA -> metadata != null;
        };
    }

    /**
     * Waveform branch: optional average-pool downsampling, then per block Conv1D (same padding) [+ BatchNorm] + ReLU
     * + max pooling, then {@code lstmLayers} bidirectional LSTMs of {@code lstmUnits} per direction (0: none), then
     * global average pooling over time.
     */
    public record WaveformBranch(int downsample, List<Integer> filters, List<Integer> kernels, boolean batchNorm,
                                 int pool, int lstmUnits, int lstmLayers) {
        public WaveformBranch {
            filters = List.copyOf(filters);
            kernels = List.copyOf(kernels);
            if (filters.size() != kernels.size()) {
                throw new IllegalArgumentException("waveform branch has " + filters.size() + " filter counts but "
                        + kernels.size() + " kernel sizes");
            }
            requirePositive("waveform filters", filters);
            requirePositive("waveform kernels", kernels);
            if (downsample < 1 || pool < 1 || lstmUnits < 0 || lstmLayers < 0 || (lstmUnits > 0) != (lstmLayers > 0)) {
                throw new IllegalArgumentException("waveform branch needs downsample >= 1, pool >= 1 and LSTM units and "
                        + "layers both 0 or both > 0, got downsample " + downsample + ", pool " + pool
                        + ", lstmUnits " + lstmUnits + ", lstmLayers " + lstmLayers);
            }
            if (filters.isEmpty() && lstmUnits == 0) {
                throw new IllegalArgumentException("waveform branch has neither convolutions nor an LSTM");
            }
        }


        /** Time steps left after downsampling and pooling {@code samples}. */
        public int stepsAfterPooling(int samples) {
            int steps = samples / downsample;
            for (int i = 0; i < filters.size(); i++) {
                steps /= pool;
            }
            return steps;
        }
    }

    /** Spectrogram branch: per block Conv2D k×k (same padding) [+ BatchNorm] + ReLU, 2×2 max pooling between blocks, global average pooling. */
    public record SpectrogramBranch(List<Integer> filters, int kernel, boolean batchNorm) {
        public SpectrogramBranch {
            filters = List.copyOf(filters);
            if (filters.isEmpty()) {
                throw new IllegalArgumentException("spectrogram branch needs at least one convolution");
            }
            requirePositive("spectrogram filters", filters);
            if (kernel < 1) {
                throw new IllegalArgumentException("spectrogram kernel must be >= 1, got " + kernel);
            }
        }

    }

    /** Dense layers with ReLU. */
    public record DenseBranch(List<Integer> units) {
        public DenseBranch {
            units = List.copyOf(units);
            if (units.isEmpty()) {
                throw new IllegalArgumentException("dense branch needs at least one layer");
            }
            requirePositive("dense units", units);
        }

    }

    private static void requirePositive(String what, List<Integer> values) {
        for (int value : values) {
            if (value < 1) {
                throw new IllegalArgumentException(what + " must be >= 1, got " + values);
            }
        }
    }
}
