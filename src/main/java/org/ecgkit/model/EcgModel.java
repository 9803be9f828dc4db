package org.ecgkit.model;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.ecgkit.data.DatasetIterator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A built model: the DL4J graph together with the architecture and the input sizes it was built for. Checks data
 * against those sizes before any training, and describes itself as a table.
 */
public final class EcgModel {

    private final ComputationGraph graph;
    private final ModelSpec spec;
    private final ModelInputs inputs;

    EcgModel(ComputationGraph graph, ModelSpec spec, ModelInputs inputs) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
    }

    /** Builds and initialises the graph of {@code spec} for data of sizes {@code inputs}. */
    public static EcgModel build(ModelSpec spec, ModelInputs inputs, NetworkSettings settings) {
        return new EcgModel(GraphFactory.build(spec, inputs, settings), spec, inputs);
    }

    /** Reads a model saved with {@link #save(Path)} (or a trainer checkpoint). */
    public static EcgModel load(Path file) throws IOException {
        return ModelFile.read(file, false);
    }

    /** Saves the model (without optimiser state) atomically. */
    public void save(Path file) throws IOException {
        ModelFile.write(this, file, false, Map.of());
    }

    public ComputationGraph graph() {
        return graph;
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The data sizes the model was built for. */
    public ModelInputs inputs() {
        return inputs;
    }

    /** The graph's inputs in the order the feature arrays of a batch must come: a subset of waveform, spectrogram, fft, metadata. */
    public List<String> inputNames() {
        return usedInputs().stream().map(Branch::inputName).toList();
    }

    /** The inputs the model reads, in graph order. */
    public List<Branch> usedInputs() {
        return GraphFactory.usedInputs(spec);
    }

    public long parameterCount() {
        return graph.numParams();
    }

    /** Class probabilities {@code [batch, classes]} for features given in {@link #inputNames()} order. */
    public INDArray predict(INDArray... features) {
        if (features.length != usedInputs().size()) {
            throw new IllegalArgumentException("model '" + spec.name() + "' takes " + inputNames() + " but got "
                    + features.length + " feature arrays");
        }
        return graph.outputSingle(features);
    }

    /**
     * Class probabilities {@code [row][class]} of every row {@code batches} delivers, in its order (for windows,
     * average them per record with {@code WindowPredictions.meanPerRecord}). Runs one pass from the start of the
     * iterator's current epoch; the iterator must not shuffle, so that row i is {@code batches.epochOrder()[i]}.
     */
    public float[][] predict(DatasetIterator batches) {
        if (batches.shuffled()) {
            throw new IllegalArgumentException("predict needs batches in a fixed order; build the iterator of "
                    + batches.dataset().name() + " without shuffle(seed)");
        }
        requireCompatible(ModelInputs.from(batches));
        batches.setEpoch(batches.epoch());
        float[][] probabilities = new float[batches.records()][];
        int row = 0;
        while (batches.hasNext()) {
            INDArray output = graph.output(false, batches.next().getFeatures())[0];
            NativeMemory.collectIfNeeded();
            for (float[] values : output.castTo(DataType.FLOAT).toFloatMatrix()) {
                probabilities[row++] = values;
            }
        }
        return probabilities;
    }

    /**
     * Fails unless {@code data} has every input this model reads, with the same sizes, and the same classes and task.
     * The message names both sides, e.g. {@code spectrogram input: model expects [*, 12, 33, 30] but the data has [*, 12, 65, 30]}.
     */
    public void requireCompatible(ModelInputs data) {
        for (Branch input : usedInputs()) {
            if (!data.has(input)) {
                throw new IllegalArgumentException(input.inputName() + " input: model '" + spec.name() + "' expects "
                        + format(inputs.shape(input)) + " but the data has no " + input.inputName());
            }
            if (!Arrays.equals(inputs.shape(input), data.shape(input))) {
                throw new IllegalArgumentException(input.inputName() + " input: model expects " + format(inputs.shape(input))
                        + " but the data has " + format(data.shape(input)));
            }
        }
        if (data.task() != inputs.task()) {
            throw new IllegalArgumentException("task: model is " + inputs.task().id() + " but the data is "
                    + data.task().id());
        }
        if (!data.classNames().equals(inputs.classNames())) {
            throw new IllegalArgumentException("classes: model has " + inputs.classes() + " outputs " + inputs.classNames()
                    + " but the data has " + data.classes() + " classes " + data.classNames());
        }
    }

    /**
     * Fails unless {@code batch} has one feature array per model input, in order, each of the expected shape, and
     * labels {@code [batch, classes]}.
     */
    public void requireBatch(MultiDataSet batch) {
        List<Branch> used = usedInputs();
        INDArray[] features = batch.getFeatures();
        if (features == null || features.length != used.size()) {
            throw new IllegalArgumentException("the batch has " + (features == null ? 0 : features.length)
                    + " feature arrays but model '" + spec.name() + "' takes " + used.size() + " inputs " + inputNames()
                    + ", in that order");
        }
        for (int i = 0; i < used.size(); i++) {
            requireShape(used.get(i).inputName() + " input", inputs.shape(used.get(i)), features[i].shape());
        }
        INDArray[] labels = batch.getLabels();
        if (labels == null || labels.length != 1) {
            throw new IllegalArgumentException("the batch has " + (labels == null ? 0 : labels.length)
                    + " label arrays but the model has one output");
        }
        requireShape("labels", inputs.labelShape(), labels[0].shape());
        long rows = labels[0].size(0);
        for (int i = 0; i < features.length; i++) {
            if (features[i].size(0) != rows) {
                throw new IllegalArgumentException(used.get(i).inputName() + " input has " + features[i].size(0)
                        + " rows but the labels have " + rows);
            }
        }
    }

    private static void requireShape(String what, long[] expected, long[] actual) {
        boolean matches = expected.length == actual.length;
        for (int d = 1; matches && d < expected.length; d++) {
            matches = expected[d] == actual[d];
        }
        if (!matches) {
            throw new IllegalArgumentException(what + ": model expects " + format(expected) + " but the batch has "
                    + format(actual));
        }
    }

    /** A shape with the batch dimension (-1) shown as {@code *}. */
    static String format(long[] shape) {
        return Arrays.stream(shape).mapToObj(d -> d < 0 ? "*" : Long.toString(d)).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * One row per graph vertex in execution order: layer, type, input shape, output shape, parameters; a last row
     * {@code total}. Parameter counts are DL4J's, which include BatchNorm running mean and variance.
     */
    public Table summary() {
        // Shapes from a forward pass of one zero example: DL4J's static shape inference loses the time length of
        // recurrent activations after a reshape or pooling.
        INDArray[] example = usedInputs().stream()
                .map(input -> Nd4j.zeros(graph.getConfiguration().getDataType(), oneExample(inputs.shape(input))))
                .toArray(INDArray[]::new);
        Map<String, INDArray> activations = graph.feedForward(example, false);
        Map<String, List<String>> vertexInputs = graph.getConfiguration().getVertexInputs();
        StringColumn layer = StringColumn.create("layer");
        StringColumn type = StringColumn.create("type");
        StringColumn inputShape = StringColumn.create("input");
        StringColumn outputShape = StringColumn.create("output");
        LongColumn parameters = LongColumn.create("parameters");
        GraphVertex[] vertices = graph.getVertices();
        for (int index : graph.topologicalSortOrder()) {
            GraphVertex vertex = vertices[index];
            String name = vertex.getVertexName();
            layer.append(name);
            type.append(typeOf(vertex));
            inputShape.append(vertexInputs.getOrDefault(name, List.of()).stream()
                    .map(source -> batchShape(activations.get(source))).collect(Collectors.joining(" + ")));
            outputShape.append(batchShape(activations.get(name)));
            parameters.append(vertex.hasLayer() ? vertex.getLayer().numParams() : 0);
        }
        layer.append("total");
        type.append("");
        inputShape.append("");
        outputShape.append("");
        parameters.append(graph.numParams());
        return Table.create(spec.name() + ": " + String.format("%,d", graph.numParams()) + " parameters",
                layer, type, inputShape, outputShape, parameters);
    }

    private static long[] oneExample(long[] batchShape) {
        long[] shape = batchShape.clone();
        shape[0] = 1;
        return shape;
    }

    private static String batchShape(INDArray activation) {
        long[] shape = activation.shape().clone();
        shape[0] = -1;
        return format(shape);
    }

    private String typeOf(GraphVertex vertex) {
        if (vertex.isInputVertex()) {
            return "Branch";
        }
        if (vertex.hasLayer()) {
            Layer layer = vertex.getLayer().conf().getLayer();
            if (layer instanceof Bidirectional bidirectional) {
                return "Bidirectional(" + bidirectional.getFwd().getClass().getSimpleName() + ")";
            }
            return layer.getClass().getSimpleName();
        }
        return graph.getConfiguration().getVertices().get(vertex.getVertexName()).getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "EcgModel " + spec.name() + ": inputs " + inputNames() + ", " + inputs.classes() + " "
                + inputs.task().id() + " outputs, " + String.format("%,d", parameterCount()) + " parameters";
    }
}
