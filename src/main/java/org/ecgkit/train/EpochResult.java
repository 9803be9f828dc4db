package org.ecgkit.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the training history: the epoch (1-based) and its values by name, in column order (train_loss,
 * val_loss, val_..., lr, seconds, samples_per_s).
 */
public record EpochResult(int epoch, Map<String, Double> values) {

    public EpochResult {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value called {@code name}, or NaN if this epoch has none. */
    public double value(String name) {
        Double value = values.get(name);
        return value == null ? Double.NaN : value;
    }
}
