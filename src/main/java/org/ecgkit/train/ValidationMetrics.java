package org.ecgkit.train;

import org.ecgkit.model.Task;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * Task metrics of a validation pass, by name (the trainer prefixes them with {@code val_}). The whole validation set
 * is passed at once, so ranking metrics such as AUROC can be computed.
 */
@FunctionalInterface
public interface ValidationMetrics {

    /**
     * @param truth         labels {@code [records][classes]}: one-hot (multi-class) or multi-hot (multi-label)
     * @param probabilities model outputs of the same shape
     */
    LinkedHashMap<String, Double> compute(Task task, double[][] truth, double[][] probabilities, List<String> classNames);

    /**
     * {@code accuracy}: multi-class, the fraction of records whose most probable class is the true one; multi-label,
     * the fraction of (record, class) decisions right at threshold 0.5.
     */
    static ValidationMetrics accuracy() {
        return (task, truth, probabilities, classNames) -> {
            long right = 0;
            long decisions = 0;
            for (int i = 0; i < truth.length; i++) {
                if (task == Task.MULTICLASS) {
                    right += argmax(truth[i]) == argmax(probabilities[i]) ? 1 : 0;
                    decisions++;
                } else {
                    for (int c = 0; c < truth[i].length; c++) {
                        right += (truth[i][c] >= 0.5) == (probabilities[i][c] >= 0.5) ? 1 : 0;
                        decisions++;
                    }
                }
            }
            LinkedHashMap<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("accuracy", decisions == 0 ? Double.NaN : (double) right / decisions);
            return metrics;
        };
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
