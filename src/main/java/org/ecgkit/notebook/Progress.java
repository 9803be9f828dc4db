package org.ecgkit.notebook;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line for long work: in a notebook it updates in place ({@code \r}) at most a few times a second; with
 * {@code ECGKIT_PROGRESS=0} (headless runs, logs) it prints one line when the work starts and one when it ends.
 *
 * <pre>{@code
 * try (Progress progress = Progress.start("spectrograms", dataset.size())) {
 *     for (...) { ...; progress.step(1); }
 * }
 * }</pre>
 */
public final class Progress implements AutoCloseable {

    private static final long MIN_UPDATE_NANOS = 250_000_000L;
    private static final int BAR_WIDTH = 24;

    private final String task;
    private final long total;
    private final boolean inPlace;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastUpdate;
    private long renderedDone = -1;
    private String renderedDetail = "";
    private String detail = "";
    private boolean closed;

    private Progress(String task, long total, boolean inPlace, PrintStream out) {
        this.task = task;
        this.total = total;
        this.inPlace = inPlace;
        this.out = out;
        if (!inPlace) {
            out.println(task + ": " + String.format(Locale.ROOT, "%,d", total) + " to do");
        }
    }

    /** Starts reporting on {@code total} units of work, on standard output. */
    public static Progress start(String task, long total) {
        return new Progress(task, total, enabled(), System.out);
    }

    /** Whether progress updates in place; {@code ECGKIT_PROGRESS=0} or {@code -Decgkit.progress=false} turn it off. */
    public static boolean enabled() {
        String setting = System.getProperty("ecgkit.progress", System.getenv("ECGKIT_PROGRESS"));
        return setting == null || !(setting.equals("0") || setting.equalsIgnoreCase("false"));
    }

    /** Records {@code n} more units done. */
    public synchronized void step(long n) {
        done += n;
        render(false);
    }

    /** Sets a short detail shown after the counts, e.g. {@code loss 0.412}. */
    public synchronized void detail(String detail) {
        this.detail = detail;
        render(false);
    }

    public synchronized long done() {
        return done;
    }

    /** Seconds since the start. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void render(boolean last) {
        long now = System.nanoTime();
        if (!inPlace && !last) {
            return;
        }
        if (!last && now - lastUpdate < MIN_UPDATE_NANOS && done < total) {
            return;
        }
        lastUpdate = now;
        String line = line();
        if (inPlace) {
            // at the end, a line already showing the final count only needs its newline
            boolean unchanged = last && done == renderedDone && detail.equals(renderedDetail);
            out.print(unchanged ? "\n" : "\r" + line + (last ? "\n" : ""));
            renderedDone = done;
            renderedDetail = detail;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** The current progress line, e.g. {@code spectrograms [######......] 250/1,000 25% 3.1 s 80/s}. */
    public synchronized String line() {
        double seconds = elapsedSeconds();
        double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 1.0;
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
        String rate = seconds > 0 ? String.format(Locale.ROOT, "%,.0f/s", done / seconds) : "";
        return String.format(Locale.ROOT, "%s [%s] %,d/%,d %3.0f%% %.1f s %s%s", task, bar, done, total,
                100 * fraction, seconds, rate, detail.isEmpty() ? "" : " " + detail);
    }

    /** Prints the final line. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        render(true);
    }
}
