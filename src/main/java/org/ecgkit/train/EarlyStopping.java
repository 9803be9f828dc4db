package org.ecgkit.train;

import java.util.Objects;

/**
 * Stops training when the monitored metric has not improved for {@code patience} epochs, and says so:
 * "val_loss has not improved for 3 epochs (best 0.4123 at epoch 4)".
 */
public final class EarlyStopping implements TrainingListener {

    private final String metric;
    private final int patience;
    private final Goal goal;
    private double best;
    private int bestEpoch;

    public EarlyStopping(String metric, int patience, Goal goal) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1 epoch, got " + patience);
        }
        this.metric = Objects.requireNonNull(metric, "metric");
        this.patience = patience;
        this.goal = Objects.requireNonNull(goal, "goal");
    }

    /** Monitors {@code metric} with the goal its name implies ("loss": minimise). */
    public EarlyStopping(String metric, int patience) {
        this(metric, patience, Goal.of(metric));
    }

    @Override
    public void onTrainingStart(Trainer trainer) {
        // Rebuilt from the history so that a resumed run stops where the uninterrupted one would.
        best = Double.NaN;
        bestEpoch = 0;
        for (EpochResult epoch : trainer.epochs()) {
            observe(trainer, epoch);
        }
    }

    @Override
    public void onEpochRecorded(Trainer trainer, EpochResult epoch) {
        observe(trainer, epoch);
    }

    private void observe(Trainer trainer, EpochResult epoch) {
        double value = MonitoredMetric.require(metric, epoch);
        if (goal.improves(value, best)) {
            best = value;
            bestEpoch = epoch.epoch();
        } else if (epoch.epoch() - bestEpoch >= patience) {
            trainer.stop(String.format("%s has not improved for %d epochs (best %.4f at epoch %d)",
                    metric, epoch.epoch() - bestEpoch, best, bestEpoch));
        }
    }
}
