package org.ecgkit.notebook;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line text progress bar that redraws itself with {@code \r}, for long loops in notebooks and scripts:
 *
 * <pre>{@code
 * try (Progress progress = Progress.start("spectrograms", rows)) {
 *     for (...) { ...; progress.step(); }
 * }
 * }</pre>
 *
 * prints {@code spectrograms [########------------]  40%  4,000/10,000  812/s  ETA 0:07} to standard error, at most
 * ten times a second, and a final line with the elapsed time on {@link #close()}. Setting the environment variable
 * {@code ECGKIT_PROGRESS=0} turns every bar off (for headless runs and logs). {@link #step()} may be called from
 * several threads.
 */
public final class Progress implements AutoCloseable {

    /** Environment variable that disables progress output when set to {@code 0} (or {@code false}). */
    public static final String ENVIRONMENT_SWITCH = "ECGKIT_PROGRESS";

    private static final int WIDTH = 20;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final String task;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastDrawNanos = new AtomicLong(Long.MIN_VALUE);
    private volatile boolean closed;

    private Progress(PrintStream out, String task, long total) {
        this.out = out;
        this.task = task;
        this.total = total;
    }

    /** A bar on standard error, or a silent one when {@code ECGKIT_PROGRESS=0}. */
    public static Progress start(String task, long total) {
        return to(enabled() ? System.err : null, task, total);
    }

    /** A bar drawn on {@code out}; {@code null} gives a silent bar. */
    public static Progress to(PrintStream out, String task, long total) {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative, got " + total);
        }
        Progress progress = new Progress(out, task, total);
        progress.draw(false);
        return progress;
    }

    /** Whether the environment allows progress bars ({@code ECGKIT_PROGRESS} unset or not 0/false). */
    public static boolean enabled() {
        String value = System.getenv(ENVIRONMENT_SWITCH);
        return value == null || !(value.equals("0") || value.equalsIgnoreCase("false"));
    }

    public void step() {
        advance(1);
    }

    public void advance(long steps) {
        done.addAndGet(steps);
        long now = System.nanoTime();
        long last = lastDrawNanos.get();
        if (now - last >= REDRAW_NANOS && lastDrawNanos.compareAndSet(last, now)) {
            draw(false);
        }
    }

    public long done() {
        return done.get();
    }

    /** Draws the final state and ends the line. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            draw(true);
        }
    }

    private synchronized void draw(boolean last) {
        if (out == null) {
            return;
        }
        long count = Math.min(done.get(), total);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double fraction = total == 0 ? 1 : (double) count / total;
        int filled = (int) Math.round(fraction * WIDTH);
        StringBuilder line = new StringBuilder("\r").append(task).append(" [")
                .append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ")
                .append(String.format(Locale.ROOT, "%3d%%  %,d/%,d", Math.round(fraction * 100), count, total));
        if (seconds > 0 && count > 0) {
            double rate = count / seconds;
            line.append(String.format(Locale.ROOT, "  %,.0f/s", rate));
            line.append(last ? "  in " + clock(seconds) : "  ETA " + clock((total - count) / rate));
        }
        out.print(line);
        if (last) {
            out.println();
        }
        out.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
