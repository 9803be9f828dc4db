package org.ecgkit.model.layers;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * Max pooling over time of NCW sequences in windows that do not overlap (kernel = stride, no padding, a remainder
 * shorter than a window dropped): the model of DL4J's {@code Subsampling1DLayer} with {@code PoolingType.MAX},
 * kernel = stride and the Truncate mode, and of PyTorch's {@code MaxPool1d(k)}. DL4J runs that as a 2D
 * {@code maxpool2d}, which the oneDNN builds make several times slower than the generic build's (docs/speed.md);
 * this computes it as a max over the last axis of a {@code [B, C, T/k, k]} view and routes the gradient to each
 * window's first maximum, as PyTorch does.
 */
public final class MaxPooling1D extends NoParamLayer {

    private int size;

    private MaxPooling1D() {
        // for JSON
    }

    private MaxPooling1D(Builder builder) {
        super(builder);
        this.size = builder.size;
    }

    /** The window length and stride (a bean getter: DL4J's JSON mapper reads and writes the field through it). */
    public int getSize() {
        return size;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray layerParamsView,
                                                       boolean initializeParams, DataType networkDataType) {
        return LayerWiring.wire(new MaxPooling1DLayer(conf, networkDataType), initializer(), conf, listeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeRecurrent sequence) || sequence.getFormat() != RNNFormat.NCW) {
            throw new IllegalArgumentException("layer '" + getLayerName() + "' reads NCW sequences, got " + inputType);
        }
        long steps = sequence.getTimeSeriesLength();
        return InputType.recurrent(sequence.getSize(), steps > 0 ? steps / size : steps, RNNFormat.NCW);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType output = getOutputType(-1, inputType);
        return new LayerMemoryReport.Builder(layerName, MaxPooling1D.class, inputType, output)
                .standardMemory(0, 0)
                .workingMemory(0, 0, 0, inputType.arrayElementsPerExample())
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    /** {@code new MaxPooling1D.Builder().size(2).build()}: the maximum of each 2 steps. */
    public static final class Builder extends org.deeplearning4j.nn.conf.layers.Layer.Builder<Builder> {
        private int size;

        public Builder size(int size) {
            this.size = size;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public MaxPooling1D build() {
            if (size < 1) {
                throw new IllegalArgumentException("MaxPooling1D needs a window of at least 1 step, got " + size);
            }
            return new MaxPooling1D(this);
        }
    }
}
