package org.ecgkit.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Least-recently-used rows, bounded by bytes. Memory-mapping already keeps pages in the OS cache; this keeps the
 * decoded, scaled float rows so that a dataset that fits the budget is decoded once, not once per epoch.
 */
final class RowCache {

    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<Long, float[]> rows = new LinkedHashMap<>(256, 0.75f, true);

    RowCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized float[] get(long row) {
        return rows.get(row);
    }

    synchronized void put(long row, float[] values) {
        long size = 16L + 4L * values.length;
        if (size > maxBytes) {
            return;
        }
        float[] old = rows.put(row, values);
        bytes += size - (old == null ? 0 : 16L + 4L * old.length);
        var eldest = rows.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<Long, float[]> e = eldest.next();
            bytes -= 16L + 4L * e.getValue().length;
            eldest.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return rows.size();
    }
}
