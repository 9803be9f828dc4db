package org.ecgkit.train;

import java.util.Map;

/**
 * Callbacks of a training run, in the style of DJL's listeners. All methods run on the training thread; the default
 * implementations do nothing.
 */
public interface TrainingListener {

    /** Before the first epoch of {@link Trainer#fit}; on a resumed run, {@link Trainer#history()} holds the epochs done. */
    default void onTrainingStart(Trainer trainer) {
    }

    /** Before epoch {@code epoch} (1-based). */
    default void onEpochStart(Trainer trainer, int epoch) {
    }

    /** After each training batch. */
    default void onBatchEnd(Trainer trainer, BatchProgress batch) {
    }

    /** After the training batches of an epoch; may add values (e.g. validation metrics) to {@code values}. */
    default void onEpochEnd(Trainer trainer, int epoch, Map<String, Double> values) {
    }

    /** After the epoch's row is final and in the history: the place to checkpoint or stop. */
    default void onEpochRecorded(Trainer trainer, EpochResult epoch) {
    }

    /** Once, when {@link Trainer#fit} finishes, stops early or is interrupted. */
    default void onTrainingEnd(Trainer trainer, Outcome outcome) {
    }

    /**
     * Where an epoch stands after a batch.
     *
     * @param batches total batches per epoch, or -1 while unknown (the first epoch of a run)
     * @param loss    running mean of the training loss over the epoch so far
     */
    record BatchProgress(int epoch, int epochs, int batch, int batches, long samples, double seconds, double loss) {
        public double samplesPerSecond() {
            return seconds > 0 ? samples / seconds : Double.NaN;
        }
    }

    /** How a run ended. */
    enum Outcome { COMPLETED, STOPPED_EARLY, INTERRUPTED }
}
