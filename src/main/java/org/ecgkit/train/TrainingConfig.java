package org.ecgkit.train;

import org.ecgkit.model.HybridModel;
import org.ecgkit.model.ModelFile;
import org.ecgkit.model.ModelInputs;
import org.ecgkit.model.ModelSpec;
import org.ecgkit.model.NetworkSettings;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything that decides the result of a training run, as an immutable record that round-trips through JSON:
 * {@code Trainer.fromConfig(TrainingConfig.fromJson(config.toJson()))} trains the same model the same way.
 *
 * @param inputs       data sizes and classes the model is built for
 * @param model        architecture
 * @param epochs       maximum number of epochs
 * @param batchSize    rows per training batch; the data iterator must deliver batches of this size
 * @param optimiser    optimiser and base learning rate
 * @param schedule     learning rate per epoch
 * @param l2           L2 penalty on weights, 0 for none
 * @param classWeights loss weight per class, empty for none
 * @param seed         seed of weight initialisation, dropout and the shuffle of each epoch
 * @param monitor      metric that picks the best checkpoint and drives early stopping, e.g. {@code val_loss}
 * @param goal         whether {@code monitor} should go down or up
 * @param patience     epochs without improvement of {@code monitor} before stopping; 0 never stops early
 */
public record TrainingConfig(ModelInputs inputs, ModelSpec model, int epochs, int batchSize, Optimiser optimiser,
                             LearningRateSchedule schedule, double l2, List<Double> classWeights, long seed,
                             String monitor, Goal goal, int patience) {

    public TrainingConfig {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(optimiser, "optimiser");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(goal, "goal");
        classWeights = List.copyOf(classWeights);
        if (epochs < 1 || batchSize < 1 || patience < 0 || l2 < 0) {
            throw new IllegalArgumentException("need epochs >= 1, batchSize >= 1, patience >= 0, l2 >= 0; got epochs "
                    + epochs + ", batchSize " + batchSize + ", patience " + patience + ", l2 " + l2);
        }
        if (!classWeights.isEmpty() && classWeights.size() != inputs.classes()) {
            throw new IllegalArgumentException(classWeights.size() + " class weights for " + inputs.classes()
                    + " classes " + inputs.classNames());
        }
    }

    /**
     * Defaults: 20 epochs, batch 64, Adam 1e-3, constant rate, no L2, no class weights, seed 42, best checkpoint on
     * {@code val_loss}, no early stopping.
     */
    public static Builder builder(ModelInputs inputs, ModelSpec model) {
        return new Builder(inputs, model);
    }

    /** A builder holding this config's values, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder(inputs, model);
        builder.epochs = epochs;
        builder.batchSize = batchSize;
        builder.optimiser = optimiser;
        builder.schedule = schedule;
        builder.l2 = l2;
        builder.classWeights = classWeights;
        builder.seed = seed;
        builder.monitor = monitor;
        builder.goal = goal;
        builder.patience = patience;
        return builder;
    }

    public String toJson() {
        return ModelFile.JSON.toJson(this);
    }

    public static TrainingConfig fromJson(String json) {
        return ModelFile.JSON.fromJson(json, TrainingConfig.class);
    }

    /** The DL4J network settings this config implies, the updater reading the schedule's rate for each epoch. */
    public NetworkSettings networkSettings() {
        return NetworkSettings.defaults().withSeed(seed)
                .withUpdater(optimiser.updater(schedule.perEpoch(optimiser.learningRate(), epochs))).withL2(l2)
                .withClassWeights(classWeights);
    }

    public static final class Builder {
        private final ModelInputs inputs;
        private ModelSpec model;
        private int epochs = 20;
        private int batchSize = 64;
        private Optimiser optimiser = Optimiser.adam(1e-3);
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private double l2;
        private List<Double> classWeights = List.of();
        private long seed = 42;
        private String monitor = "val_loss";
        private Goal goal = Goal.MINIMISE;
        private int patience;

        private Builder(ModelInputs inputs, ModelSpec model) {
            this.inputs = inputs;
            this.model = model;
        }

        public Builder model(ModelSpec model) {
            this.model = model;
            return this;
        }

        /** Same architecture with another dropout probability. */
        public Builder dropout(double probability) {
            this.model = HybridModel.Builder.from(model).dropout(probability).spec();
            return this;
        }

        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder optimiser(Optimiser optimiser) {
            this.optimiser = optimiser;
            return this;
        }

        public Builder schedule(LearningRateSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        public Builder l2(double l2) {
            this.l2 = l2;
            return this;
        }

        public Builder classWeights(double... weights) {
            this.classWeights = Arrays.stream(weights).boxed().toList();
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Metric for the best checkpoint and early stopping; its goal follows the name ("loss": minimise). */
        public Builder monitor(String metric) {
            return monitor(metric, Goal.of(metric));
        }

        public Builder monitor(String metric, Goal goal) {
            this.monitor = metric;
            this.goal = goal;
            return this;
        }

        /** Stop after {@code epochs} epochs without improvement of the monitored metric (0: never). */
        public Builder earlyStopping(int patience) {
            this.patience = patience;
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(inputs, model, epochs, batchSize, optimiser, schedule, l2, classWeights, seed,
                    monitor, goal, patience);
        }
    }
}
