package org.ecgkit.model.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit's MaxPooling1D against DL4J's Subsampling1DLayer (MAX, kernel = stride, Truncate). */
class MaxPooling1DTest {

    private static MultiLayerNetwork network(org.deeplearning4j.nn.conf.layers.Layer layer, int steps) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(layer).setInputType(InputType.recurrent(3, steps, RNNFormat.NCW)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static INDArray[] forwardBackward(MultiLayerNetwork net, INDArray x, INDArray epsilon) {
        LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
        Layer layer = net.getLayer(0);
        layer.setInput(x, workspaces);
        INDArray output = layer.activate(true, workspaces).dup();
        return new INDArray[]{output, layer.backpropGradient(epsilon, workspaces).getSecond()};
    }

    @ParameterizedTest(name = "window {0}, {1} steps")
    @CsvSource({"2, 12", "4, 12", "3, 13"})
    void matchesDl4jsMaxSubsampling(int size, int steps) {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, 2, 3, steps);
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, 2, 3, steps / size);
        INDArray[] want = forwardBackward(network(new Subsampling1DLayer.Builder().poolingType(PoolingType.MAX)
                .kernelSize(size).stride(size).convolutionMode(ConvolutionMode.Truncate).build(), steps), x, epsilon.dup());
        INDArray[] got = forwardBackward(network(new MaxPooling1D.Builder().size(size).build(), steps), x, epsilon.dup());
        assertArrayEquals(want[0].shape(), got[0].shape());
        assertEquals(want[0], got[0], "output");
        assertEquals(want[1], got[1], "input gradient");
    }

    @Test
    void aTieSendsTheGradientToTheFirstMaximumAsPyTorchDoes() {
        INDArray x = Nd4j.createFromArray(new float[]{0, 0, 1, 3, 3, 2}).reshape(1, 1, 6);
        INDArray[] got = forwardBackward(network(new MaxPooling1D.Builder().size(3).build(), 6), x,
                Nd4j.createFromArray(new float[]{5, 7}).reshape(1, 1, 2));
        assertEquals(Arrays.toString(new float[]{1, 3}), Arrays.toString(got[0].reshape(2).toFloatVector()));
        assertEquals(Arrays.toString(new float[]{0, 0, 5, 7, 0, 0}), Arrays.toString(got[1].reshape(6).toFloatVector()));
    }

    @Test
    void survivesAJsonRoundTripAndRefusesAnEmptyWindow() {
        MultiLayerConfiguration conf = network(new MaxPooling1D.Builder().size(2).build(), 8).getLayerWiseConfigurations();
        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, restored);
        assertTrue(restored.getConf(0).getLayer() instanceof MaxPooling1D, conf.toJson());
        assertEquals(2, ((MaxPooling1D) restored.getConf(0).getLayer()).getSize(), conf.toJson());
        assertThrows(IllegalArgumentException.class, () -> new MaxPooling1D.Builder().size(0).build());
    }
}
