package org.ecgkit.model;

import org.ecgkit.data.DatasetIterator;
import org.ecgkit.data.Task;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The shapes of everything a dataset can feed a model, and what it predicts. A size of 0 means the dataset does not
 * have that input. The data layer fills this from a dataset's manifest; a model is built for one and refuses data
 * that does not match it (see {@link EcgModel#requireCompatible(ModelInputs)}).
 *
 * @param leads               waveform channels (0: no waveform)
 * @param samples             waveform length in samples
 * @param spectrogramChannels spectrogram channels, usually the leads (0: no spectrogram)
 * @param freqBins            spectrogram frequency bins
 * @param frames              spectrogram time frames
 * @param fftFeatures         width of the FFT feature vector (0: none)
 * @param metadataFeatures    width of the metadata vector: age, sex, RR features... (0: none)
 * @param classNames          output classes, in label column order
 * @param task                multi-class or multi-label
 */
public record ModelInputs(int leads, int samples, int spectrogramChannels, int freqBins, int frames,
                          int fftFeatures, int metadataFeatures, List<String> classNames, Task task) {

    public ModelInputs {
        requireNonNegative("leads", leads);
        requireNonNegative("samples", samples);
        requireNonNegative("spectrogramChannels", spectrogramChannels);
        requireNonNegative("freqBins", freqBins);
        requireNonNegative("frames", frames);
        requireNonNegative("fftFeatures", fftFeatures);
        requireNonNegative("metadataFeatures", metadataFeatures);
        if ((leads == 0) != (samples == 0)) {
            throw new IllegalArgumentException("waveform needs both leads and samples, got leads " + leads + ", samples " + samples);
        }
        if (!(spectrogramChannels == 0 && freqBins == 0 && frames == 0) && (spectrogramChannels == 0 || freqBins == 0 || frames == 0)) {
            throw new IllegalArgumentException("spectrogram needs channels, freqBins and frames, got "
                    + spectrogramChannels + " x " + freqBins + " x " + frames);
        }
        Objects.requireNonNull(task, "task");
        classNames = List.copyOf(Objects.requireNonNull(classNames, "classNames"));
        int minimum = task == Task.MULTICLASS ? 2 : 1;
        if (classNames.size() < minimum) {
            throw new IllegalArgumentException(task.id() + " needs at least " + minimum + " classes, got " + classNames);
        }
        if (leads == 0 && spectrogramChannels == 0 && fftFeatures == 0 && metadataFeatures == 0) {
            throw new IllegalArgumentException("inputs have no waveform, spectrogram, FFT features or metadata");
        }
    }

    private static void requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The sizes of the batches {@code batches} delivers, with its dataset's classes and task. Its inputs must be
     * model inputs (waveform, spectrogram, fft, metadata) in that order.
     */
    public static ModelInputs from(DatasetIterator batches) {
        Builder builder = builder().classes(batches.dataset().classes()).task(batches.dataset().task());
        List<String> names = batches.inputNames();
        List<int[]> shapes = batches.inputShapes();
        Branch previous = null;
        for (int i = 0; i < names.size(); i++) {
            Branch input = Branch.named(names.get(i));
            if (previous != null && input.ordinal() <= previous.ordinal()) {
                throw new IllegalArgumentException("the batches deliver " + names + " but a model takes its inputs in the "
                        + "order waveform, spectrogram, fft, metadata");
            }
            int[] shape = shapes.get(i);
            int rank = input == Branch.WAVEFORM ? 2 : input == Branch.SPECTROGRAM ? 3 : 1;
            if (shape.length != rank) {
                throw new IllegalArgumentException(input.inputName() + " input of " + batches.dataset().name() + " is "
                        + java.util.Arrays.toString(shape) + " per record but the model's branch takes " + rank + " dimensions");
            }
            switch (input) {
                case WAVEFORM -> builder.waveform(shape[0], shape[1]);
                case SPECTROGRAM -> builder.spectrogram(shape[0], shape[1], shape[2]);
                case FFT -> builder.fft(shape[0]);
                case METADATA -> builder.metadata(shape[0]);
            }
            previous = input;
        }
        return builder.build();
    }

    /** Number of output classes. */
    public int classes() {
        return classNames.size();
    }

    /** Whether the dataset has this input. */
    public boolean has(Branch input) {
        return switch (input) {
            case WAVEFORM -> leads > 0;
            case SPECTROGRAM -> spectrogramChannels > 0;
            case FFT -> fftFeatures > 0;
            case METADATA -> metadataFeatures > 0;
        };
    }

    /** Shape of one batch of this input with the batch dimension as -1, e.g. {@code [-1, 12, 1000]}. */
    public long[] shape(Branch input) {
        if (!has(input)) {
            throw new IllegalArgumentException("inputs have no " + input.inputName());
        }
        return switch (input) {
            case WAVEFORM -> new long[]{-1, leads, samples};
            case SPECTROGRAM -> new long[]{-1, spectrogramChannels, freqBins, frames};
            case FFT -> new long[]{-1, fftFeatures};
            case METADATA -> new long[]{-1, metadataFeatures};
        };
    }

    /** Shape of a batch of labels, {@code [-1, classes]}. */
    public long[] labelShape() {
        return new long[]{-1, classes()};
    }

    /** Builder; sizes left unset are 0 (input absent). */
    public static final class Builder {
        private int leads;
        private int samples;
        private int spectrogramChannels;
        private int freqBins;
        private int frames;
        private int fftFeatures;
        private int metadataFeatures;
        private List<String> classNames = List.of();
        private Task task = Task.MULTICLASS;

        private Builder() {
        }

        public Builder waveform(int leads, int samples) {
            this.leads = leads;
            this.samples = samples;
            return this;
        }

        public Builder spectrogram(int channels, int freqBins, int frames) {
            this.spectrogramChannels = channels;
            this.freqBins = freqBins;
            this.frames = frames;
            return this;
        }

        public Builder fft(int features) {
            this.fftFeatures = features;
            return this;
        }

        public Builder metadata(int features) {
            this.metadataFeatures = features;
            return this;
        }

        /** Class names in label column order. */
        public Builder classes(List<String> names) {
            this.classNames = names;
            return this;
        }

        /** {@code count} classes named {@code "0"}, {@code "1"}, ... */
        public Builder classes(int count) {
            this.classNames = IntStream.range(0, count).mapToObj(Integer::toString).toList();
            return this;
        }

        public Builder task(Task task) {
            this.task = task;
            return this;
        }

        public ModelInputs build() {
            return new ModelInputs(leads, samples, spectrogramChannels, freqBins, frames, fftFeatures,
                    metadataFeatures, classNames, task);
        }
    }
}
