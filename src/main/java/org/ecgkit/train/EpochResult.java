package org.ecgkit.train;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of the training history: the epoch (1-based) and its values by name, in column order (train_loss,
 * val_loss, val_..., lr, seconds, samples_per_s).
 */
public record EpochResult(int epoch, Map<String, Double> values) {

    public EpochResult {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A history table: {@code epoch}, then every value column in first-seen order; missing values are empty. */
    public static Table table(String title, List<EpochResult> epochs) {
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

    /** The value called {@code name}, or NaN if this epoch has none. */
    public double value(String name) {
        Double value = values.get(name);
        return value == null ? Double.NaN : value;
    }
}
