package org.ecgkit.model.layers;

import com.google.gson.JsonObject;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.ecgkit.testing.JsonFixture;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BidirectionalLstmTest {

    private static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();
    private static final List<String> KEYS = List.of("fW", "fRW", "fb", "bW", "bRW", "bb");

    private static MultiLayerNetwork network(org.deeplearning4j.nn.conf.layers.Layer layer, int inputs, int steps, DataType type) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7).dataType(type)
                .weightInit(WeightInit.XAVIER).list().layer(layer)
                .setInputType(InputType.recurrent(inputs, steps, RNNFormat.NCW)).build());
        net.init();
        net.initGradientsView();
        return net;
    }

    private static INDArray array(JsonObject fixture, String name) {
        JsonObject entry = fixture.getAsJsonObject(name);
        long[] shape = new com.google.gson.Gson().fromJson(entry.get("shape"), long[].class);
        double[] data = new com.google.gson.Gson().fromJson(entry.get("data"), double[].class);
        return Nd4j.create(data, shape, DataType.DOUBLE);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        assertEquals(Arrays.toString(expected.shape()), Arrays.toString(actual.shape()), what + " shape");
        double difference = expected.sub(actual.reshape(expected.shape())).amaxNumber().doubleValue();
        assertTrue(difference < tolerance, what + " differs by " + difference);
    }

    @Test
    void matchesPyTorchOutputsAndGradients() {
        JsonObject fixture = JsonFixture.read("/fixtures/layers/bidirectional_lstm.json");
        INDArray input = array(fixture, "input");
        Layer layer = network(new BidirectionalLstm.Builder().nOut(4).build(), 3, 5, DataType.DOUBLE).getLayer(0);
        for (String key : KEYS) {
            layer.setParam(key, array(fixture, key).reshape(layer.getParam(key).shape()));
        }
        INDArray output = layer.activate(input, true, NO_WORKSPACES);
        assertClose(array(fixture, "output"), output, 1e-7, "output");

        Pair<Gradient, INDArray> gradients = layer.backpropGradient(array(fixture, "upstream"), NO_WORKSPACES);
        assertClose(array(fixture, "grad_input"), gradients.getSecond(), 1e-7, "input gradient");
        for (String key : KEYS) {
            assertClose(array(fixture, "grad_" + key), gradients.getFirst().getGradientFor(key), 1e-7, key + " gradient");
        }
    }

    @Test
    void sameParametersOutputsAndGradientsAsDl4jsBidirectionalLstm() {
        int inputs = 6;
        int steps = 9;
        Layer ours = network(new BidirectionalLstm.Builder().nOut(5).build(), inputs, steps, DataType.DOUBLE).getLayer(0);
        Layer dl4j = network(new Bidirectional(Bidirectional.Mode.CONCAT, new LSTM.Builder().nOut(5)
                .activation(Activation.TANH).build()), inputs, steps, DataType.DOUBLE).getLayer(0);
        assertEquals(dl4j.params(), ours.params(), "same initial parameters for the same seed");

        INDArray input = Nd4j.randn(DataType.DOUBLE, 3, inputs, steps);
        INDArray upstream = Nd4j.randn(DataType.DOUBLE, 3, 10, steps);
        assertClose(dl4j.activate(input, true, NO_WORKSPACES), ours.activate(input, true, NO_WORKSPACES), 1e-12, "output");
        Pair<Gradient, INDArray> expected = dl4j.backpropGradient(upstream, NO_WORKSPACES);
        Pair<Gradient, INDArray> actual = ours.backpropGradient(upstream, NO_WORKSPACES);
        assertClose(expected.getSecond(), actual.getSecond(), 1e-12, "input gradient");
        for (String key : KEYS) {
            assertClose(expected.getFirst().getGradientFor(key), actual.getFirst().getGradientFor(key), 1e-12, key);
        }
    }

    @Test
    void backpropAfterAnInferencePassOrAnotherBatchShapeRecomputesTheForwardPass() {
        Layer layer = network(new BidirectionalLstm.Builder().nOut(3).build(), 2, 4, DataType.DOUBLE).getLayer(0);
        INDArray input = Nd4j.randn(DataType.DOUBLE, 2, 2, 4);
        INDArray upstream = Nd4j.randn(DataType.DOUBLE, 2, 6, 4);
        layer.activate(input, true, NO_WORKSPACES);
        INDArray expected = layer.backpropGradient(upstream, NO_WORKSPACES).getSecond().dup();

        layer.activate(Nd4j.randn(DataType.DOUBLE, 5, 2, 7), false, NO_WORKSPACES);
        layer.setInput(input, NO_WORKSPACES);
        assertClose(expected, layer.backpropGradient(upstream, NO_WORKSPACES).getSecond(), 1e-15, "input gradient");
    }

    @Test
    void masksAreRejected() {
        Layer layer = network(new BidirectionalLstm.Builder().nOut(3).build(), 2, 4, DataType.FLOAT).getLayer(0);
        layer.setMaskArray(Nd4j.ones(DataType.FLOAT, 2, 4));
        assertThrows(UnsupportedOperationException.class,
                () -> layer.activate(Nd4j.randn(DataType.FLOAT, 2, 2, 4), false, NO_WORKSPACES));
    }

    @Test
    void itsSettingsSurviveAJsonRoundTrip() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new BidirectionalLstm.Builder().nIn(3).nOut(2).forgetGateBiasInit(5.0).build()).build();
        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(5.0, ((BidirectionalLstm) restored.getConf(0).getLayer()).getForgetGateBiasInit(), conf.toJson());
    }
}
