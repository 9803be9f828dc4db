package org.ecgkit.model;

import java.util.Arrays;
import java.util.List;

/**
 * Builds ECG models as DL4J graphs. Every model is a configuration of one multi-input architecture whose branches can
 * be switched on and off:
 * <pre>
 * waveform    [B, leads, samples]      → 1D CNN blocks → BiLSTM → global average pool ┐
 * spectrogram [B, channels, freq, t]   → 2D CNN blocks → global average pool          ├ concat → dense + dropout → softmax | sigmoid
 * fft         [B, k]                   → dense                                        │
 * metadata    [B, m]                   → dense                                        ┘
 * </pre>
 * Graph inputs are named {@code waveform, spectrogram, fft, metadata} and declared in that order (switched-off ones
 * left out): a dataset iterator must deliver its feature arrays in that order, see {@link EcgModel#inputNames()}.
 *
 * <pre>{@code
 * EcgModel hybrid = HybridModel.builder().fft(false).build(inputs);
 * EcgModel cnn = HybridModel.cnn1d().build(inputs);
 * }</pre>
 */
public final class HybridModel {

    private HybridModel() {
    }

    /**
     * All four branches: waveform Conv1D 32/64/64 (kernels 7/5/5, BatchNorm, max-pool 2) → BiLSTM 64 per direction;
     * spectrogram Conv2D 16/32 (3×3); FFT dense 32; metadata dense 16; head dense 64, dropout 0.3.
     */
    public static Builder builder() {
        return new Builder("hybrid");
    }

    /** 1D CNN baseline over the waveform: the hybrid's convolution blocks, then global average pooling. */
    public static Builder cnn1d() {
        return new Builder("cnn1d").spectrogram(false).fft(false).metadata(false).lstm(0, 0);
    }

    /** BiLSTM over the waveform, averaged over time after a 4× average-pool downsampling and no convolutions. */
    public static Builder bilstm() {
        return new Builder("bilstm").spectrogram(false).fft(false).metadata(false).convolutions(new int[0], new int[0])
                .downsample(4).lstm(64, 1);
    }

    /** 2D CNN over the spectrogram only. */
    public static Builder spectrogramCnn() {
        return new Builder("spectrogram_cnn").waveform(false).fft(false).metadata(false);
    }

    /** Fluent, mutable builder of a {@link ModelSpec}; {@link #build(ModelInputs)} makes the graph. */
    public static final class Builder {
        private String name;
        private boolean waveform = true;
        private int downsample = 1;
        private List<Integer> convFilters = List.of(32, 64, 64);
        private List<Integer> convKernels = List.of(7, 5, 5);
        private boolean waveformBatchNorm = true;
        private int pool = 2;
        private int lstmUnits = 64;
        private int lstmLayers = 1;
        private boolean spectrogram = true;
        private List<Integer> spectrogramFilters = List.of(16, 32);
        private int spectrogramKernel = 3;
        private boolean spectrogramBatchNorm = false;
        private boolean fft = true;
        private List<Integer> fftUnits = List.of(32);
        private boolean metadata = true;
        private List<Integer> metadataUnits = List.of(16);
        private List<Integer> head = List.of(64);
        private double dropout = 0.3;

        private Builder(String name) {
            this.name = name;
        }

        /** Starts from an existing spec, e.g. to change one setting. */
        public static Builder from(ModelSpec spec) {
            Builder builder = new Builder(spec.name());
            builder.waveform = spec.waveform() != null;
            if (spec.waveform() != null) {
                var w = spec.waveform();
                builder.downsample = w.downsample();
                builder.convFilters = w.filters();
                builder.convKernels = w.kernels();
                builder.waveformBatchNorm = w.batchNorm();
                builder.pool = w.pool();
                builder.lstmUnits = w.lstmUnits();
                builder.lstmLayers = w.lstmLayers();
            }
            builder.spectrogram = spec.spectrogram() != null;
            if (spec.spectrogram() != null) {
                builder.spectrogramFilters = spec.spectrogram().filters();
                builder.spectrogramKernel = spec.spectrogram().kernel();
                builder.spectrogramBatchNorm = spec.spectrogram().batchNorm();
            }
            builder.fft = spec.fft() != null;
            if (spec.fft() != null) {
                builder.fftUnits = spec.fft().units();
            }
            builder.metadata = spec.metadata() != null;
            if (spec.metadata() != null) {
                builder.metadataUnits = spec.metadata().units();
            }
            builder.head = spec.head();
            builder.dropout = spec.dropout();
            return builder;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Switches the waveform branch on or off. */
        public Builder waveform(boolean on) {
            this.waveform = on;
            return this;
        }

        /** Switches the spectrogram branch on or off. */
        public Builder spectrogram(boolean on) {
            this.spectrogram = on;
            return this;
        }

        /** Switches the FFT-feature branch on or off. */
        public Builder fft(boolean on) {
            this.fft = on;
            return this;
        }

        /** Switches the metadata branch on or off. */
        public Builder metadata(boolean on) {
            this.metadata = on;
            return this;
        }

        /** Waveform Conv1D blocks: filters and kernel size of each (empty: no convolutions). */
        public Builder convolutions(int[] filters, int[] kernels) {
            this.convFilters = list(filters);
            this.convKernels = list(kernels);
            return this;
        }

        /** Whether waveform convolutions are followed by BatchNorm. */
        public Builder waveformBatchNorm(boolean on) {
            this.waveformBatchNorm = on;
            return this;
        }

        /** Max-pool size after each waveform convolution block. */
        public Builder pool(int size) {
            this.pool = size;
            return this;
        }

        /** Average-pool factor applied to the waveform before anything else (1: none). */
        public Builder downsample(int factor) {
            this.downsample = factor;
            return this;
        }

        /** Bidirectional LSTM after the waveform convolutions: units per direction and stacked layers; (0, 0) for none. */
        public Builder lstm(int unitsPerDirection, int layers) {
            this.lstmUnits = unitsPerDirection;
            this.lstmLayers = layers;
            return this;
        }

        /** Spectrogram Conv2D filters per block and the square kernel size. */
        public Builder spectrogramConvolutions(int[] filters, int kernel) {
            this.spectrogramFilters = list(filters);
            this.spectrogramKernel = kernel;
            return this;
        }

        public Builder spectrogramBatchNorm(boolean on) {
            this.spectrogramBatchNorm = on;
            return this;
        }

        public Builder fftUnits(int... units) {
            this.fftUnits = list(units);
            return this;
        }

        public Builder metadataUnits(int... units) {
            this.metadataUnits = list(units);
            return this;
        }

        /** Dense layers after the concatenation (empty: straight to the output layer). */
        public Builder head(int... units) {
            this.head = list(units);
            return this;
        }

        /** Drop probability after each head dense layer. */
        public Builder dropout(double probability) {
            this.dropout = probability;
            return this;
        }

        /** The architecture as an immutable, serialisable record. */
        public ModelSpec spec() {
            return new ModelSpec(name,
                    waveform ? new ModelSpec.WaveformBranch(downsample, convFilters, convKernels, waveformBatchNorm, pool,
                            lstmUnits, lstmLayers) : null,
                    spectrogram ? new ModelSpec.SpectrogramBranch(spectrogramFilters, spectrogramKernel, spectrogramBatchNorm) : null,
                    fft ? new ModelSpec.DenseBranch(fftUnits) : null,
                    metadata ? new ModelSpec.DenseBranch(metadataUnits) : null,
                    head, dropout);
        }

        /** Builds the graph for these inputs with {@link NetworkSettings#defaults()}. */
        public EcgModel build(ModelInputs inputs) {
            return EcgModel.build(spec(), inputs, NetworkSettings.defaults());
        }

        private static List<Integer> list(int[] values) {
            return Arrays.stream(values).boxed().toList();
        }
    }
}
