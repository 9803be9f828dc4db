package org.ecgkit.model.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * DL4J's 2D {@link ConvolutionLayer} (NCHW, with bias; same configuration, parameters and initialisation, so graphs
 * and checkpoints are interchangeable) computed by libnd4j's fused {@code conv2d} / {@code conv2d_bp} ops instead of
 * DL4J M2.1's {@code im2col} + matrix product from Java: on the hybrid's spectrogram convolutions that is 10–30× less
 * time, and in the oneDNN builds the ops run on oneDNN (docs/speed.md). DL4J's own oneDNN helper for the layer is
 * off by default in M2.1 and fails to load when switched on, hence this layer.
 * <pre>{@code
 * graph.addLayer("conv", new Convolution2D(new ConvolutionLayer.Builder(3, 3).nOut(16)
 *         .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU)), "input");
 * }</pre>
 */
public final class Convolution2D extends ConvolutionLayer {

    private Convolution2D() {
        // for JSON
    }

    /** The layer a {@link ConvolutionLayer.Builder} describes; NCHW with bias only. */
    public Convolution2D(ConvolutionLayer.Builder builder) {
        super(builder);
        if (getCnn2dDataFormat() != CNN2DFormat.NCHW || !hasBias()) {
            throw new IllegalArgumentException("Convolution2D supports NCHW data with a bias, got "
                    + getCnn2dDataFormat() + (hasBias() ? "" : " without bias"));
        }
        if (getConvolutionMode() != ConvolutionMode.Same && getConvolutionMode() != ConvolutionMode.Truncate) {
            throw new IllegalArgumentException("Convolution2D supports convolution modes Same and Truncate, got "
                    + getConvolutionMode());
        }
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("Convolution2D", getLayerName(), layerIndex, getNIn(), getNOut());
        return LayerWiring.wire(new Convolution2DLayer(conf, networkDataType), initializer(), conf, listeners, layerIndex,
                layerParamsView, initializeParams);
    }
}
