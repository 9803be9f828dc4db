package org.ecgkit.train;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
        Set<String> names = new LinkedHashSet<>();
        epochs.forEach(epoch -> names.addAll(epoch.values().keySet()));
        Table table = Table.create(title, IntColumn.create("epoch", epochs.stream().mapToInt(EpochResult::epoch).toArray()));
        for (String name : names) {
            DoubleColumn column = DoubleColumn.create(name);
            epochs.forEach(epoch -> column.append(epoch.value(name)));
            table.addColumns(column);
        }
        return table;
    }
}
