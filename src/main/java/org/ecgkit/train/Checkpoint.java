package org.ecgkit.train;

import org.ecgkit.model.EcgModel;
import org.ecgkit.model.ModelFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A saved training state: the model (a DL4J model zip, loadable by {@link EcgModel#load(Path)} or plain DL4J) plus
 * the training config, the epochs done and their history in the entry {@value #STATE_ENTRY}. Written atomically.
 *
 * @param model      the model; with optimiser state when read with {@code withUpdater}
 * @param config     the run's configuration
 * @param epoch      epochs completed when saved
 * @param history    rows of those epochs
 * @param stopReason why training stopped early, or null
 */
public record Checkpoint(EcgModel model, TrainingConfig config, int epoch, List<EpochResult> history, String stopReason) {

    public static final String STATE_ENTRY = "ecgkit/training.json";
    /** File name of the best model in a checkpoint directory. */
    public static final String BEST = "best.zip";
    /** File name of the state saved after every epoch, for resuming. */
    public static final String LAST = "last.zip";

    private record State(TrainingConfig config, int epoch, List<EpochResult> history, String stopReason) {
    }

    static void write(Trainer trainer, Path file, boolean withUpdater) throws IOException {
        List<EpochResult> epochs = trainer.epochs();
        int epoch = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch();
        State state = new State(trainer.config(), epoch, epochs, trainer.stopReason().orElse(null));
        ModelFile.write(trainer.model(), file, withUpdater, Map.of(STATE_ENTRY, ModelFile.JSON.toJson(state)));
    }

    /** Reads a checkpoint; {@code withUpdater} also restores the optimiser state, which resuming needs. */
    public static Checkpoint read(Path file, boolean withUpdater) throws IOException {
        State state = ModelFile.JSON.fromJson(ModelFile.readEntry(file, STATE_ENTRY), State.class);
        return new Checkpoint(ModelFile.read(file, withUpdater), state.config(), state.epoch(), state.history(),
                state.stopReason());
    }
}
