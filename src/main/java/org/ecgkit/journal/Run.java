package org.ecgkit.journal;

import org.ecgkit.eval.Evaluation;
import org.ecgkit.model.EcgModel;
import org.ecgkit.train.Checkpoint;
import org.ecgkit.train.EpochResult;
import org.ecgkit.train.TrainingCurves;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A recorded training run: its journal entry and its folder {@code runs/<date>-<name>-<n>/}, which holds
 * {@value #EXPERIMENT}, {@value #DATA}, {@value #ENVIRONMENT}, {@value #RECORD} (entry and history),
 * {@value #HISTORY}, {@value #PREDICTIONS}, the checkpoints {@code best.zip} and {@code last.zip}, and the plots
 * {@value #CURVES_PNG}, {@value #CONFUSION_PNG} and {@value #ROC_PNG}.
 */
public final class Run {

    static final String EXPERIMENT = "experiment.json";
    static final String DATA = "data.json";
    static final String ENVIRONMENT = "environment.json";
    static final String RECORD = "run.json";
    static final String HISTORY = "history.csv";
    static final String PREDICTIONS = "test-predictions.csv";
    static final String CURVES_PNG = "training-curves.png";
    static final String CONFUSION_PNG = "confusion-matrix.png";
    static final String ROC_PNG = "roc.png";

    private final Path journalDirectory;
    private final RunRecord record;
    private List<EpochResult> history;
    private Evaluation evaluation;

    Run(Path journalDirectory, RunRecord record) {
        this.journalDirectory = journalDirectory;
        this.record = record;
        this.history = record.history();
    }

    /** Reads a run from its folder's {@value #RECORD}. */
    public static Run load(Path folder) {
        Path file = folder.resolve(RECORD);
        try {
            RunRecord record = Json.LINE.fromJson(Files.readString(file), RunRecord.class);
            return new Run(folder.toAbsolutePath().getParent(), record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run " + file, e);
        }
    }

    RunRecord record() {
        return record;
    }

    /** The run folder's name, {@code <date>-<name>-<n>}. */
    public String id() {
        return record.id();
    }

    public String name() {
        return record.name();
    }

    public RunStatus status() {
        return record.status();
    }

    /** Why it stopped early, was interrupted or failed; empty when it completed. */
    public String message() {
        return record.message() == null ? "" : record.message();
    }

    public Path folder() {
        return journalDirectory.resolve(record.id());
    }

    /** The journal this run was recorded in. */
    public Journal journal() {
        return Journal.open(journalDirectory);
    }

    public Experiment experiment() {
        return record.experiment();
    }

    public DataFingerprint data() {
        return record.data();
    }

    public RunEnvironment environment() {
        return record.environment();
    }

    public OffsetDateTime started() {
        return OffsetDateTime.parse(record.started());
    }

    /** Wall time of the run in seconds, training and evaluation. */
    public double seconds() {
        return record.seconds();
    }

    /** The id of the run this one repeated, if it is a rerun. */
    public String rerunOf() {
        return record.rerunOf();
    }

    /** One row per epoch: epoch, train_loss, val_loss, val_..., lr, seconds, samples_per_s (as the trainer's). */
    public Table history() {
        List<EpochResult> epochs = epochs();
        Set<String> names = new LinkedHashSet<>();
        epochs.forEach(epoch -> names.addAll(epoch.values().keySet()));
        Table table = Table.create(id() + " training history",
                IntColumn.create("epoch", epochs.stream().mapToInt(EpochResult::epoch).toArray()));
        for (String name : names) {
            table.addColumns(DoubleColumn.create(name, epochs.stream().mapToDouble(epoch -> epoch.value(name))));
        }
        return table;
    }

    /** The epochs, read from {@value #RECORD} when the run came from the journal. */
    public List<EpochResult> epochs() {
        if (history == null) {
            history = load(folder()).record.history();
        }
        return history == null ? List.of() : history;
    }

    /** Training and validation loss per epoch, and the monitored metric (or validation accuracy) on a second axis. */
    public XYChart curves() {
        return TrainingCurves.plot(history(), experiment().training().monitor());
    }

    /** The test metrics of the best checkpoint (metric, value): accuracy, macro F1, macro AUROC... */
    public Table testMetrics() {
        requireEvaluated();
        Map<String, Double> metrics = record.testMetrics();
        return Table.create(id() + " test metrics (best checkpoint, epoch " + record.bestEpoch() + ")",
                StringColumn.create("metric", metrics.keySet()), DoubleColumn.create("value", metrics.values()));
    }

    /** Test metric {@code name} (a key of {@code Evaluation.scalars()}, e.g. {@code macro_f1}); NaN when not evaluated. */
    public double testMetric(String name) {
        Double value = record.testMetrics() == null ? null : record.testMetrics().get(name);
        return value == null ? Double.NaN : value;
    }

    /** The test F1 of one class; NaN when not evaluated. */
    public double testF1(String className) {
        Double value = record.testF1() == null ? null : record.testF1().get(className);
        return value == null ? Double.NaN : value;
    }

    /** Precision, recall, F1, support, AUROC and average precision of each class on the test split. */
    public Table perClass() {
        return evaluation().perClass().setName(id() + " per class (test split)");
    }

    /** Counts of true against predicted classes on the test split, as a heat map. */
    public HeatMapChart confusionHeatmap() {
        return evaluation().confusionHeatmap();
    }

    /** One-vs-rest ROC curves on the test split; all classes when none are named. */
    public XYChart rocChart(String... classes) {
        return evaluation().rocChart(classes);
    }

    /** The test-split evaluation of the best checkpoint, rebuilt from {@value #PREDICTIONS}. */
    public Evaluation evaluation() {
        requireEvaluated();
        if (evaluation == null) {
            evaluation = Predictions.read(folder().resolve(PREDICTIONS), experiment().training().inputs().task());
        }
        return evaluation;
    }

    void evaluation(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    /** The checkpoint of the best epoch. */
    public Path bestCheckpoint() {
        return folder().resolve(Checkpoint.BEST);
    }

    /** The model of the best epoch, for predictions. */
    public EcgModel bestModel() {
        try {
            return EcgModel.load(bestCheckpoint());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the best checkpoint of run " + id(), e);
        }
    }

    private void requireEvaluated() {
        if (!record.status().evaluated()) {
            throw new IllegalStateException("run " + id() + " was " + record.status().label()
                    + (record.message() != null ? " (" + record.message() + ")" : "") + " and has no test metrics");
        }
    }

    /** Run time as people read it: {@code 42 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(record.status().label() + " in " + duration(record.seconds()));
        parts.add(record.epochs() + " epochs" + (record.bestEpoch() != null ? ", best epoch " + record.bestEpoch() : ""));
        if (record.status().evaluated()) {
            parts.add(String.format(Locale.ROOT, "test accuracy %.3f, macro F1 %.3f, macro AUROC %.3f",
                    testMetric("accuracy"), testMetric("macro_f1"), testMetric("macro_auroc")));
        }
        if (record.message() != null) {
            parts.add(record.message());
        }
        return "Run " + id() + " (" + experiment().training().model().name() + "): " + String.join("; ", parts)
                + "; folder " + folder();
    }
}
