package org.ecgkit.train;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Learning rate per epoch as a multiple of the optimiser's base rate. The rate is set at the start of each epoch, so
 * a resumed run sees the same rates as an uninterrupted one.
 *
 * @param kind        shape of the schedule
 * @param factor      decay factor of {@link Kind#STEP} and {@link Kind#EXPONENTIAL}
 * @param everyEpochs step length of {@link Kind#STEP}
 * @param minimum     final rate of {@link Kind#COSINE}, as a fraction of the base rate
 */
public record LearningRateSchedule(Kind kind, double factor, int everyEpochs, double minimum) {

    public enum Kind {
        /** The base rate throughout. */
        CONSTANT,
        /** base · factor^⌊(epoch−1) / everyEpochs⌋ */
        STEP,
        /** base · factor^(epoch−1) */
        EXPONENTIAL,
        /** From base down to base · minimum along half a cosine over all epochs. */
        COSINE
    }

    public LearningRateSchedule {
        Objects.requireNonNull(kind, "kind");
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("schedule factor must be in (0, 1], got " + factor);
        }
        if (everyEpochs < 1) {
            throw new IllegalArgumentException("schedule step must be >= 1 epoch, got " + everyEpochs);
        }
        if (!(minimum >= 0 && minimum <= 1)) {
            throw new IllegalArgumentException("cosine minimum is a fraction of the base rate in [0, 1], got " + minimum);
        }
    }

    public static LearningRateSchedule constant() {
        return new LearningRateSchedule(Kind.CONSTANT, 1, 1, 0);
    }

    /** Multiplies the rate by {@code factor} every {@code everyEpochs} epochs. */
    public static LearningRateSchedule step(int everyEpochs, double factor) {
        return new LearningRateSchedule(Kind.STEP, factor, everyEpochs, 0);
    }

    /** Multiplies the rate by {@code factor} every epoch. */
    public static LearningRateSchedule exponential(double factor) {
        return new LearningRateSchedule(Kind.EXPONENTIAL, factor, 1, 0);
    }

    /** Cosine annealing from the base rate to {@code minimum} × base at the last epoch. */
    public static LearningRateSchedule cosine(double minimum) {
        return new LearningRateSchedule(Kind.COSINE, 1, 1, minimum);
    }

    /**
     * The rates of all {@code epochs} as a DL4J schedule keyed by DL4J's epoch count (0-based), for the updater to
     * read each step. Set this way rather than by {@code ComputationGraph.setLearningRate} between epochs, which
     * rebuilds the updater state and fails (M2.1) once a BatchNorm layer, whose running statistics have no updater
     * state, has trained for an epoch.
     */
    public ISchedule perEpoch(double base, int epochs) {
        Map<Integer, Double> rates = new HashMap<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            rates.put(epoch - 1, rate(base, epoch, epochs));
        }
        return new MapSchedule(ScheduleType.EPOCH, rates);
    }

    /** The rate of epoch {@code epoch} (1-based) of {@code epochs}. */
    public double rate(double base, int epoch, int epochs) {
        int done = epoch - 1;
        return switch (kind) {
            case CONSTANT -> base;
            case STEP -> base * Math.pow(factor, done / everyEpochs);
            case EXPONENTIAL -> base * Math.pow(factor, done);
            case COSINE -> {
                double progress = epochs <= 1 ? 0 : (double) done / (epochs - 1);
                yield base * (minimum + (1 - minimum) * (1 + Math.cos(Math.PI * progress)) / 2);
            }
        };
    }
}
