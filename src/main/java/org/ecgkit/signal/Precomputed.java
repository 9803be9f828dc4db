package org.ecgkit.signal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a precompute over a dataset did: the array it wrote beside the signals (or found up to date), its shape, and
 * the time it took.
 *
 * @param file    the {@code .npy} file, {@code [records, ...]} float32
 * @param shape   its shape
 * @param reused  true when the file was already up to date (same settings, unchanged signals) and nothing was computed
 * @param elapsed time spent, including the up-to-date check
 */
public record Precomputed(Path file, long[] shape, boolean reused, Duration elapsed) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s float32: %s", file.getFileName(), Arrays.toString(shape),
                reused ? "up to date (same settings, signals unchanged), nothing computed"
                        : "computed in " + elapsed.toMillis() / 1000.0 + " s");
    }
}
