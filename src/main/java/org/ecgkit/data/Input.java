package org.ecgkit.data;

import java.util.Arrays;
import java.util.List;

/**
 * One model input read from a dataset, record by record: the waveform, the precomputed spectrograms, any derived
 * array ({@code fft}, {@code rr}), metadata columns, or several of these joined into one vector. A
 * {@link DatasetIterator} stacks them into batches in the order given.
 */
public interface Input {

    /** Name of the input, matching the model's input of the same name (e.g. {@code waveform}). */
    String name();

    /** Shape of one record's input (without the batch axis). */
    int[] shape(EcgDataset dataset);

    /** Copies one record's input, flattened in C order, into {@code dst} from {@code offset}. */
    void read(EcgDataset dataset, int row, float[] dst, int offset);

    /** The signals, {@code [leads, samples]} per record, in the manifest's units. */
    static Input waveform() {
        return new Waveform();
    }

    /** The precomputed {@code spectrograms.npy}, {@code [leads, freq, frames]} per record. */
    static Input spectrogram() {
        return new ArrayInput("spectrogram", EcgDataset.SPECTROGRAMS);
    }

    /** A derived array {@code <file>.npy} beside the signals (e.g. {@code fft}, {@code rr}), under its own name. */
    static Input array(String file) {
        return new ArrayInput(file, file);
    }

    /** Numeric metadata columns (sex as F = 1, M = 0), raw until {@link MetadataInput#standardizedOn} is applied. */
    static MetadataInput metadata(String... columns) {
        return MetadataInput.of(List.of(columns));
    }

    /**
     * The parts flattened and joined into one vector per record under {@code name}, e.g. the FFT features
     * {@code [leads, bins]} for a model's {@code fft} branch, or metadata columns with the RR features for its
     * {@code metadata} branch; raw until {@link VectorInput#standardizedOn} is applied.
     */
    static VectorInput vector(String name, Input... parts) {
        return VectorInput.of(name, List.of(parts));
    }

    /** Number of values in one record's input. */
    default int length(EcgDataset dataset) {
        return Arrays.stream(shape(dataset)).reduce(1, Math::multiplyExact);
    }

    /** The waveform input. */
    record Waveform() implements Input {

        @Override
        public String name() {
            return "waveform";
        }

        @Override
        public int[] shape(EcgDataset dataset) {
            return new int[] {dataset.leads(), dataset.samples()};
        }

        @Override
        public void read(EcgDataset dataset, int row, float[] dst, int offset) {
            dataset.readSignal(row, dst, offset);
        }
    }

    /** A derived {@code .npy} array with one row per record. */
    record ArrayInput(String name, String file) implements Input {

        private NpyFile npy(EcgDataset dataset) {
            return dataset.requireArray(file);
        }

        @Override
        public int[] shape(EcgDataset dataset) {
            long[] shape = npy(dataset).shape();
            return Arrays.stream(shape, 1, shape.length).mapToInt(Math::toIntExact).toArray();
        }

        @Override
        public void read(EcgDataset dataset, int row, float[] dst, int offset) {
            npy(dataset).readRow(row, dst, offset);
        }
    }
}
