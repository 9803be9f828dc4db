package org.ecgkit.data.convert;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress lines for long conversions, at most one every two seconds plus the last one:
 * "PTB-XL 100 Hz: 4,000 / 21,837 records (18%), 3.2 s".
 */
public final class Progress {

    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final String task;
    private final int total;
    private final Consumer<String> out;
    private final long start = System.nanoTime();
    private long lastReport = start;

    public Progress(String task, int total, Consumer<String> out) {
        this.task = task;
        this.total = total;
        this.out = out;
    }

    /** Reports {@code done} items finished, if two seconds passed since the last line or all are done. */
    public void update(int done) {
        long now = System.nanoTime();
        if (done == total || now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            out.accept(String.format(Locale.ROOT, "%s: %,d / %,d records (%d%%), %.1f s", task, done, total,
                    total == 0 ? 100 : 100L * done / total, seconds()));
        }
    }

    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
