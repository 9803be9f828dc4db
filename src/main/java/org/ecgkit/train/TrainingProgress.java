package org.ecgkit.train;

import org.ecgkit.notebook.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One progress line per epoch: it updates in place ({@code \r}) with batches done, samples/s and the running loss, and
 * ends with the epoch's main validation metrics and time. Headless ({@code ECGKIT_PROGRESS=0}, as for
 * {@link Progress}) it logs one line per finished epoch instead. Not built on {@link Progress}: an epoch's batch count
 * is unknown until the first epoch of a generic iterator ends, and a headless run wants one line per epoch.
 */
public final class TrainingProgress implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final long REFRESH_NANOS = 250_000_000L;
    /** Validation metrics on the line, besides the monitored one; the history has them all. */
    private static final List<String> SHOWN_METRICS = List.of("val_loss", "val_accuracy", "val_macro_f1", "val_macro_auroc");

    private final boolean inPlace;
    private final PrintStream out;
    private long lastRefresh;
    private int lineLength;
    private BatchProgress last;

    /** In place unless {@code ECGKIT_PROGRESS=0}. */
    public TrainingProgress() {
        this(Progress.enabled(), System.out);
    }

    public TrainingProgress(boolean inPlace, PrintStream out) {
        this.inPlace = inPlace;
        this.out = out;
    }

    @Override
    public void onEpochStart(Trainer trainer, int epoch) {
        last = null;
        lastRefresh = 0;
    }

    @Override
    public void onBatchEnd(Trainer trainer, BatchProgress batch) {
        last = batch;
        if (Thread.currentThread().isInterrupted()) {
            // The trainer stops right after this batch. Printing now would fail in a notebook: the kernel sends
            // output from the printing thread, and its socket (JeroMQ) refuses an interrupted thread with EINTR and
            // drops the interrupt, so training would end with that error instead of TrainingInterrupted.
            return;
        }
        long now = System.nanoTime();
        if (inPlace && (now - lastRefresh >= REFRESH_NANOS || batch.batch() == batch.batches())) {
            lastRefresh = now;
            show(describe(batch));
        }
    }

    @Override
    public void onEpochRecorded(Trainer trainer, EpochResult epoch) {
        StringBuilder line = new StringBuilder(last == null
                ? String.format(Locale.ROOT, "epoch %d/%d", epoch.epoch(), trainer.config().epochs())
                : describe(last));
        Set<String> shown = new LinkedHashSet<>(SHOWN_METRICS);
        shown.add(trainer.config().monitor());
        for (String name : shown) {
            if (name.startsWith("val_") && epoch.values().containsKey(name)) {
                line.append(String.format(Locale.ROOT, "  %s %.4f", name, epoch.value(name)));
            }
        }
        line.append(String.format(Locale.ROOT, "  %.1f s", epoch.value("seconds")));
        if (inPlace) {
            show(line.toString());
            endLine();
        } else {
            LOG.info(line.toString());
        }
    }

    @Override
    public void onTrainingEnd(Trainer trainer, Outcome outcome) {
        if (inPlace) {
            endLine();
        }
    }

    private static String describe(BatchProgress batch) {
        String batches = batch.batches() > 0 ? batch.batch() + "/" + batch.batches() : Integer.toString(batch.batch());
        return String.format(Locale.ROOT, "epoch %d/%d  %s batches  %,.0f samples/s  loss %.4f",
                batch.epoch(), batch.epochs(), batches, batch.samplesPerSecond(), batch.loss());
    }

    private void show(String line) {
        // Pad over the previous, possibly longer, line.
        out.print("\r" + line + " ".repeat(Math.max(0, lineLength - line.length())));
        out.flush();
        lineLength = line.length();
    }

    private void endLine() {
        if (lineLength > 0) {
            out.println();
            out.flush();
            lineLength = 0;
        }
    }
}
