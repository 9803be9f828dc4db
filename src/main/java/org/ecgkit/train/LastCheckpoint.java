package org.ecgkit.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Saves everything needed to resume to {@code <dir>/last.zip} after every epoch: model, optimiser state, config and
 * history. Replaced atomically. {@link Trainer#resume(Path)} continues from it.
 */
public final class LastCheckpoint implements TrainingListener {

    private final Path file;

    public LastCheckpoint(Path directory) {
        this.file = directory.resolve(Checkpoint.LAST);
    }

    @Override
    public void onEpochRecorded(Trainer trainer, EpochResult epoch) {
        try {
            Checkpoint.write(trainer, file, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the training state to " + file, e);
        }
    }
}
