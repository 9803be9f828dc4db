package org.ecgkit.train;

/**
 * A training iterator whose batch order depends only on its seed and the epoch. The trainer calls
 * {@link #setEpoch(int)} before resetting it for each epoch, so a run resumed from a checkpoint sees the same batches
 * as an uninterrupted one. Iterators that shuffle without implementing this train fine but resume differently.
 */
public interface EpochAware {
    /** Arranges the batches of epoch {@code epoch} (1-based); takes effect at the next {@code reset()}. */
    void setEpoch(int epoch);
}
