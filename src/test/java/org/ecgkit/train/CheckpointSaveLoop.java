package org.ecgkit.train;

import org.ecgkit.model.EcgModel;
import org.ecgkit.model.HybridModel;
import org.ecgkit.model.ModelInputs;

import java.nio.file.Path;

/**
 * Saves a model to the file named by its argument again and again, each time with every weight set to the number of the
 * save, and
 * prints "saved N" after each save: a process for {@link CheckpointAtomicityTest} to kill in the middle of a save.
 */
public final class CheckpointSaveLoop {

    public static void main(String[] args) throws Exception {
        ModelInputs inputs = ModelInputs.builder().fft(400).metadata(3).classes(3).build();
        EcgModel model = HybridModel.builder().waveform(false).spectrogram(false).fftUnits(400).build(inputs);
        Path file = Path.of(args[0]);
        for (int saves = 1; ; saves++) {
            model.graph().params().assign(saves);
            model.save(file);
            System.out.println("saved " + saves);
            System.out.flush();
        }
    }
}
