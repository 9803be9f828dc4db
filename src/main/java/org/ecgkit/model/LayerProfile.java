package org.ecgkit.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Arrays;
import java.util.List;

/**
 * Where a training step's time goes: the median milliseconds of each vertex's forward pass (training and inference
 * mode) and backward pass over some steps on one batch, plus the rest of a full {@code fit} step (loss, updater,
 * bookkeeping). DL4J has no per-layer hooks, so this walks the graph itself, vertex by vertex in topological order as
 * {@code ComputationGraph} does, outside workspaces; parameters are not updated during the walk.
 *
 * <pre>{@code
 * Table profile = LayerProfile.measure(model, batch, 3, 10);   // layer, type, forward_ms, backward_ms, ...
 * }</pre>
 */
public final class LayerProfile {

    private LayerProfile() {
    }

    /**
     * @param warmup     steps run first and not counted
     * @param iterations timed steps; each column is a median over them
     * @return one row per vertex in execution order (input vertices left out), then {@code optimiser + other}
     *         (median {@code fit} time minus the forward and backward sums) and {@code total}
     */
    public static Table measure(EcgModel model, MultiDataSet batch, int warmup, int iterations) {
        if (iterations < 1 || warmup < 0) {
            throw new IllegalArgumentException("need iterations >= 1 and warmup >= 0, got " + iterations + " and " + warmup);
        }
        model.requireBatch(batch);
        ComputationGraph graph = model.graph();
        GraphVertex[] vertices = graph.getVertices();
        int[] order = graph.topologicalSortOrder();
        double[][] forward = new double[vertices.length][iterations];
        double[][] backward = new double[vertices.length][iterations];
        double[][] inference = new double[vertices.length][iterations];
        double[] fit = new double[iterations];
        if (graph.getFlattenedGradients() == null) {
            graph.initGradientsView();
        }
        for (int i = -warmup; i < iterations; i++) {
            int slot = Math.max(i, 0);
            walk(graph, batch, false, inference, slot);
            walk(graph, batch, true, forward, slot);
            backward(graph, batch, backward, slot);
            graph.clearLayersStates();
            long start = System.nanoTime();
            graph.fit(batch);
            fit[slot] = (System.nanoTime() - start) / 1e6;
        }
        return table(vertices, order, forward, backward, inference, median(fit));
    }

    /** Forward pass vertex by vertex, each activation handed to the vertices that read it. */
    private static void walk(ComputationGraph graph, MultiDataSet batch, boolean training, double[][] times, int slot) {
        LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
        GraphVertex[] vertices = graph.getVertices();
        List<String> inputNames = graph.getConfiguration().getNetworkInputs();
        // Preprocessors ask the graph for the batch size, which it reads from its inputs.
        graph.setInputs(batch.getFeatures());
        for (int index : graph.topologicalSortOrder()) {
            GraphVertex vertex = vertices[index];
            INDArray activation;
            if (vertex.isInputVertex()) {
                activation = batch.getFeatures(inputNames.indexOf(vertex.getVertexName()));
            } else {
                long start = System.nanoTime();
                activation = vertex.doForward(training, workspaces);
                times[index][slot] = (System.nanoTime() - start) / 1e6;
            }
            VertexIndices[] consumers = vertex.getOutputVertices();
            if (consumers != null) {
                for (VertexIndices consumer : consumers) {
                    vertices[consumer.getVertexIndex()].setInput(consumer.getVertexEdgeNumber(), activation, workspaces);
                }
            }
        }
    }

    /** Backward pass in reverse order after a training forward pass; epsilons of a vertex read twice are summed. */
    private static void backward(ComputationGraph graph, MultiDataSet batch, double[][] times, int slot) {
        LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
        GraphVertex[] vertices = graph.getVertices();
        int[] order = graph.topologicalSortOrder();
        INDArray[] epsilons = new INDArray[vertices.length];
        List<String> outputs = graph.getConfiguration().getNetworkOutputs();
        for (int i = order.length - 1; i >= 0; i--) {
            GraphVertex vertex = vertices[order[i]];
            if (vertex.isInputVertex()) {
                continue;
            }
            if (vertex.isOutputVertex()) {
                Layer layer = vertex.getLayer();
                ((IOutputLayer) layer).setLabels(batch.getLabels(outputs.indexOf(vertex.getVertexName())));
            } else {
                vertex.setEpsilon(epsilons[vertex.getVertexIndex()]);
            }
            long start = System.nanoTime();
            Pair<Gradient, INDArray[]> result = vertex.doBackward(false, workspaces);
            times[vertex.getVertexIndex()][slot] = (System.nanoTime() - start) / 1e6;
            VertexIndices[] producers = vertex.getInputVertices();
            for (int edge = 0; edge < producers.length; edge++) {
                int producer = producers[edge].getVertexIndex();
                INDArray epsilon = result.getSecond()[edge];
                epsilons[producer] = epsilons[producer] == null ? epsilon : epsilons[producer].add(epsilon);
            }
        }
    }

    private static Table table(GraphVertex[] vertices, int[] order, double[][] forward, double[][] backward,
                               double[][] inference, double fitMs) {
        StringColumn layer = StringColumn.create("layer");
        StringColumn type = StringColumn.create("type");
        DoubleColumn forwardMs = DoubleColumn.create("forward_ms");
        DoubleColumn backwardMs = DoubleColumn.create("backward_ms");
        DoubleColumn trainMs = DoubleColumn.create("train_ms");
        DoubleColumn inferenceMs = DoubleColumn.create("inference_ms");
        double forwardSum = 0;
        double backwardSum = 0;
        double inferenceSum = 0;
        for (int index : order) {
            GraphVertex vertex = vertices[index];
            if (vertex.isInputVertex()) {
                continue;
            }
            double f = median(forward[index]);
            double b = median(backward[index]);
            double inf = median(inference[index]);
            layer.append(vertex.getVertexName());
            type.append(vertex.hasLayer() ? vertex.getLayer().getClass().getSimpleName() : vertex.getClass().getSimpleName());
            forwardMs.append(f);
            backwardMs.append(b);
            trainMs.append(f + b);
            inferenceMs.append(inf);
            forwardSum += f;
            backwardSum += b;
            inferenceSum += inf;
        }
        layer.append("optimiser + other");
        type.append("fit step minus forward and backward");
        forwardMs.appendMissing();
        backwardMs.appendMissing();
        trainMs.append(fitMs - forwardSum - backwardSum);
        inferenceMs.appendMissing();
        layer.append("total");
        type.append("");
        forwardMs.append(forwardSum);
        backwardMs.append(backwardSum);
        trainMs.append(fitMs);
        inferenceMs.append(inferenceSum);
        DoubleColumn share = trainMs.divide(fitMs).multiply(100).setName("train_share_%");
        Table table = Table.create("layer profile (median ms per batch)", layer, type, forwardMs, backwardMs, trainMs,
                share, inferenceMs);
        for (String column : List.of("forward_ms", "backward_ms", "train_ms", "train_share_%", "inference_ms")) {
            table.doubleColumn(column).setPrintFormatter(new java.text.DecimalFormat("0.0"), "");
        }
        return table;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
