package org.ecgkit.data;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batches of a dataset for DL4J: features are the chosen {@link Input}s in order, labels are one-hot (multi-class) or
 * multi-hot (multi-label) {@code [batch, classes]}. Every row is visited exactly once per epoch; with a seed, each
 * epoch has its own order, the same for the same seed and epoch. Batches are assembled ahead on a background thread.
 *
 * <p>{@link #reset()} moves to the next epoch. Prefetching is done here rather than by DL4J's
 * {@code AsyncMultiDataSetIterator} because that one ties batches to workspaces that are invalidated on the next call,
 * which surprises notebook users who keep a batch to look at.
 */
public final class DatasetIterator implements MultiDataSetIterator, AutoCloseable {

    private final EcgDataset dataset;
    private final int[] rows;
    private final int batchSize;
    private final Long seed;
    private final List<Input> inputs;
    private final int prefetch;
    private final int[][] inputShapes;
    private final ExecutorService worker;
    private final ArrayDeque<Future<MultiDataSet>> ahead = new ArrayDeque<>();
    private MultiDataSetPreProcessor preProcessor;
    private int epoch;
    private int[] order;
    private int nextToSubmit;
    private int nextToReturn;

    private DatasetIterator(Builder b) {
        this.dataset = b.dataset;
        this.rows = b.rows.clone();
        this.batchSize = b.batchSize;
        this.seed = b.seed;
        this.inputs = List.copyOf(b.inputs);
        this.prefetch = b.prefetch;
        this.inputShapes = inputs.stream().map(i -> i.shape(dataset)).toArray(int[][]::new);
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ecgkit-batches-" + dataset.name());
            t.setDaemon(true);
            return t;
        });
        startEpoch(0);
    }

    /** Input names in feature order, e.g. {@code [waveform, spectrogram, metadata]}. */
    public List<String> inputNames() {
        return inputs.stream().map(Input::name).toList();
    }

    /** Shape of each input for one record, in feature order. */
    public List<int[]> inputShapes() {
        return Arrays.stream(inputShapes).map(int[]::clone).toList();
    }

    public EcgDataset dataset() {
        return dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Records per epoch. */
    public int records() {
        return rows.length;
    }

    public int batchesPerEpoch() {
        return (rows.length + batchSize - 1) / batchSize;
    }

    /** Whether each epoch visits the rows in its own shuffled order ({@link Builder#shuffle}). */
    public boolean shuffled() {
        return seed != null;
    }

    /** The current epoch, counted from 0. */
    public int epoch() {
        return epoch;
    }

    /** The dataset rows of the current epoch in visiting order. */
    public int[] epochOrder() {
        return order.clone();
    }

    /** Starts epoch {@code epoch} from its first batch, e.g. to resume training. */
    public void setEpoch(int epoch) {
        startEpoch(epoch);
    }

    private void startEpoch(int e) {
        cancelAhead();
        epoch = e;
        order = rows.clone();
        if (seed != null) {
            // one generator per (seed, epoch): an epoch's order does not depend on how many epochs ran before it
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + e);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
        }
        nextToSubmit = 0;
        nextToReturn = 0;
        fillAhead();
    }

    private void fillAhead() {
        while (ahead.size() < prefetch && nextToSubmit < batchesPerEpoch()) {
            int from = nextToSubmit * batchSize;
            int[] batchRows = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
            ahead.add(worker.submit(() -> assemble(batchRows)));
            nextToSubmit++;
        }
    }

    private void cancelAhead() {
        ahead.forEach(f -> f.cancel(false));
        ahead.clear();
    }

    /** Builds the batch of the given rows, on whichever thread calls it. */
    public MultiDataSet assemble(int[] batchRows) {
        int b = batchRows.length;
        INDArray[] features = new INDArray[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            int length = Arrays.stream(inputShapes[i]).reduce(1, Math::multiplyExact);
            float[] data = new float[b * length];
            for (int r = 0; r < b; r++) {
                input.read(dataset, batchRows[r], data, r * length);
            }
            long[] shape = new long[inputShapes[i].length + 1];
            shape[0] = b;
            for (int d = 0; d < inputShapes[i].length; d++) {
                shape[d + 1] = inputShapes[i][d];
            }
            features[i] = Nd4j.create(data, shape, 'c');
        }
        int k = dataset.classes().size();
        float[] targets = new float[b * k];
        for (int r = 0; r < b; r++) {
            System.arraycopy(dataset.target(batchRows[r]), 0, targets, r * k, k);
        }
        INDArray labels = Nd4j.create(targets, new long[] {b, k}, 'c');
        return new org.nd4j.linalg.dataset.MultiDataSet(features, new INDArray[] {labels});
    }

    @Override
    public boolean hasNext() {
        return nextToReturn < batchesPerEpoch();
    }

    @Override
    public MultiDataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + epoch + " of " + dataset.name() + " has no more batches; call reset()");
        }
        Future<MultiDataSet> head = ahead.poll();
        nextToReturn++;
        fillAhead();
        MultiDataSet batch;
        try {
            batch = head.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cannot read a batch of " + dataset.name(), cause);
        }
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    @Override
    public MultiDataSet next(int num) {
        throw new UnsupportedOperationException("the batch size is fixed when the iterator is built");
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** False: batches are already prefetched here, DL4J must not wrap this iterator again. */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    /** Moves to the next epoch. */
    @Override
    public void reset() {
        startEpoch(epoch + 1);
    }

    @Override
    public void close() {
        cancelAhead();
        // shutdown, not shutdownNow: an interrupt in the middle of a read closes the dataset's shared file channel
        // (ClosedByInterruptException) for every other reader of the dataset; a batch being assembled just finishes
        worker.shutdown();
    }

    /** Chooses rows, inputs, batch size, shuffling and prefetch depth. */
    public static final class Builder {
        private final EcgDataset dataset;
        private int[] rows;
        private int batchSize = 32;
        private Long seed;
        private List<Input> inputs = List.of(Input.waveform());
        private int prefetch = 2;

        Builder(EcgDataset dataset) {
            this.dataset = dataset;
            this.rows = dataset.allRows();
        }

        /** Rows to iterate over (default: all). */
        public Builder rows(int[] rows) {
            for (int r : rows) {
                if (r < 0 || r >= dataset.size()) {
                    throw new IllegalArgumentException("row " + r + " is outside " + dataset.name() + " (" + dataset.size()
                            + " records)");
                }
            }
            this.rows = rows.clone();
            return this;
        }

        /** Rows of a split named in the metadata ({@code train}, {@code val}, {@code test}). */
        public Builder split(String split) {
            return rows(dataset.rows(split));
        }

        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Shuffles every epoch, reproducibly for this seed. Without it rows come in the order given. */
        public Builder shuffle(long seed) {
            this.seed = seed;
            return this;
        }

        /** Features of each batch, in order (default: the waveform only). */
        public Builder inputs(Input... inputs) {
            return inputs(List.of(inputs));
        }

        public Builder inputs(List<Input> inputs) {
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("a batch needs at least one input");
            }
            this.inputs = List.copyOf(inputs);
            return this;
        }

        /** Batches assembled ahead of use on a background thread (default 2). */
        public Builder prefetch(int batches) {
            if (batches < 1) {
                throw new IllegalArgumentException("prefetch must be at least 1 batch, got " + batches);
            }
            this.prefetch = batches;
            return this;
        }

        public DatasetIterator build() {
            if (rows.length == 0) {
                throw new IllegalArgumentException("no rows to iterate over in " + dataset.name());
            }
            return new DatasetIterator(this);
        }
    }
}
