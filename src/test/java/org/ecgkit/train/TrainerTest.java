package org.ecgkit.train;

import org.ecgkit.model.EcgModel;
import org.ecgkit.model.HybridModel;
import org.ecgkit.model.Branch;
import org.ecgkit.model.ModelInputs;
import org.ecgkit.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    static final ModelInputs INPUTS = ModelInputs.builder().waveform(2, 16).spectrogram(2, 8, 6).fft(5).metadata(3)
            .classes(List.of("A", "B", "C")).build();
    /** Columns that depend on the data and the seed only, not on timing. */
    static final List<String> RESULT_COLUMNS = List.of("epoch", "train_loss", "val_loss", "val_accuracy", "lr");

    /** Every kind of layer: convolutions, BatchNorm, BiLSTM, dense, dropout. */
    static ModelSpec tinySpec() {
        return HybridModel.builder().convolutions(new int[]{4}, new int[]{3}).lstm(3, 1)
                .spectrogramConvolutions(new int[]{3}, 3).fftUnits(4).metadataUnits(2).head(8).dropout(0.2).spec();
    }

    /** Dense branches only: fast, for tests of the training loop's mechanics (DL4J's LSTM costs ~50 ms a batch). */
    static ModelSpec denseSpec() {
        return HybridModel.builder().waveform(false).spectrogram(false).fftUnits(4).metadataUnits(2).head(8).dropout(0.2).spec();
    }

    /** The full tiny model. */
    static TrainingConfig.Builder config(int epochs) {
        return TrainingConfig.builder(INPUTS, tinySpec()).epochs(epochs).batchSize(16).optimiser(Optimiser.adam(0.01)).seed(7);
    }

    static TrainingConfig.Builder denseConfig(int epochs) {
        return config(epochs).model(denseSpec());
    }

    static SyntheticBatches train() {
        return train(tinySpec());
    }

    static SyntheticBatches validation() {
        return validation(tinySpec());
    }

    /** 64 shuffled training records with the inputs {@code spec} reads. */
    static SyntheticBatches train(ModelSpec spec) {
        return SyntheticBatches.of(INPUTS, used(spec), 64, 16, 1, true);
    }

    static SyntheticBatches validation(ModelSpec spec) {
        return SyntheticBatches.of(INPUTS, used(spec), 32, 16, 2, false);
    }

    static List<Branch> used(ModelSpec spec) {
        return Arrays.stream(Branch.values()).filter(spec::uses).toList();
    }

    static Table results(Table history) {
        return history.selectColumns(RESULT_COLUMNS.toArray(String[]::new));
    }

    @Test
    void aTinyRunLowersTheLossAndLearnsTheClasses() {
        ModelSpec noLstm = HybridModel.Builder.from(tinySpec()).lstm(0, 0).spec();
        Table history = Trainer.fromConfig(config(6).model(noLstm).build()).fit(train(), validation());

        assertEquals(6, history.rowCount());
        assertEquals(List.of("epoch", "train_loss", "val_loss", "val_accuracy", "val_macro_precision", "val_macro_recall",
                "val_macro_f1", "val_micro_f1", "val_weighted_f1", "val_macro_auroc", "val_macro_average_precision", "lr",
                "seconds", "samples_per_s"), history.columnNames());
        double first = history.doubleColumn("train_loss").get(0);
        double last = history.doubleColumn("train_loss").get(5);
        assertTrue(last < 0.5 * first, "train loss " + first + " -> " + last);
        assertTrue(history.doubleColumn("val_loss").get(5) < history.doubleColumn("val_loss").get(0));
        assertTrue(history.doubleColumn("val_accuracy").get(5) > 0.8, history.print());
    }

    @Test
    void aScheduleSetsEachEpochsRateAlsoInAModelWithBatchNorm() {
        // ComputationGraph.setLearningRate failed here at epoch 2: BatchNorm statistics have no updater state
        Trainer trainer = Trainer.fromConfig(config(3).schedule(LearningRateSchedule.step(1, 0.5)).build());
        Table history = trainer.fit(train(), validation());
        assertEquals(List.of(0.01, 0.005, 0.0025), history.doubleColumn("lr").asList());
        var updater = ((org.deeplearning4j.nn.conf.layers.BaseLayer) trainer.model().graph().getLayer("wave_conv1").conf()
                .getLayer()).getIUpdater();
        for (int epoch = 0; epoch < 3; epoch++) {
            assertEquals(history.doubleColumn("lr").get(epoch), updater.getLearningRate(0, epoch), 1e-15, "epoch " + (epoch + 1));
        }
    }

    @Test
    void twoRunsWithOneSeedGiveTheSameHistoryAndWeights() {
        Trainer first = Trainer.fromConfig(config(2).build());
        Trainer second = Trainer.fromConfig(config(2).build());
        Table a = results(first.fit(train(), validation()));
        Table b = results(second.fit(train(), validation()));

        assertEquals(a.print(), b.print());
        assertEquals(first.model().graph().params(), second.model().graph().params());
        Table otherSeed = results(Trainer.fromConfig(config(1).seed(8).build()).fit(train(), validation()));
        assertNotEquals(a.doubleColumn("train_loss").get(0), otherSeed.doubleColumn("train_loss").get(0));
    }

    @Test
    void resumingAfterAnInterruptGivesTheUninterruptedResult(@TempDir Path runs) throws IOException {
        Trainer uninterrupted = Trainer.fromConfig(config(3).build()).checkpoints(runs.resolve("a"));
        Table expected = results(uninterrupted.fit(train(), validation()));

        Trainer interruptedRun = Trainer.fromConfig(config(3).build()).checkpoints(runs.resolve("b"))
                .listener(new TrainingListener() {
                    @Override
                    public void onBatchEnd(Trainer trainer, BatchProgress batch) {
                        if (batch.epoch() == 2 && batch.batch() == 2) {
                            Thread.currentThread().interrupt(); // what the notebook kernel does on "stop"
                        }
                    }
                });
        TrainingInterrupted interrupt = assertThrows(TrainingInterrupted.class, () -> interruptedRun.fit(train(), validation()));

        assertFalse(Thread.currentThread().isInterrupted(), "the exception carries the interrupt");
        assertTrue(interrupt.getMessage().startsWith("training interrupted at epoch 2, batch 2/4; 1 epochs complete; best checkpoint: "),
                interrupt.getMessage());
        assertEquals(1, interrupt.history().rowCount());
        assertEquals(runs.resolve("b").resolve(Checkpoint.BEST), interrupt.bestCheckpoint().orElseThrow());
        EcgModel.load(interrupt.bestCheckpoint().get());

        Trainer resumed = Trainer.resume(runs.resolve("b"));
        assertEquals(1, resumed.epochs().size());
        Table actual = results(resumed.fit(train(), validation()));

        assertEquals(expected.print(), actual.print());
        assertEquals(uninterrupted.model().graph().params(), resumed.model().graph().params());
    }

    @Test
    void anInterruptBetweenEpochsStopsBeforeTheNext() {
        Trainer trainer = Trainer.fromConfig(denseConfig(3).build()).listener(new TrainingListener() {
            @Override
            public void onEpochRecorded(Trainer trainer, EpochResult epoch) {
                Thread.currentThread().interrupt();
            }
        });
        TrainingInterrupted interrupt = assertThrows(TrainingInterrupted.class, () -> trainer.fit(train(denseSpec()), validation(denseSpec())));
        assertEquals("training interrupted before epoch 2; 1 epochs complete", interrupt.getMessage());
        assertEquals(1, trainer.history().rowCount());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void earlyStoppingSaysWhyAndAResumeDoesNotTrainFurther(@TempDir Path run) throws IOException {
        // The learning rate of a constant schedule never improves, so this stops after 1 + patience epochs.
        TrainingConfig config = denseConfig(10).monitor("lr", Goal.MINIMISE).earlyStopping(2).build();
        Trainer trainer = Trainer.fromConfig(config).checkpoints(run);
        Table history = trainer.fit(train(denseSpec()), validation(denseSpec()));

        assertEquals(3, history.rowCount());
        assertEquals("lr has not improved for 2 epochs (best 0.0100 at epoch 1)", trainer.stopReason().orElseThrow());
        assertTrue(history.name().contains("stopped early: lr has not improved"), history.name());
        Trainer resumed = Trainer.resume(run);
        assertEquals(3, resumed.fit(train(denseSpec()), validation(denseSpec())).rowCount());
    }

    @Test
    void configRoundTripsThroughJsonAndRebuildsTheSameModel() {
        TrainingConfig config = config(5).model(HybridModel.Builder.from(tinySpec()).fft(false).spec())
                .schedule(LearningRateSchedule.cosine(0.1)).l2(1e-4).classWeights(1, 2, 0.5).monitor("val_accuracy")
                .earlyStopping(3).build();
        String json = config.toJson();
        TrainingConfig restored = TrainingConfig.fromJson(json);

        assertEquals(config, restored);
        assertEquals(config, config.toBuilder().build());
        assertEquals(50, config.toBuilder().epochs(50).build().epochs());
        assertEquals(Goal.MAXIMISE, restored.goal());
        assertTrue(json.contains("\"spectrogram\""), json);
        assertEquals(Trainer.fromConfig(config).model().graph().params(), Trainer.fromConfig(restored).model().graph().params());
    }

    @Test
    void dataThatDoesNotFitIsRefusedBeforeTraining() {
        Trainer trainer = Trainer.fromConfig(config(2).build());
        SyntheticBatches good = train();
        var features = good.features().clone();
        features[1] = org.nd4j.linalg.factory.Nd4j.zeros(features[1].dataType(), 64, 2, 9, 6);
        String wrongShape = assertThrows(IllegalArgumentException.class,
                () -> trainer.fit(SyntheticBatches.withFeatures(features, good.labels(), 16), validation())).getMessage();
        assertEquals("training data: spectrogram input: model expects [*, 2, 8, 6] but the batch has [16, 2, 9, 6]", wrongShape);

        String batchSize = assertThrows(IllegalArgumentException.class,
                () -> Trainer.fromConfig(config(2).batchSize(32).build()).fit(train(), validation())).getMessage();
        assertEquals("training batches have 16 rows but the config says batchSize 32", batchSize);

        String noValidation = assertThrows(IllegalArgumentException.class,
                () -> Trainer.fromConfig(config(2).earlyStopping(1).build()).fit(train())).getMessage();
        assertTrue(noValidation.startsWith("the config monitors val_loss"), noValidation);
        assertTrue(trainer.epochs().isEmpty());
    }

    @Test
    void progressUpdatesOneLineInPlacePerEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Trainer.fromConfig(denseConfig(2).build()).progress(new TrainingProgress(true, new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .fit(train(denseSpec()), validation(denseSpec()));
        String output = bytes.toString(StandardCharsets.UTF_8);

        String[] lines = output.split("\n");
        assertEquals(2, lines.length, output);
        for (int epoch = 1; epoch <= 2; epoch++) {
            String line = lines[epoch - 1];
            assertTrue(line.startsWith("\repoch " + epoch + "/2  "), line);
            String last = line.substring(line.lastIndexOf('\r') + 1);
            assertTrue(last.matches("epoch " + epoch + "/2  4(/4)? batches  [\\d,]+ samples/s  loss \\d\\.\\d{4}  val_loss \\d\\.\\d{4}  "
                    + "val_accuracy \\d\\.\\d{4}  val_macro_f1 \\d\\.\\d{4}  val_macro_auroc \\d\\.\\d{4}  \\d+\\.\\d s\\s*"), last);
        }
    }

    @Test
    void trainingCurvesShowBothLossesAndTheMetric() {
        Trainer trainer = Trainer.fromConfig(denseConfig(2).monitor("val_accuracy").build());
        trainer.fit(train(denseSpec()), validation(denseSpec()));
        XYChart chart = trainer.trainingCurves();
        assertEquals(List.of("train_loss", "val_loss", "val_accuracy"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(2, chart.getSeriesMap().get("val_loss").getXData().length);
    }

    @Test
    void checkpointsHoldTheConfigAndHistory(@TempDir Path run) throws IOException {
        Trainer trainer = Trainer.fromConfig(denseConfig(2).build()).checkpoints(run).listener(new TrainingListener() {
            @Override
            public void onEpochEnd(Trainer trainer, int epoch, Map<String, Double> values) {
                values.put("val_undefined", Double.NaN); // as an AUROC is for a class missing from validation
            }
        });
        trainer.fit(train(denseSpec()), validation(denseSpec()));
        Checkpoint last = Checkpoint.read(run.resolve(Checkpoint.LAST), true);

        assertEquals(trainer.config(), last.config());
        assertEquals(2, last.epoch());
        assertEquals(trainer.epochs(), last.history());
        assertTrue(Double.isNaN(last.history().get(1).value("val_undefined")));
        assertEquals(trainer.model().graph().params(), last.model().graph().params());
        assertTrue(Files.isRegularFile(run.resolve(Checkpoint.BEST)));
    }
}
