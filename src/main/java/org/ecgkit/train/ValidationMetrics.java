package org.ecgkit.train;

import org.ecgkit.data.Task;
import org.ecgkit.eval.Evaluation;

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
     * The {@link Evaluation#scalars()}: accuracy, macro precision/recall/F1, micro and weighted F1, macro AUROC and
     * average precision (multi-label at threshold 0.5). Undefined ones, such as the AUROC of a class absent from the
     * validation set, are NaN.
     */
    static ValidationMetrics evaluation() {
        return (task, truth, probabilities, classNames) -> {
            if (task == Task.MULTICLASS) {
                int[] classes = new int[truth.length];
                for (int i = 0; i < truth.length; i++) {
                    for (int c = 1; c < truth[i].length; c++) {
                        classes[i] = truth[i][c] > truth[i][classes[i]] ? c : classes[i];
                    }
                }
                return Evaluation.multiclass(classes, probabilities, classNames).scalars();
            }
            int[][] labels = new int[truth.length][];
            for (int i = 0; i < truth.length; i++) {
                labels[i] = java.util.Arrays.stream(truth[i]).mapToInt(y -> y >= 0.5 ? 1 : 0).toArray();
            }
            return Evaluation.multilabel(labels, probabilities, classNames).scalars();
        };
    }
}
