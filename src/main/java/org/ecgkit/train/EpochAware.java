package org.ecgkit.train;

/**
 * A training iterator whose batch order depends only on its seed and the epoch. Before each epoch the trainer calls
 * {@link #setEpoch(int)} instead of {@code reset()}, so a run resumed from a checkpoint sees the same batches as an
 * uninterrupted one. {@link org.ecgkit.data.DatasetIterator} has this contract and is treated as EpochAware; other
 * iterators that shuffle train fine but resume with another order.
 */
public interface EpochAware {
    /** Starts epoch {@code epoch}, counted from 0, at its first batch. */
    void setEpoch(int epoch);
}
