package org.ecgkit.journal;

import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Input;
import org.ecgkit.data.MetadataInput;
import org.ecgkit.eval.ClassMetrics;
import org.ecgkit.eval.Evaluation;
import org.ecgkit.model.EcgModel;
import org.ecgkit.model.HybridModel;
import org.ecgkit.train.Checkpoint;
import org.ecgkit.train.Trainer;
import org.ecgkit.train.TrainingInterrupted;
import org.ecgkit.train.TrainingListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentRunTest {

    @TempDir
    static Path directory;
    private static EcgDataset dataset;

    @BeforeAll
    static void writeDataset() {
        dataset = TinyData.write(directory.resolve("sines"));
    }

    @AfterAll
    static void close() {
        dataset.close();
    }

    @Test
    void aRunFolderHoldsConfigDataEnvironmentHistoryMetricsCheckpointsAndPlots(@TempDir Path runs) throws IOException {
        Journal journal = Journal.open(runs);
        Run run = TinyData.experiment("tiny", dataset).journal(journal).run();

        assertEquals(LocalDate.now() + "-tiny-1", run.id());
        assertEquals(RunStatus.COMPLETED, run.status());
        for (String file : List.of("experiment.json", "data.json", "environment.json", "run.json", "history.csv",
                "test-predictions.csv", "best.zip", "last.zip", "training-curves.png", "confusion-matrix.png", "roc.png")) {
            assertTrue(Files.isRegularFile(run.folder().resolve(file)), file + " in " + run.folder());
        }
        Experiment recorded = Experiment.fromJson(Files.readString(run.folder().resolve("experiment.json")));
        assertEquals(run.experiment().toJson(), recorded.toJson());
        assertEquals(3, run.history().rowCount());

        // the journal entry and run.json agree with what the trainer wrote in its checkpoint
        Run fromJournal = journal.latest("tiny");
        assertEquals(run.id(), fromJournal.id());
        Checkpoint last = Checkpoint.read(run.folder().resolve("last.zip"), false);
        assertEquals(last.history(), fromJournal.epochs());
        assertEquals(run.experiment().training(), last.config());

        // test metrics are those of the best checkpoint on the test split, and can be rebuilt from the predictions
        Evaluation rebuilt = Run.load(run.folder()).evaluation();
        assertEquals(15, rebuilt.samples());
        assertEquals(rebuilt.scalars(), fromJournal.record().testMetrics());
        assertEquals(run.evaluation().scalars(), rebuilt.scalars());
        assertTrue(run.testMetrics().rowCount() >= 8);
        assertTrue(journal.problems().isEmpty());
    }

    @Test
    void theHistoryFollowsEachClassAndRunsCanBePlottedTogether(@TempDir Path runs) throws IOException {
        Journal journal = Journal.open(runs);
        Run first = TinyData.experiment("classes", dataset).journal(journal).run();
        Run second = TinyData.experiment("classes", dataset).training(t -> t.seed(5)).journal(journal).run();

        // the last epoch's validation F1 of a class is that of the last checkpoint's model on the validation split
        EcgModel last = Checkpoint.read(first.folder().resolve("last.zip"), false).model();
        Evaluation validation;
        try (var batches = first.experiment().data().batches(dataset, "val", 16, null)) {
            validation = Predictions.of(last, batches).evaluate(dataset.task());
        }
        for (String name : dataset.classes()) {
            assertEquals(validation.classMetrics(name).f1(), first.history().doubleColumn("val_f1_" + name).get(2), 1e-12);
        }

        XYChart chart = Journal.curves("val_f1_fast", first, second);
        assertEquals(List.of(first.id(), second.id()), List.copyOf(chart.getSeriesMap().keySet()));
        assertArrayEquals(first.history().doubleColumn("val_f1_fast").asDoubleArray(),
                chart.getSeriesMap().get(first.id()).getYData());
        String message = assertThrows(IllegalArgumentException.class, () -> Journal.curves("val_f1_AF", first)).getMessage();
        assertTrue(message.startsWith("run " + first.id() + " has no val_f1_AF; its history has [epoch, train_loss"), message);
    }

    @Test
    void theBestCheckpointIsTheOneEvaluated(@TempDir Path runs) {
        Run run = TinyData.experiment("best", dataset).journal(Journal.open(runs)).run();
        Evaluation direct;
        try (var test = run.experiment().data().batches(dataset, "test", 16, null)) {
            direct = Predictions.of(run.bestModel(), test).evaluate(dataset.task());
        }
        assertEquals(direct.scalars(), run.record().testMetrics());
        int bestEpoch = run.record().bestEpoch();
        double bestF1 = run.history().doubleColumn("val_macro_f1").get(bestEpoch - 1);
        assertEquals(run.history().doubleColumn("val_macro_f1").max(), bestF1);
    }

    @Test
    void windowsOfOneRecordAreScoredOnceAsTheMeanOfTheirProbabilities(@TempDir Path runs) throws IOException {
        try (EcgDataset windows = TinyData.write(directory.resolve("windows"), 3)) {
            Run run = TinyData.experiment("windows", windows).journal(Journal.open(runs)).run();
            List<String> lines = Files.readAllLines(run.folder().resolve("test-predictions.csv"));
            assertEquals(List.of("rec25", "rec26", "rec27", "rec28", "rec29"),
                    lines.stream().skip(1).map(line -> line.split(",")[0]).toList(), "15 test windows, 5 records");
            assertEquals(5, run.evaluation().classMetrics().stream().mapToInt(ClassMetrics::support).sum());
            float[][] perWindow;
            try (var test = run.experiment().data().batches(windows, "test", 16, null)) {
                perWindow = run.bestModel().predict(test);
            }
            for (int record = 0; record < 5; record++) {
                String[] cells = lines.get(record + 1).split(",");
                for (int c = 0; c < 3; c++) {
                    double mean = (perWindow[3 * record][c] + perWindow[3 * record + 1][c] + perWindow[3 * record + 2][c]) / 3.0;
                    assertEquals(mean, Double.parseDouble(cells[4 + c]), 1e-6, cells[0] + " class " + c);
                }
                assertEquals("1", cells[1 + (25 + record) % 3], cells[0] + " has its record's label");
            }
        }
    }

    @Test
    void metadataIsStandardisedOnTheTrainingSplitOnly() {
        Experiment experiment = TinyData.experiment("standardised", dataset).build();
        MetadataInput metadata = (MetadataInput) experiment.data().inputs().get(1);
        double[] trainAges = Arrays.stream(dataset.rows("train"))
                .mapToDouble(row -> dataset.metadata().numberColumn("age").getDouble(row)).toArray();
        double mean = Arrays.stream(trainAges).average().orElseThrow();
        double std = Math.sqrt(Arrays.stream(trainAges).map(a -> (a - mean) * (a - mean)).sum() / trainAges.length);
        assertEquals(mean, metadata.means()[0], 1e-9);
        assertEquals(std, metadata.stds()[0], 1e-9);
        assertEquals(0.5, metadata.means()[1], 1e-9); // sex alternates F/M over the 60 training records
    }

    @Test
    void anInterruptLeavesAnEntryMarkedInterrupted(@TempDir Path runs) {
        Journal journal = Journal.open(runs);
        Experiment experiment = TinyData.experiment("interrupted", dataset).build();
        TrainingListener stopButton = new TrainingListener() {
            @Override
            public void onBatchEnd(Trainer trainer, BatchProgress batch) {
                if (batch.epoch() == 2 && batch.batch() == 2) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        assertThrows(TrainingInterrupted.class,
                () -> new ExperimentRun(experiment, journal, List.of(stopButton), null, null).execute());
        assertFalse(Thread.currentThread().isInterrupted(), "the trainer's exception carries the interrupt");

        assertTrue(journal.problems().isEmpty(), journal.problems().toString());
        Run run = journal.latest("interrupted");
        assertEquals(RunStatus.INTERRUPTED, run.status());
        assertTrue(run.message().contains("training interrupted at epoch 2, batch 2"), run.message());
        assertEquals(1, run.epochs().size());
        assertTrue(Files.isRegularFile(run.folder().resolve("last.zip")), "the checkpoint to resume from");
        assertThrows(IllegalStateException.class, run::testMetrics);
        assertEquals("interrupted", journal.runs().stringColumn("status").get(0));
    }

    @Test
    void aModelThatReadsOtherInputsIsRefusedBeforeAnyRunFolderExists(@TempDir Path runs) throws IOException {
        var builder = Experiment.named("mismatch").on(dataset).inputs(Input.waveform(), Input.metadata("age"))
                .model(HybridModel.cnn1d()).journal(Journal.open(runs));
        String message = assertThrows(IllegalArgumentException.class, builder::run).getMessage();
        assertEquals("model 'cnn1d' reads [waveform] but the inputs are [waveform, metadata]; give the inputs the model "
                + "reads, in the order waveform, spectrogram, fft, metadata", message);
        try (Stream<Path> files = Files.list(runs)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void runFoldersAreNumberedPerDayAndName(@TempDir Path runs) {
        Journal journal = Journal.open(runs);
        LocalDate day = LocalDate.of(2024, 3, 1);
        assertEquals("2024-03-01-baseline-1", journal.newRunFolder(day, "baseline").getFileName().toString());
        assertEquals("2024-03-01-baseline-2", journal.newRunFolder(day, "baseline").getFileName().toString());
        assertEquals("2024-03-01-my-model-v2-1", journal.newRunFolder(day, "my model/v2").getFileName().toString());
        assertEquals("2024-03-02-baseline-1", journal.newRunFolder(day.plusDays(1), "baseline").getFileName().toString());
    }
}
