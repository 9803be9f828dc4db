package org.ecgkit.model;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.List;
import java.util.Objects;

/**
 * What a DL4J network needs besides its architecture: weight-init seed, updater, L2, class weights of the loss and the
 * DL4J execution switches. The trainer derives this from its configuration; {@link #defaults()} serves models built
 * only to be inspected.
 *
 * @param seed          seed of the weight initialisation
 * @param updater       optimiser with its learning rate
 * @param l2            L2 penalty on weights (not biases); 0 for none
 * @param classWeights  per-class weight of the loss, empty for none
 * @param workspaceMode DL4J workspace mode for training and inference
 * @param cacheMode     DL4J cache mode
 * @param dataType      parameter and activation type
 */
public record NetworkSettings(long seed, IUpdater updater, double l2, List<Double> classWeights,
                             WorkspaceMode workspaceMode, CacheMode cacheMode, DataType dataType) {

    public NetworkSettings {
        Objects.requireNonNull(updater, "updater");
        Objects.requireNonNull(workspaceMode, "workspaceMode");
        Objects.requireNonNull(cacheMode, "cacheMode");
        Objects.requireNonNull(dataType, "dataType");
        classWeights = List.copyOf(classWeights);
        if (l2 < 0) {
            throw new IllegalArgumentException("l2 must be >= 0, got " + l2);
        }
    }

    /** Adam 1e-3, seed 0, no L2, no class weights, workspaces on, float32. */
    public static NetworkSettings defaults() {
        return new NetworkSettings(0, new Adam(1e-3), 0, List.of(), WorkspaceMode.ENABLED, CacheMode.NONE, DataType.FLOAT);
    }

    public NetworkSettings withSeed(long seed) {
        return new NetworkSettings(seed, updater, l2, classWeights, workspaceMode, cacheMode, dataType);
    }

    public NetworkSettings withUpdater(IUpdater updater) {
        return new NetworkSettings(seed, updater, l2, classWeights, workspaceMode, cacheMode, dataType);
    }

    public NetworkSettings withL2(double l2) {
        return new NetworkSettings(seed, updater, l2, classWeights, workspaceMode, cacheMode, dataType);
    }

    public NetworkSettings withClassWeights(List<Double> classWeights) {
        return new NetworkSettings(seed, updater, l2, classWeights, workspaceMode, cacheMode, dataType);
    }

    public NetworkSettings withWorkspaceMode(WorkspaceMode workspaceMode) {
        return new NetworkSettings(seed, updater, l2, classWeights, workspaceMode, cacheMode, dataType);
    }

    public NetworkSettings withCacheMode(CacheMode cacheMode) {
        return new NetworkSettings(seed, updater, l2, classWeights, workspaceMode, cacheMode, dataType);
    }

    public NetworkSettings withDataType(DataType dataType) {
        return new NetworkSettings(seed, updater, l2, classWeights, workspaceMode, cacheMode, dataType);
    }
}
