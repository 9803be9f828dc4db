package org.ecgkit.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Saves the model to {@code <dir>/best.zip} whenever the monitored metric improves. The file is replaced atomically,
 * so a crash or an interrupt while saving leaves the previous best intact.
 */
public final class BestCheckpoint implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(BestCheckpoint.class);

    private final Path file;
    private final String metric;
    private final Goal goal;
    private double best = Double.NaN;

    public BestCheckpoint(Path directory, String metric, Goal goal) {
        this.file = directory.resolve(Checkpoint.BEST);
        this.metric = Objects.requireNonNull(metric, "metric");
        this.goal = Objects.requireNonNull(goal, "goal");
    }

    /** Monitors {@code metric} with the goal its name implies. */
    public BestCheckpoint(Path directory, String metric) {
        this(directory, metric, Goal.of(metric));
    }

    @Override
    public void onTrainingStart(Trainer trainer) {
        best = Double.NaN;
        for (EpochResult epoch : trainer.epochs()) {
            if (goal.improves(epoch.value(metric), best)) {
                best = epoch.value(metric);
            }
        }
    }

    @Override
    public void onEpochRecorded(Trainer trainer, EpochResult epoch) {
        double value = MonitoredMetric.require(metric, epoch);
        if (!goal.improves(value, best)) {
            return;
        }
        try {
            Checkpoint.write(trainer, file, false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the best model to " + file, e);
        }
        best = value;
        LOG.debug("epoch {}: new best {} {} saved to {}", epoch.epoch(), metric, value, file);
    }
}
