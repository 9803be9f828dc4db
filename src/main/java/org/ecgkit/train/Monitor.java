package org.ecgkit.train;

import java.util.List;
import java.util.Objects;

/** The best value of a monitored metric so far, for early stopping and the best checkpoint. */
final class Monitor {

    private final String metric;
    private final Goal goal;
    private double best = Double.NaN;
    private int bestEpoch;

    Monitor(String metric, Goal goal) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.goal = Objects.requireNonNull(goal, "goal");
    }

    /** Starts over from the epochs already done (those of a resumed run). */
    void restart(List<EpochResult> epochs) {
        best = Double.NaN;
        bestEpoch = 0;
        epochs.forEach(this::improvedBy);
    }

    /** Takes in the epoch's value of the metric; whether it is a new best. */
    boolean improvedBy(EpochResult epoch) {
        if (!epoch.values().containsKey(metric)) {
            throw new IllegalStateException("the monitored metric " + metric + " is not in epoch " + epoch.epoch()
                    + ", which has " + epoch.values().keySet()
                    + (metric.startsWith("val_") ? "; validation metrics need validation data in fit(train, validation)" : ""));
        }
        if (!goal.improves(epoch.value(metric), best)) {
            return false;
        }
        best = epoch.value(metric);
        bestEpoch = epoch.epoch();
        return true;
    }

    String metric() {
        return metric;
    }

    double best() {
        return best;
    }

    int bestEpoch() {
        return bestEpoch;
    }
}
