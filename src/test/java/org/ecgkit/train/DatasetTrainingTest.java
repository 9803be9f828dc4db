package org.ecgkit.train;

import org.ecgkit.data.DatasetIterator;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Input;
import org.ecgkit.data.Manifest;
import org.ecgkit.data.MetadataInput;
import org.ecgkit.data.Task;
import org.ecgkit.model.EcgModel;
import org.ecgkit.model.HybridModel;
import org.ecgkit.model.ModelInputs;
import org.ecgkit.model.ModelSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training on the data layer's own iterator over a dataset written to disk. */
class DatasetTrainingTest {

    @TempDir
    static Path directory;
    private static EcgDataset dataset;
    private static MetadataInput metadata;

    /** 60 records of 2 leads x 32 samples: a sine whose frequency is the class, plus noise; age and sex. */
    @BeforeAll
    static void writeDataset() {
        Manifest manifest = Manifest.builder().name("sines").samplingRate(32).leads(List.of("I", "II"))
                .task(Task.MULTICLASS).classes(List.of("slow", "medium", "fast")).source("DatasetTrainingTest").build();
        Random random = new Random(11);
        try (var writer = EcgDataset.create(directory.resolve("sines"), manifest)) {
            for (int r = 0; r < 60; r++) {
                int label = r % 3;
                float[][] signal = new float[2][32];
                for (int lead = 0; lead < 2; lead++) {
                    for (int s = 0; s < 32; s++) {
                        signal[lead][s] = (float) (Math.sin(2 * Math.PI * (label + 1) * s / 32.0) + 0.3 * random.nextGaussian());
                    }
                }
                writer.add("r" + r, signal, label, Map.of("age", 30 + random.nextInt(50), "sex", r % 2 == 0 ? "F" : "M",
                        "split", r < 44 ? "train" : "val"));
            }
        }
        dataset = EcgDataset.open(directory.resolve("sines"));
        metadata = Input.metadata("age", "sex").standardizedOn(dataset, dataset.rows("train"));
    }

    private static DatasetIterator batches(String split) {
        DatasetIterator.Builder builder = dataset.batches().split(split).inputs(Input.waveform(), metadata).batchSize(11);
        return (split.equals("train") ? builder.shuffle(5) : builder).build();
    }

    private static TrainingConfig config(ModelInputs inputs) {
        ModelSpec spec = HybridModel.builder().spectrogram(false).fft(false).convolutions(new int[]{4}, new int[]{5})
                .lstm(0, 0).metadataUnits(2).head(6).spec();
        return TrainingConfig.builder(inputs, spec).epochs(3).batchSize(11).optimiser(Optimiser.adam(0.02)).seed(3).build();
    }

    @Test
    void inputsComeFromTheIteratorAndItsDataset() {
        try (DatasetIterator train = batches("train")) {
            ModelInputs inputs = ModelInputs.from(train);
            assertEquals(ModelInputs.builder().waveform(2, 32).metadata(2).classes(List.of("slow", "medium", "fast")).build(), inputs);
        }
        try (DatasetIterator reversed = dataset.batches().inputs(metadata, Input.waveform()).build()) {
            String message = assertThrows(IllegalArgumentException.class, () -> ModelInputs.from(reversed)).getMessage();
            assertEquals("the batches deliver [metadata, waveform] but a model takes its inputs in the order waveform, "
                    + "spectrogram, fft, metadata", message);
        }
    }

    @Test
    void classesOtherThanTheModelsAreRefusedBeforeTraining() {
        ModelInputs otherClasses = ModelInputs.builder().waveform(2, 32).metadata(2).classes(List.of("a", "b", "c")).build();
        try (DatasetIterator train = batches("train")) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> Trainer.fromConfig(config(otherClasses)).fit(train)).getMessage();
            assertEquals("training data: classes: model has 3 outputs [a, b, c] but the data has 3 classes "
                    + "[slow, medium, fast]", message);
        }
    }

    @Test
    void resumingOnTheDatasetIteratorGivesTheUninterruptedResult(@TempDir Path runs) throws IOException {
        Table expected;
        try (DatasetIterator train = batches("train"); DatasetIterator validation = batches("val")) {
            expected = TrainerTest.results(Trainer.fromConfig(config(ModelInputs.from(train))).fit(train, validation));
        }
        assertTrue(expected.doubleColumn("train_loss").get(2) < expected.doubleColumn("train_loss").get(0), expected.print());

        try (DatasetIterator train = batches("train"); DatasetIterator validation = batches("val")) {
            Trainer first = Trainer.fromConfig(config(ModelInputs.from(train))).checkpoints(runs).listener(new TrainingListener() {
                @Override
                public void onBatchEnd(Trainer trainer, BatchProgress batch) {
                    if (batch.epoch() == 2 && batch.batch() == 1) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            assertThrows(TrainingInterrupted.class, () -> first.fit(train, validation));
        }
        try (DatasetIterator train = batches("train"); DatasetIterator validation = batches("val")) {
            Table resumed = TrainerTest.results(Trainer.resume(runs).fit(train, validation));
            assertEquals(expected.print(), resumed.print());
        }
    }

    @Test
    void predictGivesTheGraphsOutputForEveryRowInTheIteratorsOrder() {
        try (DatasetIterator train = batches("train"); DatasetIterator validation = batches("val")) {
            EcgModel model = Trainer.fromConfig(config(ModelInputs.from(train))).model();
            validation.next();  // a pass started elsewhere: predict starts the epoch again
            float[][] predicted = model.predict(validation);
            int[] rows = dataset.rows("val");
            assertEquals(rows.length, predicted.length);
            float[][] expected = model.graph().output(false, validation.assemble(rows).getFeatures())[0].toFloatMatrix();
            for (int i = 0; i < rows.length; i++) {
                assertArrayEquals(expected[i], predicted[i], 1e-6f, "row " + rows[i]);
            }
            String message = assertThrows(IllegalArgumentException.class, () -> model.predict(train)).getMessage();
            assertEquals("predict needs batches in a fixed order; build the iterator of sines without shuffle(seed)", message);
        }
    }
}
