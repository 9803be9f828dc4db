package org.ecgkit.model.layers;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of a {@link BidirectionalLstm}, laid out as DL4J's {@code Bidirectional(LSTM)} lays them out: per
 * direction (forward first) the input weights {@code W [nIn, 4 nOut]}, recurrent weights {@code RW [nOut, 4 nOut]} and
 * bias {@code b [4 nOut]}, each column block in DL4J's gate order (block input, forget, output, input gate), weights
 * stored in 'f' order and initialised with fan-in nOut and fan-out nIn + nOut as DL4J's LSTMParamInitializer does.
 */
final class BidirectionalLstmParams implements ParamInitializer {

    static final BidirectionalLstmParams INSTANCE = new BidirectionalLstmParams();
    static final String[] DIRECTIONS = {"f", "b"};
    static final String INPUT_WEIGHTS = "W";
    static final String RECURRENT_WEIGHTS = "RW";
    static final String BIAS = "b";

    private static final List<String> KEYS = List.of("fW", "fRW", "fb", "bW", "bRW", "bb");
    private static final List<String> WEIGHT_KEYS = List.of("fW", "fRW", "bW", "bRW");
    private static final List<String> BIAS_KEYS = List.of("fb", "bb");

    private BidirectionalLstmParams() {
    }

    private static BidirectionalLstm config(NeuralNetConfiguration conf) {
        return (BidirectionalLstm) conf.getLayer();
    }

    private static long perDirection(long nIn, long nOut) {
        return nIn * 4 * nOut + nOut * 4 * nOut + 4 * nOut;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        BidirectionalLstm lstm = (BidirectionalLstm) layer;
        return 2 * perDirection(lstm.getNIn(), lstm.getNOut());
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return WEIGHT_KEYS;
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return BIAS_KEYS;
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return WEIGHT_KEYS.contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS_KEYS.contains(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        BidirectionalLstm lstm = config(conf);
        for (String key : KEYS) {
            conf.addVariable(key);
        }
        Map<String, INDArray> slices = slices(lstm, paramsView);
        if (initializeParams) {
            // DL4J's Bidirectional initialises its parameters twice (in each LSTM's instantiate, then in its own
            // initializer); drawing twice too gives the same weights as a DL4J Bidirectional(LSTM) for one seed.
            for (int round = 0; round < 2; round++) {
                initialise(lstm, slices);
            }
        }
        return views(lstm, slices);
    }

    private static void initialise(BidirectionalLstm lstm, Map<String, INDArray> slices) {
        long nIn = lstm.getNIn();
        long nOut = lstm.getNOut();
        IWeightInit input = lstm.getWeightInitFn();
        IWeightInit recurrent = lstm.getWeightInitFnRecurrent() != null ? lstm.getWeightInitFnRecurrent() : input;
        for (String direction : DIRECTIONS) {
            // Flat slices, as DL4J's LSTMParamInitializer passes them: the random values land where they do there.
            input.init(nOut, nIn + nOut, new long[]{nIn, 4 * nOut}, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER,
                    slices.get(direction + INPUT_WEIGHTS));
            recurrent.init(nOut, nIn + nOut, new long[]{nOut, 4 * nOut}, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER,
                    slices.get(direction + RECURRENT_WEIGHTS));
            INDArray bias = slices.get(direction + BIAS);
            bias.assign(0);
            bias.get(NDArrayIndex.interval(nOut, 2 * nOut)).assign(lstm.getForgetGateBiasInit());
        }
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        BidirectionalLstm lstm = config(conf);
        return views(lstm, slices(lstm, gradientView));
    }

    /** The six parameter (or gradient) arrays: weights as 2D views ('f' order) of their slices, biases as vectors. */
    private static Map<String, INDArray> views(BidirectionalLstm lstm, Map<String, INDArray> slices) {
        long nIn = lstm.getNIn();
        long nOut = lstm.getNOut();
        Map<String, INDArray> views = new LinkedHashMap<>();
        for (String direction : DIRECTIONS) {
            views.put(direction + INPUT_WEIGHTS, slices.get(direction + INPUT_WEIGHTS).reshape('f', nIn, 4 * nOut));
            views.put(direction + RECURRENT_WEIGHTS, slices.get(direction + RECURRENT_WEIGHTS).reshape('f', nOut, 4 * nOut));
            views.put(direction + BIAS, slices.get(direction + BIAS));
        }
        return views;
    }

    /** The six parameter (or gradient) arrays as 1D slices of the layer's flat array, in key order. */
    private static Map<String, INDArray> slices(BidirectionalLstm lstm, INDArray flat) {
        long nIn = lstm.getNIn();
        long nOut = lstm.getNOut();
        long expected = 2 * perDirection(nIn, nOut);
        if (flat.length() != expected) {
            throw new IllegalStateException("layer '" + lstm.getLayerName() + "' expects " + expected
                    + " parameters, got a view of " + flat.length());
        }
        INDArray vector = flat.reshape(flat.length());
        Map<String, INDArray> views = new LinkedHashMap<>();
        long offset = 0;
        for (String direction : DIRECTIONS) {
            for (String key : List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS)) {
                long length = switch (key) {
                    case INPUT_WEIGHTS -> nIn * 4 * nOut;
                    case RECURRENT_WEIGHTS -> nOut * 4 * nOut;
                    default -> 4 * nOut;
                };
                views.put(direction + key, vector.get(NDArrayIndex.interval(offset, offset + length)));
                offset += length;
            }
        }
        return views;
    }
}
