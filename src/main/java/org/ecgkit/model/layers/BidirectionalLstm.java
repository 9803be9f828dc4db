package org.ecgkit.model.layers;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * A bidirectional LSTM over NCW sequences, outputs of both directions concatenated ({@code [B, 2 * nOut, T]}): the
 * same model as DL4J's {@code Bidirectional(CONCAT, LSTM)} with tanh activations and sigmoid gates, with the same
 * parameters (keys {@code fW, fRW, fb, bW, bRW, bb}, DL4J's gate order and initialisation: forget-gate bias 1), so a
 * graph built with either holds identical weights for one seed. It is faster because it computes the input projection
 * of all time steps in one matrix product, keeps only one small matrix product and a few element-wise operations
 * per step, keeps the training forward pass for the backward pass instead of running it again, and sums the weight
 * gradients of all steps in one product each; see {@link BidirectionalLstmLayer}. No masks, no peepholes.
 */
public final class BidirectionalLstm extends BaseRecurrentLayer {

    private double forgetGateBiasInit = 1.0;

    private BidirectionalLstm() {
        // for JSON
    }

    private BidirectionalLstm(Builder builder) {
        super(builder);
        this.forgetGateBiasInit = builder.forgetGateBiasInit;
        this.rnnDataFormat = RNNFormat.NCW;
    }

    /** The forget gate's initial bias (a bean getter: DL4J's JSON mapper reads and writes the field through it). */
    public double getForgetGateBiasInit() {
        return forgetGateBiasInit;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        return LayerWiring.wire(new BidirectionalLstmLayer(conf, networkDataType), initializer(), conf, listeners, layerIndex,
                layerParamsView, initializeParams);
    }

    @Override
    public ParamInitializer initializer() {
        return BidirectionalLstmParams.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeRecurrent sequence = (InputType.InputTypeRecurrent) super.getOutputType(layerIndex, inputType);
        return InputType.recurrent(2 * nOut, sequence.getTimeSeriesLength(), RNNFormat.NCW);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        super.setNIn(inputType, override);
        if (rnnDataFormat != RNNFormat.NCW) {
            throw new IllegalArgumentException("layer '" + getLayerName() + "' reads NCW sequences, got " + inputType);
        }
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType output = getOutputType(-1, inputType);
        long parameters = initializer().numParams(this);
        // Kept for the backward pass, per example: gate activations (4 nOut), cell states, their tanh and the
        // outputs (nOut each) per step and direction, plus the time-major copy of the input.
        InputType.InputTypeRecurrent sequence = (InputType.InputTypeRecurrent) inputType;
        long steps = Math.max(sequence.getTimeSeriesLength(), 1);
        long kept = steps * (2 * 7 * nOut + nIn);
        return new LayerMemoryReport.Builder(layerName, BidirectionalLstm.class, inputType, output)
                .standardMemory(parameters, getIUpdater().stateSize(parameters))
                .workingMemory(0, kept, 0, kept)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    /** {@code new BidirectionalLstm.Builder().nOut(64).build()}: 64 units per direction. */
    public static final class Builder extends BaseRecurrentLayer.Builder<Builder> {
        private double forgetGateBiasInit = 1.0;

        /** Initial bias of the forget gate (DL4J's LSTM default: 1). */
        public Builder forgetGateBiasInit(double value) {
            this.forgetGateBiasInit = value;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public BidirectionalLstm build() {
            return new BidirectionalLstm(this);
        }
    }
}
