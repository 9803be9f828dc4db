package org.ecgkit.model.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.shape.OneHot;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

/** The computation of {@link MaxPooling1D}. */
final class MaxPooling1DLayer extends AbstractLayer<MaxPooling1D> {

    MaxPooling1DLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.SUBSAMPLING;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
        // no parameters
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        INDArray windows = windows();
        INDArray output = workspaces.create(ArrayType.ACTIVATIONS, dataType,
                new long[]{windows.size(0), windows.size(1), windows.size(2)}, 'c');
        output.assign(windows.max(3));
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        INDArray windows = windows();
        int size = layerConf().getSize();
        INDArray routes = Nd4j.exec(new OneHot(Nd4j.argMax(windows, 3), size, -1, 1.0, 0.0, dataType))[0];
        Nd4j.exec(new BroadcastMulOp(routes, epsilon.castTo(dataType), routes, 0, 1, 2));
        INDArray epsilonOut = workspaces.create(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        epsilonOut.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, windows.size(2) * size))
                .assign(routes.reshape('c', windows.size(0), windows.size(1), windows.size(2) * size));
        return new Pair<>(new DefaultGradient(), epsilonOut);
    }

    /** The input as [B, C, T/k, k] windows, the remainder dropped. */
    private INDArray windows() {
        if (input.rank() != 3) {
            throw new IllegalArgumentException("layer '" + layerConf().getLayerName() + "' expects [batch, channels, steps] "
                    + "input, got " + Arrays.toString(input.shape()));
        }
        int size = layerConf().getSize();
        long steps = input.size(2) / size;
        INDArray used = input.castTo(dataType).get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, steps * size));
        return used.dup('c').reshape('c', input.size(0), input.size(1), steps, size);
    }
}
