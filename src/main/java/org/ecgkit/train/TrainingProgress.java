package org.ecgkit.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * One progress line per epoch. In a notebook or a terminal the line updates in place ({@code \r}) with batches done,
 * samples/s and the running loss, and ends with the epoch's metrics. Headless (environment {@code ECGKIT_PROGRESS=0},
 * or neither a console nor a Jupyter kernel) it logs one line per finished epoch instead.
 */
public final class TrainingProgress implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final long REFRESH_NANOS = 250_000_000L;

    private final boolean inPlace;
    private final PrintStream out;
    private long lastRefresh;
    private int lineLength;
    private BatchProgress last;

    /** In place or logged, as the environment says. */
    public TrainingProgress() {
        this(inPlaceByEnvironment(), System.out);
    }

    public TrainingProgress(boolean inPlace, PrintStream out) {
        this.inPlace = inPlace;
        this.out = out;
    }

    /** {@code ECGKIT_PROGRESS} (system property {@code ecgkit.progress} first) if set; else whether there is a console or a Jupyter kernel. */
    static boolean inPlaceByEnvironment() {
        String setting = System.getProperty("ecgkit.progress", System.getenv("ECGKIT_PROGRESS"));
        if (setting != null) {
            return !(setting.equals("0") || setting.equalsIgnoreCase("false") || setting.equalsIgnoreCase("off"));
        }
        return System.console() != null || System.getenv("JPY_PARENT_PID") != null;
    }

    @Override
    public void onEpochStart(Trainer trainer, int epoch) {
        last = null;
        lastRefresh = 0;
    }

    @Override
    public void onBatchEnd(Trainer trainer, BatchProgress batch) {
        last = batch;
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
        for (Map.Entry<String, Double> value : epoch.values().entrySet()) {
            if (value.getKey().startsWith("val_")) {
                line.append(String.format(Locale.ROOT, "  %s %.4f", value.getKey(), value.getValue()));
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
