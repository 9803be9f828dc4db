package org.ecgkit.train;

import org.ecgkit.model.Branch;
import org.ecgkit.model.ModelInputs;
import org.ecgkit.data.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * In-memory batches of learnable synthetic data: each input is Gaussian noise plus a fixed random pattern per class
 * (the sum of the patterns of the record's classes when multi-label). Like the data layer's DatasetIterator, each
 * epoch (counted from 0) has its own order from (seed, epoch), and {@link #reset()} moves to the next epoch.
 */
final class SyntheticBatches implements MultiDataSetIterator, EpochAware {

    private static final long PATTERN_SEED = 20_241_123L;

    private final INDArray[] features;
    private final INDArray labels;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;
    private List<Integer> order;
    private int epoch;
    private int cursor;
    private MultiDataSetPreProcessor preProcessor;

    private SyntheticBatches(INDArray[] features, INDArray labels, int batchSize, long seed, boolean shuffle) {
        this.features = features;
        this.labels = labels;
        this.batchSize = batchSize;
        this.seed = seed;
        this.shuffle = shuffle;
        setEpoch(0);
    }

    /**
     * Records for the inputs {@code used} (in that order) of {@code inputs}. The class patterns come from a fixed
     * seed, so sets made with different {@code seed}s (noise, labels, shuffle) are draws of one problem.
     */
    static SyntheticBatches of(ModelInputs inputs, List<Branch> used, int records, int batchSize, long seed, boolean shuffle) {
        Random random = new Random(seed);
        int classes = inputs.classes();
        double[][] y = new double[records][classes];
        for (int i = 0; i < records; i++) {
            if (inputs.task() == Task.MULTICLASS) {
                y[i][i % classes] = 1;
            } else {
                for (int c = 0; c < classes; c++) {
                    y[i][c] = random.nextBoolean() ? 1 : 0;
                }
            }
        }
        INDArray labels = Nd4j.create(y).castTo(DataType.FLOAT);
        INDArray[] features = new INDArray[used.size()];
        for (int k = 0; k < used.size(); k++) {
            long[] shape = inputs.shape(used.get(k)).clone();
            shape[0] = records;
            long[] patternShape = shape.clone();
            patternShape[0] = classes;
            Nd4j.getRandom().setSeed(PATTERN_SEED + k);
            INDArray patterns = Nd4j.randn(DataType.FLOAT, patternShape);
            INDArray signal = labels.mmul(patterns.reshape(classes, -1)).reshape(shape);
            Nd4j.getRandom().setSeed(seed * 31 + k);
            features[k] = Nd4j.randn(DataType.FLOAT, shape).muli(0.5).addi(signal);
        }
        return new SyntheticBatches(features, labels, batchSize, seed, shuffle);
    }

    /** The same data with features replaced, e.g. of a wrong shape. */
    static SyntheticBatches withFeatures(INDArray[] features, INDArray labels, int batchSize) {
        return new SyntheticBatches(features, labels, batchSize, 0, false);
    }

    INDArray[] features() {
        return features;
    }

    INDArray labels() {
        return labels;
    }

    /** All records as one batch. */
    org.nd4j.linalg.dataset.MultiDataSet all() {
        return new org.nd4j.linalg.dataset.MultiDataSet(features, new INDArray[]{labels});
    }

    @Override
    public void setEpoch(int epoch) {
        this.epoch = epoch;
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(0); i++) {
            rows.add(i);
        }
        if (shuffle) {
            Collections.shuffle(rows, new Random(seed * 7919 + epoch));
        }
        order = rows;
        cursor = 0;
    }

    @Override
    public MultiDataSet next(int num) {
        int end = (int) Math.min(cursor + num, labels.size(0));
        long[] rows = order.subList(cursor, end).stream().mapToLong(Integer::longValue).toArray();
        cursor = end;
        INDArray[] batchFeatures = new INDArray[features.length];
        for (int k = 0; k < features.length; k++) {
            batchFeatures[k] = features[k].get(NDArrayIndex.indices(rows)).dup();
        }
        var batch = new org.nd4j.linalg.dataset.MultiDataSet(batchFeatures,
                new INDArray[]{labels.get(NDArrayIndex.indices(rows)).dup()});
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    @Override
    public MultiDataSet next() {
        return next(batchSize);
    }

    @Override
    public boolean hasNext() {
        return cursor < labels.size(0);
    }

    @Override
    public void reset() {
        setEpoch(epoch + 1);
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }
}
