package org.ecgkit.train;

import org.deeplearning4j.datasets.iterator.AsyncMultiDataSetIterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.ecgkit.data.DatasetIterator;
import org.ecgkit.model.EcgModel;
import org.ecgkit.model.ModelInputs;
import org.ecgkit.model.NativeMemory;
import org.knowm.xchart.XYChart;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Trains an {@link EcgModel} as a {@link TrainingConfig} says, epoch by epoch over a DL4J
 * {@link MultiDataSetIterator} whose feature arrays come in {@link EcgModel#inputNames()} order.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.fromConfig(config).checkpoints(Path.of("runs/hybrid"));
 * Table history = trainer.fit(trainBatches, validationBatches);
 * trainer.trainingCurves();
 * Trainer.resume(Path.of("runs/hybrid")).fit(trainBatches, validationBatches);   // after a crash or an interrupt
 * }</pre>
 *
 * <p>Reproducibility: the weights are initialised from the config's seed, and before each epoch ND4J's random
 * generator (dropout) is re-seeded from (seed, epoch) and an {@link EpochAware} training iterator (such as the data
 * layer's {@link DatasetIterator}) is set to the epoch.
 * On CPU two runs of one config therefore produce the same history, and a run resumed from its last checkpoint
 * continues exactly as the uninterrupted run would have.
 *
 * <p>Interrupts: the training thread's interrupt flag is checked before each epoch and after each batch; on an
 * interrupt training stops, checkpoints already written stay, and {@link TrainingInterrupted} is thrown with the
 * history so far. {@link #history()} also still has it.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final int PREFETCH_BATCHES = 2;

    private final TrainingConfig config;
    private final EcgModel model;
    private final TrainingHistory history;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private ValidationMetrics validationMetrics = ValidationMetrics.evaluation();
    private TrainingListener progress = new TrainingProgress();
    private Path checkpointDirectory;
    private String stopReason;
    private int batchesPerEpoch = -1;

    private Trainer(TrainingConfig config, EcgModel model, List<EpochResult> history, String stopReason) {
        this.config = config;
        this.model = model;
        this.history = new TrainingHistory(history);
        this.stopReason = stopReason;
    }

    /** A trainer with a freshly initialised model. */
    public static Trainer fromConfig(TrainingConfig config) {
        Backend.initialise();
        return new Trainer(config, EcgModel.build(config.model(), config.inputs(), config.networkSettings()), List.of(), null);
    }

    /**
     * Continues the run whose checkpoints are in {@code checkpointDirectory} at the epoch after its last checkpoint,
     * saving further checkpoints there. Pass the same data to {@link #fit}.
     */
    public static Trainer resume(Path checkpointDirectory) throws IOException {
        Backend.initialise();
        Checkpoint last = Checkpoint.read(checkpointDirectory.resolve(Checkpoint.LAST), true);
        Trainer trainer = new Trainer(last.config(), last.model(), last.history(), last.stopReason());
        trainer.checkpoints(checkpointDirectory);
        LOG.info("resuming {} after epoch {} of {} from {}", last.config().model().name(), last.epoch(),
                last.config().epochs(), checkpointDirectory.resolve(Checkpoint.LAST));
        return trainer;
    }

    /** Saves {@code best.zip} (best monitored metric) and {@code last.zip} (for {@link #resume}) in {@code directory}. */
    public Trainer checkpoints(Path directory) {
        this.checkpointDirectory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /** Adds a listener; it runs after validation and before early stopping and checkpointing. */
    public Trainer listener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** The task metrics computed on the validation data each epoch; {@link ValidationMetrics#evaluation()} by default. */
    public Trainer validationMetrics(ValidationMetrics metrics) {
        this.validationMetrics = Objects.requireNonNull(metrics, "metrics");
        return this;
    }

    /** Replaces the default progress display, e.g. {@code new TrainingProgress(false, System.out)} to only log. */
    public Trainer progress(TrainingListener progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        return this;
    }

    /** Trains without validation data; the config must then monitor a training metric such as {@code train_loss}. */
    public Table fit(MultiDataSetIterator train) {
        return fit(train, null);
    }

    /**
     * Trains up to the config's number of epochs, validating after each. Returns the history: epoch, train_loss,
     * val_loss, val_&lt;metric&gt;..., lr, seconds, samples_per_s.
     *
     * @throws TrainingInterrupted when the thread is interrupted; the training stops after the current batch
     * @throws IllegalArgumentException before any training, when the data does not fit the model
     */
    public Table fit(MultiDataSetIterator train, MultiDataSetIterator validation) {
        Objects.requireNonNull(train, "training data");
        requireMonitorAvailable(validation);
        requireFirstBatch(train, "training");
        if (validation != null) {
            requireFirstBatch(validation, "validation");
        }
        List<TrainingListener> chain = chain(validation);
        chain.forEach(listener -> listener.onTrainingStart(this));
        MultiDataSetIterator batches = train.asyncSupported() && !epochAware(train)
                ? new AsyncMultiDataSetIterator(train, PREFETCH_BATCHES) : train;
        try {
            for (int epoch = history.lastEpoch() + 1; epoch <= config.epochs() && stopReason == null; epoch++) {
                if (Thread.interrupted()) {
                    throw interrupted(chain, "before epoch " + epoch);
                }
                runEpoch(epoch, train, batches, chain);
            }
        } finally {
            if (batches instanceof AsyncMultiDataSetIterator async) {
                async.shutdown();
            }
        }
        TrainingListener.Outcome outcome = stopReason == null ? TrainingListener.Outcome.COMPLETED
                : TrainingListener.Outcome.STOPPED_EARLY;
        chain.forEach(listener -> listener.onTrainingEnd(this, outcome));
        if (stopReason != null) {
            LOG.info("{}: stopped after epoch {}: {}", config.model().name(), history.lastEpoch(), stopReason);
        }
        return history();
    }

    private void runEpoch(int epoch, MultiDataSetIterator train, MultiDataSetIterator batches, List<TrainingListener> chain) {
        ComputationGraph graph = model.graph();
        Nd4j.getRandom().setSeed(epochSeed(epoch));
        // the updater reads this epoch's rate from the schedule built into it (TrainingConfig.networkSettings)
        double rate = config.schedule().rate(config.optimiser().learningRate(), epoch, config.epochs());
        graph.getConfiguration().setEpochCount(epoch - 1);
        chain.forEach(listener -> listener.onEpochStart(this, epoch));
        long start = System.nanoTime();
        startEpoch(train, batches, epoch);
        double weightedLoss = 0;
        long samples = 0;
        int batch = 0;
        while (nextBatchExists(batches, epoch, batch, chain)) {
            MultiDataSet data = nextBatch(batches, epoch, batch, chain);
            // score() includes the L2 term, computed before the update; the history reports the data loss alone.
            double penalty = config.l2() > 0 ? graph.calcRegularizationScore(true) : 0;
            graph.fit(data);
            NativeMemory.collectIfNeeded();
            long rows = data.getLabels(0).size(0);
            weightedLoss += (graph.score() - penalty) * rows;
            samples += rows;
            batch++;
            var progress = new TrainingListener.BatchProgress(epoch, config.epochs(), batch, batchesPerEpoch, samples,
                    (System.nanoTime() - start) / 1e9, weightedLoss / samples);
            chain.forEach(listener -> listener.onBatchEnd(this, progress));
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(chain, "at epoch " + epoch + ", batch " + batch + describeOf(batchesPerEpoch));
            }
        }
        batchesPerEpoch = batch;
        double trainingSeconds = (System.nanoTime() - start) / 1e9;
        LinkedHashMap<String, Double> values = new LinkedHashMap<>();
        values.put("train_loss", weightedLoss / samples);
        for (TrainingListener listener : chain) {
            listener.onEpochEnd(this, epoch, values);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(chain, "while validating epoch " + epoch);
        }
        values.put("lr", rate);
        values.put("seconds", (System.nanoTime() - start) / 1e9);
        values.put("samples_per_s", samples / trainingSeconds);
        EpochResult row = new EpochResult(epoch, values);
        history.add(row);
        chain.forEach(listener -> listener.onEpochRecorded(this, row));
    }

    /** Positions the training data at the first batch of {@code epoch} (1-based). */
    private static void startEpoch(MultiDataSetIterator train, MultiDataSetIterator batches, int epoch) {
        if (train instanceof EpochAware aware) {
            aware.setEpoch(epoch - 1);
        } else if (train instanceof DatasetIterator dataset) {
            dataset.setEpoch(epoch - 1); // EpochAware's contract; the data package does not depend on this one
        } else {
            batches.reset();
        }
    }

    private static boolean epochAware(MultiDataSetIterator train) {
        return train instanceof EpochAware || train instanceof DatasetIterator;
    }

    private static String describeOf(int total) {
        return total > 0 ? "/" + total : "";
    }

    private boolean nextBatchExists(MultiDataSetIterator batches, int epoch, int batch, List<TrainingListener> chain) {
        try {
            return batches.hasNext();
        } catch (RuntimeException e) {
            throw interruptedOr(e, chain, epoch, batch);
        }
    }

    private MultiDataSet nextBatch(MultiDataSetIterator batches, int epoch, int batch, List<TrainingListener> chain) {
        try {
            return batches.next();
        } catch (RuntimeException e) {
            throw interruptedOr(e, chain, epoch, batch);
        }
    }

    /** A prefetching iterator reports an interrupt as a RuntimeException wrapping InterruptedException. */
    private RuntimeException interruptedOr(RuntimeException failure, List<TrainingListener> chain, int epoch, int batch) {
        boolean interrupt = Thread.currentThread().isInterrupted();
        for (Throwable cause = failure; cause != null && !interrupt; cause = cause.getCause()) {
            interrupt = cause instanceof InterruptedException;
        }
        return interrupt ? interrupted(chain, "at epoch " + epoch + ", batch " + batch + describeOf(batchesPerEpoch)) : failure;
    }

    private TrainingInterrupted interrupted(List<TrainingListener> chain, String where) {
        Thread.interrupted(); // cleared: the exception now carries the interrupt, and file writes below must not abort
        chain.forEach(listener -> listener.onTrainingEnd(this, TrainingListener.Outcome.INTERRUPTED));
        Path best = bestCheckpointFile().orElse(null);
        String message = "training interrupted " + where + "; " + history.lastEpoch() + " epochs complete"
                + (best != null ? "; best checkpoint: " + best : "")
                + (checkpointDirectory != null && history.lastEpoch() > 0 ? "; resume with Trainer.resume(" + checkpointDirectory + ")" : "");
        LOG.warn(message);
        return new TrainingInterrupted(message, history(), best);
    }

    private long epochSeed(int epoch) {
        return config.seed() * 1_000_003L + epoch;
    }

    private void requireMonitorAvailable(MultiDataSetIterator validation) {
        boolean monitored = checkpointDirectory != null || config.patience() > 0;
        if (monitored && validation == null && config.monitor().startsWith("val_")) {
            throw new IllegalArgumentException("the config monitors " + config.monitor() + " for the best checkpoint and "
                    + "early stopping, but fit got no validation data; pass it, or monitor train_loss");
        }
    }

    /** Checks the first batch against the model before any training, then rewinds. */
    private void requireFirstBatch(MultiDataSetIterator data, String what) {
        if (!data.resetSupported()) {
            throw new IllegalArgumentException("the " + what + " iterator " + data.getClass().getSimpleName()
                    + " cannot be reset, but every epoch starts with a reset");
        }
        data.reset();
        if (!data.hasNext()) {
            throw new IllegalArgumentException("the " + what + " iterator has no batches");
        }
        MultiDataSet first = data.next();
        try {
            model.requireBatch(first);
            if (data instanceof DatasetIterator dataset) {
                model.requireCompatible(ModelInputs.from(dataset)); // also the class names, which shapes cannot tell
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " data: " + e.getMessage(), e);
        }
        long rows = first.getLabels(0).size(0);
        if (what.equals("training") && (rows > config.batchSize() || (rows < config.batchSize() && data.hasNext()))) {
            throw new IllegalArgumentException("training batches have " + rows + " rows but the config says batchSize "
                    + config.batchSize());
        }
        data.reset();
    }

    private List<TrainingListener> chain(MultiDataSetIterator validation) {
        List<TrainingListener> chain = new ArrayList<>();
        chain.add(progress);
        if (validation != null) {
            chain.add(new Validation(validation, validationMetrics));
        }
        chain.addAll(listeners);
        if (config.patience() > 0) {
            chain.add(new EarlyStopping(config.monitor(), config.patience(), config.goal()));
        }
        if (checkpointDirectory != null) {
            chain.add(new BestCheckpoint(checkpointDirectory, config.monitor(), config.goal()));
            chain.add(new LastCheckpoint(checkpointDirectory)); // last, so it saves what the others decided
        }
        return chain;
    }

    /** Asks training to stop after the current epoch; the first reason given is kept and reported. */
    public void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /** Why training stopped early, if it did. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    public TrainingConfig config() {
        return config;
    }

    /** The model being trained, with its current weights. */
    public EcgModel model() {
        return model;
    }

    /** The model saved at the best epoch, or the current one when no best checkpoint was saved. */
    public EcgModel bestModel() throws IOException {
        Optional<Path> best = bestCheckpointFile();
        return best.isPresent() ? EcgModel.load(best.get()) : model;
    }

    private Optional<Path> bestCheckpointFile() {
        return Optional.ofNullable(checkpointDirectory).map(directory -> directory.resolve(Checkpoint.BEST))
                .filter(Files::isRegularFile);
    }

    /** The completed epochs, oldest first. */
    public List<EpochResult> epochs() {
        return history.epochs();
    }

    /** The completed epochs as a table: epoch, train_loss, val_loss, val_..., lr, seconds, samples_per_s. */
    public Table history() {
        return history.table(config.model().name() + " training history"
                + (stopReason != null ? " (stopped early: " + stopReason + ")" : ""));
    }

    /**
     * Loss of training and validation per epoch, and a validation metric on a second axis: the monitored one if it is
     * not a loss, otherwise the first validation metric.
     */
    public XYChart trainingCurves() {
        return TrainingCurves.plot(history(), config.monitor());
    }

    @Override
    public String toString() {
        return "Trainer " + config.model().name() + ": " + history.lastEpoch() + "/" + config.epochs() + " epochs"
                + (stopReason != null ? ", stopped: " + stopReason : "");
    }
}
