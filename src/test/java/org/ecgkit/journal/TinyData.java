package org.ecgkit.journal;

import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Input;
import org.ecgkit.data.Manifest;
import org.ecgkit.data.Task;
import org.ecgkit.model.HybridModel;
import org.ecgkit.train.Optimiser;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A dataset small enough to train on in a second: 90 records of 2 leads × 32 samples, a sine whose frequency is the
 * class plus noise, with age and sex; splits train 60, val 15, test 15.
 */
final class TinyData {

    private TinyData() {
    }

    static EcgDataset write(Path directory) {
        return write(directory, 1);
    }

    /**
     * The same with every {@code windowsPerRecord} consecutive rows being windows of one record: a {@code record_id}
     * column names it, and its windows share its label and split.
     */
    static EcgDataset write(Path directory, int windowsPerRecord) {
        Manifest manifest = Manifest.builder().name("sines").samplingRate(32).leads(List.of("I", "II"))
                .task(Task.MULTICLASS).classes(List.of("slow", "medium", "fast")).source("journal tests").build();
        Random random = new Random(11);
        try (var writer = EcgDataset.create(directory, manifest)) {
            for (int r = 0; r < 90; r++) {
                int label = r / windowsPerRecord % 3;
                float[][] signal = new float[2][32];
                for (int lead = 0; lead < 2; lead++) {
                    for (int s = 0; s < 32; s++) {
                        signal[lead][s] = (float) (Math.sin(2 * Math.PI * (label + 1) * s / 32.0) + 0.8 * random.nextGaussian());
                    }
                }
                String split = r < 60 ? "train" : r < 75 ? "val" : "test";
                Map<String, Object> metadata = new LinkedHashMap<>(Map.of("age", 30 + random.nextInt(50),
                        "sex", r % 2 == 0 ? "F" : "M", "split", split));
                if (windowsPerRecord > 1) {
                    metadata.put("record_id", "rec" + r / windowsPerRecord);
                }
                writer.add("r" + r, signal, label, metadata);
            }
        }
        return EcgDataset.open(directory);
    }

    /** A small waveform + metadata model, 3 epochs of batches of 16. */
    static Experiment.Builder experiment(String name, EcgDataset dataset) {
        return Experiment.named(name).on(dataset).inputs(Input.waveform(), Input.metadata("age", "sex"))
                .model(HybridModel.builder().spectrogram(false).fft(false).convolutions(new int[] {4}, new int[] {5})
                        .lstm(0, 0).metadataUnits(2).head(6))
                .training(t -> t.epochs(3).batchSize(16).optimiser(Optimiser.adam(0.02)).seed(3).monitor("val_macro_f1"));
    }
}
