package org.ecgkit.model.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit's Convolution2D against DL4J's ConvolutionLayer (im2col + matrix product) with the same parameters. */
class Convolution2DTest {

    private static ConvolutionLayer.Builder builder(int kernel, int stride, int padding, ConvolutionMode mode) {
        return new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).padding(padding, padding).nOut(5)
                .convolutionMode(mode).activation(Activation.RELU);
    }

    private static MultiLayerNetwork network(org.deeplearning4j.nn.conf.layers.Layer layer) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).dataType(DataType.FLOAT).list()
                .layer(layer).setInputType(InputType.convolutional(9, 8, 4)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.initGradientsView();
        return net;
    }

    private static Pair<Gradient, INDArray> backward(MultiLayerNetwork net, INDArray x, INDArray epsilon) {
        LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
        Layer layer = net.getLayer(0);
        layer.setInput(x, workspaces);
        layer.activate(true, workspaces);
        return layer.backpropGradient(epsilon, workspaces);
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()), what);
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(difference < 1e-4 * Math.max(1, expected.amaxNumber().doubleValue()), what + " differs by " + difference);
    }

    @ParameterizedTest(name = "kernel {0}, stride {1}, padding {2}, {3}")
    @CsvSource({"3, 1, 0, Same", "3, 2, 0, Same", "3, 2, 1, Truncate", "2, 1, 0, Truncate"})
    void matchesDl4jsConvolutionLayerForwardAndBackward(int kernel, int stride, int padding, ConvolutionMode mode) {
        MultiLayerNetwork dl4j = network(builder(kernel, stride, padding, mode).build());
        MultiLayerNetwork kit = network(new Convolution2D(builder(kernel, stride, padding, mode)));
        assertEquals(dl4j.params().length(), kit.params().length());
        kit.setParams(dl4j.params().dup());
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.randn(DataType.FLOAT, 3, 4, 9, 8);

        INDArray expected = dl4j.output(x);
        assertClose(expected, kit.output(x), "output");

        INDArray epsilon = Nd4j.randn(DataType.FLOAT, expected.shape());
        Pair<Gradient, INDArray> want = backward(dl4j, x, epsilon.dup());
        Pair<Gradient, INDArray> got = backward(kit, x, epsilon.dup());
        assertClose(want.getSecond(), got.getSecond(), "input gradient");
        for (String key : new String[]{"W", "b"}) {
            assertClose(want.getFirst().getGradientFor(key), got.getFirst().getGradientFor(key), key + " gradient");
        }
    }

    @Test
    void survivesAJsonRoundTrip() {
        MultiLayerConfiguration conf = network(new Convolution2D(builder(3, 1, 0, ConvolutionMode.Same))).getLayerWiseConfigurations();
        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, restored);
        assertTrue(restored.getConf(0).getLayer() instanceof Convolution2D);
    }

    @Test
    void refusesWhatItDoesNotCompute() {
        assertThrows(IllegalArgumentException.class,
                () -> new Convolution2D(builder(3, 1, 0, ConvolutionMode.Strict).hasBias(false)));
    }
}
