package org.ecgkit.train;

import org.ecgkit.data.Task;
import org.ecgkit.model.NativeMemory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates the model on validation data after each epoch and adds {@code val_loss} and {@code val_<metric>} for each
 * of the {@link ValidationMetrics} to the epoch's row. The loss is the training loss's formula without the L2 term:
 * DL4J's class-weighted cross-entropy, summed over classes and averaged over records.
 */
public final class Validation implements TrainingListener {

    // DL4J clips probabilities by these before the logarithm (LossMCXENT with softmax, LossBinaryXENT).
    private static final double SOFTMAX_CLIP = 1e-10;
    private static final double SIGMOID_CLIP = 1e-5;

    private final MultiDataSetIterator data;
    private final ValidationMetrics metrics;

    public Validation(MultiDataSetIterator data, ValidationMetrics metrics) {
        this.data = Objects.requireNonNull(data, "validation data");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void onEpochEnd(Trainer trainer, int epoch, Map<String, Double> values) {
        List<double[]> truth = new ArrayList<>();
        List<double[]> probabilities = new ArrayList<>();
        data.reset();
        while (data.hasNext() && !Thread.currentThread().isInterrupted()) {
            MultiDataSet batch = data.next();
            INDArray output = trainer.model().graph().output(false, batch.getFeatures())[0];
            NativeMemory.collectIfNeeded();
            addRows(truth, batch.getLabels(0));
            addRows(probabilities, output);
        }
        if (Thread.currentThread().isInterrupted()) {
            return; // the trainer stops before recording this epoch
        }
        double[][] y = truth.toArray(double[][]::new);
        double[][] p = probabilities.toArray(double[][]::new);
        Task task = trainer.config().inputs().task();
        values.put("val_loss", loss(task, y, p, trainer.config().classWeights()));
        metrics.compute(task, y, p, trainer.config().inputs().classNames())
                .forEach((name, value) -> values.put("val_" + name, value));
    }

    private static void addRows(List<double[]> rows, INDArray matrix) {
        rows.addAll(List.of(matrix.castTo(DataType.DOUBLE).toDoubleMatrix()));
    }

    /** Mean over records of the class-weighted cross-entropy, as DL4J's LossMCXENT / LossBinaryXENT compute it. */
    static double loss(Task task, double[][] truth, double[][] probabilities, List<Double> classWeights) {
        double total = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int c = 0; c < truth[i].length; c++) {
                double weight = classWeights.isEmpty() ? 1 : classWeights.get(c);
                double y = truth[i][c];
                if (task == Task.MULTICLASS) {
                    total -= weight * y * Math.log(clip(probabilities[i][c], SOFTMAX_CLIP));
                } else {
                    double p = clip(probabilities[i][c], SIGMOID_CLIP);
                    total -= weight * (y * Math.log(p) + (1 - y) * Math.log(1 - p));
                }
            }
        }
        return truth.length == 0 ? Double.NaN : total / truth.length;
    }

    private static double clip(double p, double epsilon) {
        return Math.min(Math.max(p, epsilon), 1 - epsilon);
    }
}
