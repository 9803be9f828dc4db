package org.ecgkit.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Saves the model to {@code <dir>/best.zip} whenever the monitored metric improves. The file is replaced atomically,
 * so a crash or an interrupt while saving leaves the previous best intact.
 */
public final class BestCheckpoint implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(BestCheckpoint.class);

    private final Path file;
    private final Monitor monitor;

    public BestCheckpoint(Path directory, String metric, Goal goal) {
        this.file = directory.resolve(Checkpoint.BEST);
        this.monitor = new Monitor(metric, goal);
    }

    /** Monitors {@code metric} with the goal its name implies. */
    public BestCheckpoint(Path directory, String metric) {
        this(directory, metric, Goal.of(metric));
    }

    @Override
    public void onTrainingStart(Trainer trainer) {
        monitor.restart(trainer.epochs());
    }

    @Override
    public void onEpochRecorded(Trainer trainer, EpochResult epoch) {
        if (!monitor.improvedBy(epoch)) {
            return;
        }
        try {
            Checkpoint.write(trainer, file, false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the best model to " + file, e);
        }
        LOG.debug("epoch {}: new best {} {} saved to {}", epoch.epoch(), monitor.metric(), monitor.best(), file);
    }
}
