package org.ecgkit.journal;

import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Input;
import org.ecgkit.model.Branch;
import org.ecgkit.model.EcgModel;
import org.ecgkit.model.HybridModel;
import org.ecgkit.model.ModelInputs;
import org.ecgkit.model.ModelSpec;
import org.ecgkit.train.TrainingConfig;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One training experiment, complete enough to be run again: the data selection (dataset, splits, inputs with their
 * fitted standardisation) and the training config (model, optimisation, seed). Immutable and JSON-serialisable;
 * {@link #run()} trains, evaluates on the test split and records the run in the {@link Journal}.
 *
 * <pre>{@code
 * var run = Experiment.named("baseline-cnn").on(dataset).inputs(Input.waveform()).model(HybridModel.cnn1d())
 *         .training(t -> t.epochs(12).seed(42)).run();
 * run.history();  run.curves();  run.testMetrics();  run.confusionHeatmap();
 * }</pre>
 *
 * <p>The training split is shuffled every epoch with the config's seed, validation and test are read in order, and
 * all three use the config's batch size.
 *
 * @param name     what the researcher calls it; names the run folders {@code <date>-<name>-<n>}
 * @param data     dataset, splits and inputs
 * @param training model and optimisation
 */
public record Experiment(String name, DataSelection data, TrainingConfig training) {

    public Experiment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(training, "training");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an experiment needs a name");
        }
    }

    /** Starts describing an experiment. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Trains, evaluates and records the run in the workspace's journal ({@code runs/}). */
    public Run run() {
        return run(Journal.open());
    }

    /**
     * Trains with checkpoints into a new run folder of {@code journal}, evaluates the best checkpoint on the test
     * split, saves history, metrics and plots, and appends the journal entry. An interrupt ends the run with an
     * entry marked {@link RunStatus#INTERRUPTED} and rethrows the trainer's {@code TrainingInterrupted}; any other
     * error during training is recorded as {@link RunStatus#FAILED} and rethrown.
     */
    public Run run(Journal journal) {
        return new ExperimentRun(this, journal, List.of(), null, null).execute();
    }

    /** The model as training starts it, with the config's initial weights; {@code model().summary()} shows its layers. */
    public EcgModel model() {
        return EcgModel.build(training.model(), training.inputs(), training.networkSettings());
    }

    public String toJson() {
        return Json.PRETTY.toJson(this);
    }

    public static Experiment fromJson(String json) {
        return Json.PRETTY.fromJson(json, Experiment.class);
    }

    /**
     * The experiment in one line, e.g. {@code cnn1d on synthetic-100hz [waveform]: 12 epochs, batch 32, ADAM 0.001,
     * constant rate, seed 42, best by val_macro_f1}.
     */
    public String describe() {
        TrainingConfig t = training;
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s on %s %s: %d epochs, batch %d, %s %s",
                t.model().name(), data.dataset(), data.inputNames(), t.epochs(), t.batchSize(), t.optimiser().kind(),
                number(t.optimiser().learningRate())));
        text.append(", ").append(t.schedule().kind().name().toLowerCase(Locale.ROOT)).append(" rate");
        if (t.l2() > 0) {
            text.append(", L2 ").append(number(t.l2()));
        }
        if (!t.classWeights().isEmpty()) {
            text.append(", class weights ").append(t.classWeights().stream().map(Experiment::number)
                    .collect(Collectors.joining("/")));
        }
        text.append(", dropout ").append(number(t.model().dropout())).append(", seed ").append(t.seed())
                .append(", best by ").append(t.monitor());
        if (t.patience() > 0) {
            text.append(", early stopping after ").append(t.patience());
        }
        return text.toString();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e6 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3g", value);
    }

    @Override
    public String toString() {
        return "Experiment " + name + ": " + describe();
    }

    /** Fluent description of an experiment; {@link #run()} runs it, {@link #build()} only sets it up. */
    public static final class Builder {
        private final String name;
        private EcgDataset dataset;
        private String train = "train";
        private String validation = "val";
        private String test = "test";
        private List<Input> inputs;
        private ModelSpec model;
        private Consumer<TrainingConfig.Builder> training = settings -> { };
        private Journal journal;

        private Builder(String name) {
            this.name = name;
        }

        /** The dataset to train and evaluate on. */
        public Builder on(EcgDataset dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
            return this;
        }

        /** Split names in the metadata's {@code split} column; default {@code train}, {@code val}, {@code test}. */
        public Builder splits(String train, String validation, String test) {
            this.train = train;
            this.validation = validation;
            this.test = test;
            return this;
        }

        /** Model inputs in the model's order: waveform, spectrogram, fft, metadata (those the model reads). */
        public Builder inputs(Input... inputs) {
            this.inputs = List.of(inputs);
            return this;
        }

        /** The architecture, e.g. {@code HybridModel.cnn1d()}. */
        public Builder model(HybridModel.Builder model) {
            return model(model.spec());
        }

        public Builder model(ModelSpec model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Training settings on top of {@link TrainingConfig#builder}'s defaults, e.g. {@code t -> t.epochs(12).seed(42)};
         * applied after those of earlier calls, so a variant of an experiment can change one setting.
         */
        public Builder training(Consumer<TrainingConfig.Builder> settings) {
            this.training = training.andThen(Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /** Where {@link #run()} records the run; default {@link Journal#open()}, the workspace's {@code runs/}. */
        public Builder journal(Journal journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /**
         * The experiment, with the inputs' standardisation fitted on the training split and the model's input sizes
         * taken from the data. Fails, before anything is trained, when the model does not read exactly the inputs
         * given.
         */
        public Experiment build() {
            if (dataset == null || inputs == null || model == null) {
                throw new IllegalStateException("experiment '" + name + "' needs .on(dataset), .inputs(...) and .model(...)"
                        + " before it can run; missing: " + (dataset == null ? "on " : "") + (inputs == null ? "inputs " : "")
                        + (model == null ? "model" : "").trim());
            }
            DataSelection data = DataSelection.of(dataset, train, validation, test, inputs);
            ModelInputs sizes = data.modelInputs(dataset);
            List<String> read = List.of(Branch.values()).stream().filter(model::uses).map(Branch::inputName).toList();
            if (!read.equals(data.inputNames())) {
                throw new IllegalArgumentException("model '" + model.name() + "' reads " + read + " but the inputs are "
                        + data.inputNames() + "; give the inputs the model reads, in the order waveform, spectrogram, "
                        + "fft, metadata");
            }
            TrainingConfig.Builder config = TrainingConfig.builder(sizes, model);
            training.accept(config);
            return new Experiment(name, data, config.build());
        }

        /** Builds the experiment and runs it; see {@link Experiment#run(Journal)}. */
        public Run run() {
            return build().run(journal != null ? journal : Journal.open());
        }
    }
}
