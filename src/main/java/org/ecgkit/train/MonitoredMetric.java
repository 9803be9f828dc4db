package org.ecgkit.train;

/** Looks up the metric a listener watches, failing with the names available when it is missing. */
final class MonitoredMetric {

    private MonitoredMetric() {
    }

    static double require(String metric, EpochResult epoch) {
        if (!epoch.values().containsKey(metric)) {
            throw new IllegalStateException("the monitored metric " + metric + " is not in epoch " + epoch.epoch()
                    + ", which has " + epoch.values().keySet()
                    + (metric.startsWith("val_") ? "; validation metrics need validation data in fit(train, validation)" : ""));
        }
        return epoch.value(metric);
    }
}
