package org.ecgkit.train;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.Objects;

/**
 * The optimiser and its base learning rate (the schedule scales it per epoch).
 *
 * @param kind         algorithm
 * @param learningRate base learning rate
 * @param momentum     momentum of {@link Kind#NESTEROVS}; ignored otherwise
 */
public record Optimiser(Kind kind, double learningRate, double momentum) {

    public enum Kind { ADAM, NADAM, SGD, NESTEROVS, RMSPROP }

    public Optimiser {
        Objects.requireNonNull(kind, "kind");
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }

    public static Optimiser adam(double learningRate) {
        return new Optimiser(Kind.ADAM, learningRate, 0);
    }

    public static Optimiser nadam(double learningRate) {
        return new Optimiser(Kind.NADAM, learningRate, 0);
    }

    public static Optimiser sgd(double learningRate) {
        return new Optimiser(Kind.SGD, learningRate, 0);
    }

    public static Optimiser nesterovs(double learningRate, double momentum) {
        return new Optimiser(Kind.NESTEROVS, learningRate, momentum);
    }

    public static Optimiser rmsProp(double learningRate) {
        return new Optimiser(Kind.RMSPROP, learningRate, 0);
    }

    /**
     * The DL4J updater with its learning rate taken from {@code rates} (one per epoch: see
     * {@link LearningRateSchedule#perEpoch}), DL4J's defaults for everything else.
     */
    public IUpdater updater(ISchedule rates) {
        return switch (kind) {
            case ADAM -> new Adam(rates);
            case NADAM -> new Nadam(rates);
            case SGD -> new Sgd(rates);
            case NESTEROVS -> new Nesterovs(rates, momentum);
            case RMSPROP -> new RmsProp(rates);
        };
    }
}
