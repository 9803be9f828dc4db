package org.ecgkit.journal;

import org.ecgkit.data.DatasetIterator;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.eval.Evaluation;
import org.ecgkit.model.AtomicFiles;
import org.ecgkit.train.EpochResult;
import org.ecgkit.train.Trainer;
import org.ecgkit.train.TrainingConfig;
import org.ecgkit.train.TrainingCurves;
import org.ecgkit.train.TrainingInterrupted;
import org.ecgkit.train.TrainingListener;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One execution of an {@link Experiment}: data checks, run folder, training with checkpoints, evaluation of the best
 * checkpoint on the test split, files and plots, journal entry. The entry is appended last, after {@code run.json},
 * so a journal line always points to a complete folder; a run killed before that leaves a folder and no entry.
 */
final class ExperimentRun {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRun.class);

    private final Experiment experiment;
    private final Journal journal;
    private final List<TrainingListener> listeners;
    private final String rerunOf;
    private final DataFingerprint expectedData;

    /**
     * @param listeners    added to the trainer (tests use them to interrupt at a chosen batch)
     * @param rerunOf      the id of the run this one repeats, or null
     * @param expectedData the fingerprint the data must have, or null for any
     */
    ExperimentRun(Experiment experiment, Journal journal, List<TrainingListener> listeners, String rerunOf,
                  DataFingerprint expectedData) {
        this.experiment = experiment;
        this.journal = journal;
        this.listeners = List.copyOf(listeners);
        this.rerunOf = rerunOf;
        this.expectedData = expectedData;
    }

    Run execute() {
        OffsetDateTime started = OffsetDateTime.now();
        long start = System.nanoTime();
        DataSelection data = experiment.data();
        TrainingConfig config = experiment.training();
        try (EcgDataset dataset = data.open()) {
            DataFingerprint fingerprint = DataFingerprint.of(dataset, data.arrayFiles());
            if (expectedData != null && !expectedData.equals(fingerprint)) {
                throw new IllegalStateException("cannot rerun " + rerunOf + ": it was trained on data "
                        + expectedData.sha256() + " but " + dataset.directory() + " now has " + fingerprint.sha256()
                        + " (" + expectedData.differences(fingerprint) + ")");
            }
            RunEnvironment environment = RunEnvironment.current();
            try (DatasetIterator train = data.batches(dataset, data.train(), config.batchSize(), config.seed());
                 DatasetIterator validation = data.batches(dataset, data.validation(), config.batchSize(), null);
                 DatasetIterator test = data.batches(dataset, data.test(), config.batchSize(), null)) {
                Path folder = journal.newRunFolder(started.toLocalDate(), experiment.name());
                String id = folder.getFileName().toString();
                LOG.info("run {}: {}", id, experiment.describe());
                write(folder.resolve(Run.EXPERIMENT), experiment.toJson());
                write(folder.resolve(Run.DATA), Json.PRETTY.toJson(fingerprint));
                write(folder.resolve(Run.ENVIRONMENT), Json.PRETTY.toJson(environment));
                Trainer trainer = Trainer.fromConfig(config).checkpoints(folder);
                listeners.forEach(trainer::listener);
                Outcome outcome = trainAndEvaluate(trainer, train, validation, test, folder);
                List<EpochResult> epochs = trainer.epochs();
                RunRecord record = new RunRecord(RunRecord.FORMAT, id, experiment.name(), outcome.status, outcome.message,
                        started.toString(), (System.nanoTime() - start) / 1e9, config.model().name(),
                        trainer.model().parameterCount(), epochs.size(), bestEpoch(epochs, config), fingerprint, environment,
                        experiment, outcome.metrics(), outcome.f1(), rerunOf, epochs);
                Run run = new Run(journal.directory(), record);
                if (outcome.evaluation != null) {
                    run.evaluation(outcome.evaluation);
                }
                finish(run, trainer, folder, outcome);
                return run;
            }
        }
    }

    /** How training and evaluation ended. */
    private record Outcome(RunStatus status, String message, Evaluation evaluation, RuntimeException failure) {

        Map<String, Double> metrics() {
            return evaluation == null ? Map.of() : evaluation.scalars();
        }

        Map<String, Double> f1() {
            Map<String, Double> f1 = new LinkedHashMap<>();
            if (evaluation != null) {
                evaluation.classMetrics().forEach(c -> f1.put(c.name(), c.f1()));
            }
            return f1;
        }
    }

    private static Outcome trainAndEvaluate(Trainer trainer, DatasetIterator train, DatasetIterator validation,
                                            DatasetIterator test, Path folder) {
        try {
            trainer.fit(train, validation);
            Predictions predictions = Predictions.of(trainer.bestModel(), test);
            predictions.write(folder.resolve(Run.PREDICTIONS));
            Evaluation evaluation = predictions.evaluate(trainer.config().inputs().task());
            String stop = trainer.stopReason().orElse(null);
            return new Outcome(stop == null ? RunStatus.COMPLETED : RunStatus.STOPPED_EARLY, stop, evaluation, null);
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("run folder " + folder + ": " + e.getMessage(), e);
            return new Outcome(RunStatus.FAILED, failure.getMessage(), null, failure);
        } catch (RuntimeException e) {
            boolean interrupt = isInterrupt(e);
            return new Outcome(interrupt ? RunStatus.INTERRUPTED : RunStatus.FAILED,
                    e.getMessage() == null ? e.toString() : e.getMessage(), null, e);
        }
    }

    /** The trainer's interrupt, or an interrupt that reached a data iterator or file channel first. */
    private static boolean isInterrupt(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TrainingInterrupted || cause instanceof InterruptedException
                    || cause instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /** Saves history, plots and {@code run.json}, then appends the entry; rethrows a training failure afterwards. */
    private void finish(Run run, Trainer trainer, Path folder, Outcome outcome) {
        boolean interrupted = Thread.interrupted(); // the files below must be written whatever stopped the run
        try {
            if (!trainer.epochs().isEmpty()) {
                write(folder.resolve(Run.HISTORY), trainer.history().write().toString("csv"));
                png(folder.resolve(Run.CURVES_PNG),
                        TrainingCurves.plot(trainer.history(), trainer.config().monitor()));
            }
            if (outcome.evaluation != null) {
                png(folder.resolve(Run.CONFUSION_PNG), outcome.evaluation.confusionHeatmap());
                png(folder.resolve(Run.ROC_PNG), outcome.evaluation.rocChart());
            }
            write(folder.resolve(Run.RECORD), Json.PRETTY.toJson(run.record()));
            journal.append(run.record());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("{}", run);
        if (outcome.failure != null) {
            throw outcome.failure;
        }
    }

    /** The epoch of the best checkpoint: the first with the best monitored value, as {@code BestCheckpoint} saves. */
    private static Integer bestEpoch(List<EpochResult> epochs, TrainingConfig config) {
        Integer best = null;
        double bestValue = Double.NaN;
        for (EpochResult epoch : epochs) {
            if (config.goal().improves(epoch.value(config.monitor()), bestValue)) {
                best = epoch.epoch();
                bestValue = epoch.value(config.monitor());
            }
        }
        return best;
    }

    private static void write(Path file, String text) {
        try {
            AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void png(Path file, Chart<?, ?> chart) {
        try {
            AtomicFiles.write(file, out -> ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", out));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
