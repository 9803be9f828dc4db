package org.ecgkit.train;

import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/** The epochs completed so far. */
final class TrainingHistory {

    private final List<EpochResult> epochs = new ArrayList<>();

    TrainingHistory(List<EpochResult> epochs) {
        this.epochs.addAll(epochs);
    }

    void add(EpochResult epoch) {
        epochs.add(epoch);
    }

    List<EpochResult> epochs() {
        return List.copyOf(epochs);
    }

    /** Number of the last completed epoch, 0 before the first. */
    int lastEpoch() {
        return epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch();
    }

    /** One row per epoch: {@code epoch}, then every value column in first-seen order; missing values are empty. */
    Table table(String title) {
        return EpochResult.table(title, epochs);
    }
}
