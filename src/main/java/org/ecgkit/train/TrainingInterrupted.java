package org.ecgkit.train;

import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Thrown by {@link Trainer#fit} after an interrupt (a notebook's stop button) once training has stopped cleanly: the
 * current batch finished, checkpoints written so far intact. Like {@link InterruptedException} it replaces the
 * thread's interrupt flag, which is cleared. The history of the completed epochs stays available.
 */
public final class TrainingInterrupted extends RuntimeException {

    private final transient Table history;
    private final transient Path bestCheckpoint;

    TrainingInterrupted(String message, Table history, Path bestCheckpoint) {
        super(message);
        this.history = history;
        this.bestCheckpoint = bestCheckpoint;
    }

    /** The epochs completed before the interrupt. */
    public Table history() {
        return history;
    }

    /** The best model saved so far, if a {@link BestCheckpoint} saved one. */
    public Optional<Path> bestCheckpoint() {
        return Optional.ofNullable(bestCheckpoint);
    }
}
