package org.ecgkit.model.layers;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

/** The computation of {@link Convolution2D}: forward by libnd4j's {@code conv2d}, backward by {@code conv2d_bp}. */
final class Convolution2DLayer extends ConvolutionLayer {

    private static final String W = ConvolutionParamInitializer.WEIGHT_KEY;
    private static final String B = ConvolutionParamInitializer.BIAS_KEY;
    /** libnd4j's integer argument for NCHW data and for weights laid out [out, in, kH, kW] as DL4J keeps them. */
    private static final int NCHW = 0;
    private static final int WEIGHTS_OIHW = 1;

    Convolution2DLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaces);
        INDArray z = preActivation(training, workspaces, ArrayType.ACTIVATIONS);
        return layerConf().getActivationFn().getActivation(z, training);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        // The pre-activation is recomputed (one fused op) rather than kept, as DL4J's own layer does.
        INDArray z = preActivation(true, workspaces, ArrayType.BP_WORKING_MEM);
        INDArray delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
        INDArray x = input.castTo(dataType);
        INDArray weights = getParamWithNoise(W, true, workspaces);
        INDArray bias = getParamWithNoise(B, true, workspaces);
        INDArray epsilonOut = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
        INDArray gradWeights = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, weights.shape(), 'c');
        INDArray gradBias = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, new long[]{bias.length()}, 'c');
        Nd4j.exec(op("conv2d_bp").addInputs(x, weights, bias.reshape(bias.length()), delta)
                .addOutputs(epsilonOut, gradWeights, gradBias).build());
        gradientViews.get(W).assign(gradWeights);
        gradientViews.get(B).assign(gradBias.reshape(gradientViews.get(B).shape()));
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(B, gradientViews.get(B));
        gradient.setGradientFor(W, gradientViews.get(W), 'c');
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(epsilonOut));
    }

    private INDArray preActivation(boolean training, LayerWorkspaceMgr workspaces, ArrayType type) {
        INDArray x = input.castTo(dataType);
        if (x.rank() != 4 || x.size(1) != layerConf().getNIn()) {
            throw new IllegalArgumentException("layer '" + layerConf().getLayerName() + "' expects [batch, "
                    + layerConf().getNIn() + ", height, width] input, got " + Arrays.toString(x.shape()));
        }
        INDArray weights = getParamWithNoise(W, training, workspaces);
        INDArray bias = getParamWithNoise(B, training, workspaces);
        long[] shape = {x.size(0), layerConf().getNOut(), outputSize(x.size(2), 0), outputSize(x.size(3), 1)};
        INDArray z = workspaces.createUninitialized(type, dataType, shape, 'c');
        Nd4j.exec(op("conv2d").addInputs(x, weights, bias.reshape(bias.length())).addOutputs(z).build());
        return z;
    }

    private long outputSize(long in, int axis) {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
        int stride = c.getStride()[axis];
        if (c.getConvolutionMode() == ConvolutionMode.Same) {
            return (in + stride - 1) / stride;
        }
        long span = (long) c.getDilation()[axis] * (c.getKernelSize()[axis] - 1) + 1;
        return (in + 2L * c.getPadding()[axis] - span) / stride + 1;
    }

    private DynamicCustomOp.DynamicCustomOpsBuilder op(String name) {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer c = layerConf();
        boolean same = c.getConvolutionMode() == ConvolutionMode.Same;
        return DynamicCustomOp.builder(name).addIntegerArguments(c.getKernelSize()[0], c.getKernelSize()[1],
                c.getStride()[0], c.getStride()[1], same ? 0 : c.getPadding()[0], same ? 0 : c.getPadding()[1],
                c.getDilation()[0], c.getDilation()[1], same ? 1 : 0, NCHW, WEIGHTS_OIHW);
    }
}
