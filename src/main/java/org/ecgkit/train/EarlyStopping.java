package org.ecgkit.train;

/**
 * Stops training when the monitored metric has not improved for {@code patience} epochs, and says so:
 * "val_loss has not improved for 3 epochs (best 0.4123 at epoch 4)".
 */
public final class EarlyStopping implements TrainingListener {

    private final Monitor monitor;
    private final int patience;

    public EarlyStopping(String metric, int patience, Goal goal) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1 epoch, got " + patience);
        }
        this.monitor = new Monitor(metric, goal);
        this.patience = patience;
    }

    /** Monitors {@code metric} with the goal its name implies ("loss": minimise). */
    public EarlyStopping(String metric, int patience) {
        this(metric, patience, Goal.of(metric));
    }

    @Override
    public void onTrainingStart(Trainer trainer) {
        // Rebuilt from the history so that a resumed run stops where the uninterrupted one would.
        monitor.restart(trainer.epochs());
        trainer.epochs().stream().reduce((first, last) -> last).ifPresent(last -> stopIfStale(trainer, last));
    }

    @Override
    public void onEpochRecorded(Trainer trainer, EpochResult epoch) {
        if (!monitor.improvedBy(epoch)) {
            stopIfStale(trainer, epoch);
        }
    }

    private void stopIfStale(Trainer trainer, EpochResult epoch) {
        int stale = epoch.epoch() - monitor.bestEpoch();
        if (stale >= patience) {
            trainer.stop(String.format("%s has not improved for %d epochs (best %.4f at epoch %d)",
                    monitor.metric(), stale, monitor.best(), monitor.bestEpoch()));
        }
    }
}
