package org.ecgkit.eval;

import org.ecgkit.data.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Metrics of one set of predictions against the truth, computed once and immutable.
 *
 * <pre>{@code
 * Evaluation eval = Evaluation.multiclass(truth, probabilities, List.of("N", "A", "O", "~"));
 * eval.perClass();             // Table: class, precision, recall, f1, support, auroc, average_precision, note
 * eval.meanF1("N", "A", "O");  // the CinC 2017 challenge score
 * eval.confusionHeatmap();     // chart, counts in the cells
 * }</pre>
 *
 * <p>Conventions, chosen to match scikit-learn 1.2 where it gives an answer:
 * <ul>
 * <li>Multi-class prediction is the argmax of each row (the first maximum on a tie, as numpy); multi-label
 * predicts class k when its score is at least its threshold ({@value Thresholds#DEFAULT} unless given).</li>
 * <li>Precision, recall and F1 are 0 where their denominator is 0 (sklearn's default {@code zero_division}).
 * Macro averages run over all classes named, as sklearn with {@code labels=range(K)}, so a class absent from
 * both truth and predictions counts as F1 0.</li>
 * <li>Accuracy is the share of samples whose whole prediction is right: for multi-label tasks this is
 * sklearn's subset accuracy.</li>
 * <li>AUROC is exact and tie-aware (Mann–Whitney with midranks), per class one-vs-rest, on the raw scores, so
 * scores need not sum to 1; its macro average equals sklearn's
 * {@code roc_auc_score(multi_class='ovr', average='macro')} where that applies. Average precision is sklearn's
 * step-wise {@code average_precision_score}.</li>
 * <li>AUROC is NaN for a class whose truth has only one label value (sklearn raises) and average precision is
 * NaN for a class without positives (sklearn reports 0 with a warning); both macro averages leave NaN classes
 * out, and the class's {@code note} says so.</li>
 * </ul>
 */
public final class Evaluation {

    /** Column names of a multi-label confusion row, in sklearn's order. */
    static final List<String> MULTILABEL_CELLS = List.of("tn", "fp", "fn", "tp");

    private final Task task;
    private final List<String> classNames;
    private final int[][] truthByClass;
    private final double[][] scoresByClass;
    private final double[] thresholds;
    private final int[][] confusion;
    private final double accuracy;
    private final List<ClassMetrics> perClass;
    private final Map<String, Double> scalars;

    private Evaluation(Task task, List<String> classNames, int[][] truthByClass, double[][] scoresByClass,
                       double[] thresholds, int[][] confusion, Counts[] counts, double accuracy) {
        this.task = task;
        this.classNames = classNames;
        this.truthByClass = truthByClass;
        this.scoresByClass = scoresByClass;
        this.thresholds = thresholds;
        this.confusion = confusion;
        this.accuracy = accuracy;
        List<ClassMetrics> metrics = new ArrayList<>();
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int k = 0; k < classNames.size(); k++) {
            metrics.add(classMetrics(classNames.get(k), counts[k], BinaryRanking.of(truthByClass[k], scoresByClass[k])));
            tp += counts[k].truePositives();
            fp += counts[k].falsePositives();
            fn += counts[k].falseNegatives();
        }
        this.perClass = List.copyOf(metrics);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("accuracy", accuracy);
        values.put("macro_precision", mean(ClassMetrics::precision));
        values.put("macro_recall", mean(ClassMetrics::recall));
        values.put("macro_f1", mean(ClassMetrics::f1));
        values.put("micro_f1", new Counts(tp, fp, fn, 0).f1().toDouble());
        values.put("weighted_f1", supportWeighted(ClassMetrics::f1));
        values.put("macro_auroc", mean(ClassMetrics::auroc));
        values.put("macro_average_precision", mean(ClassMetrics::averagePrecision));
        this.scalars = Collections.unmodifiableMap(values);
    }

    /**
     * @param truth         class index per sample, 0..K-1
     * @param probabilities scores {@code [samples][K]}: probabilities or any finite scores (logits work too)
     * @param classNames    the K class names, in column order
     */
    public static Evaluation multiclass(int[] truth, double[][] probabilities, List<String> classNames) {
        List<String> names = Inputs.classNames(classNames);
        int[] labels = Inputs.multiclassTruth(truth, names);
        double[][] scores = Inputs.scoresByClass(probabilities, labels.length, names);
        int classes = names.size();
        int[][] confusion = new int[classes][classes];
        int[][] oneHot = new int[classes][labels.length];
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int predicted = 0;
            for (int k = 1; k < classes; k++) {
                if (scores[k][i] > scores[predicted][i]) {
                    predicted = k;
                }
            }
            confusion[labels[i]][predicted]++;
            oneHot[labels[i]][i] = 1;
            correct += labels[i] == predicted ? 1 : 0;
        }
        Counts[] counts = new Counts[classes];
        for (int k = 0; k < classes; k++) {
            int tp = confusion[k][k];
            int support = Arrays.stream(confusion[k]).sum();
            int predictedAsK = 0;
            for (int[] row : confusion) {
                predictedAsK += row[k];
            }
            counts[k] = new Counts(tp, predictedAsK - tp, support - tp, labels.length - support - predictedAsK + tp);
        }
        return new Evaluation(Task.MULTICLASS, names, oneHot, scores, null, confusion, counts,
                (double) correct / labels.length);
    }

    /** Multi-label evaluation with every threshold at {@value Thresholds#DEFAULT}. */
    public static Evaluation multilabel(int[][] truth, double[][] probabilities, List<String> classNames) {
        double[] defaults = new double[classNames.size()];
        Arrays.fill(defaults, Thresholds.DEFAULT);
        return multilabel(truth, probabilities, classNames, defaults);
    }

    /** Multi-label evaluation with thresholds tuned on validation; they must have been tuned for these classes. */
    public static Evaluation multilabel(int[][] truth, double[][] probabilities, List<String> classNames,
                                        Thresholds thresholds) {
        Objects.requireNonNull(thresholds, "thresholds");
        return multilabel(truth, probabilities, classNames, thresholds.valuesFor(Inputs.classNames(classNames)));
    }

    /**
     * @param truth         0/1 per sample and class, {@code [samples][K]}
     * @param probabilities scores {@code [samples][K]}
     * @param classNames    the K class names, in column order
     * @param thresholds    one per class; class k is predicted when its score is at least {@code thresholds[k]}
     */
    public static Evaluation multilabel(int[][] truth, double[][] probabilities, List<String> classNames,
                                        double[] thresholds) {
        List<String> names = Inputs.classNames(classNames);
        int[][] truthByClass = Inputs.multilabelTruthByClass(truth, names);
        int samples = truth.length;
        double[][] scores = Inputs.scoresByClass(probabilities, samples, names);
        double[] cuts = Inputs.thresholds(thresholds, names);
        int classes = names.size();
        boolean[] rowCorrect = new boolean[samples];
        Arrays.fill(rowCorrect, true);
        int[][] confusion = new int[classes][];
        Counts[] counts = new Counts[classes];
        for (int k = 0; k < classes; k++) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < samples; i++) {
                boolean predicted = scores[k][i] >= cuts[k];
                boolean actual = truthByClass[k][i] == 1;
                tp += predicted && actual ? 1 : 0;
                fp += predicted && !actual ? 1 : 0;
                fn += !predicted && actual ? 1 : 0;
                rowCorrect[i] &= predicted == actual;
            }
            int tn = samples - tp - fp - fn;
            confusion[k] = new int[] {tn, fp, fn, tp};
            counts[k] = new Counts(tp, fp, fn, tn);
        }
        int correct = 0;
        for (boolean ok : rowCorrect) {
            correct += ok ? 1 : 0;
        }
        return new Evaluation(Task.MULTILABEL, names, truthByClass, scores, cuts, confusion, counts,
                (double) correct / samples);
    }

    private static ClassMetrics classMetrics(String name, Counts counts, BinaryRanking ranking) {
        StringJoiner note = new StringJoiner("; ");
        if (counts.positives() == 0) {
            note.add("no positives in truth: recall 0, AUROC and AP undefined");
        } else if (counts.negatives() == 0) {
            note.add("no negatives in truth: AUROC undefined");
        }
        if (counts.predictedPositives() == 0) {
            note.add("never predicted: precision 0");
        }
        return new ClassMetrics(name, counts.precision(), counts.recall(), counts.f1().toDouble(),
                Math.toIntExact(counts.positives()), ranking.auroc(), ranking.averagePrecision(), note.toString());
    }

    /** Mean over classes, leaving NaN classes out; NaN when every class is NaN. */
    private double mean(ToDoubleFunction<ClassMetrics> metric) {
        return perClass.stream().mapToDouble(metric).filter(value -> !Double.isNaN(value)).average()
                .orElse(Double.NaN);
    }

    /** Mean over classes weighted by support; 0 when no class has any (sklearn's zero_division). */
    private double supportWeighted(ToDoubleFunction<ClassMetrics> metric) {
        long support = perClass.stream().mapToLong(ClassMetrics::support).sum();
        return support == 0 ? 0.0
                : perClass.stream().mapToDouble(metrics -> metric.applyAsDouble(metrics) * metrics.support()).sum()
                / support;
    }

    public Task task() {
        return task;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int samples() {
        return truthByClass[0].length;
    }

    /** Share of samples predicted entirely right (multi-label: every label right, sklearn's subset accuracy). */
    public double accuracy() {
        return accuracy;
    }

    public double macroPrecision() {
        return scalars.get("macro_precision");
    }

    public double macroRecall() {
        return scalars.get("macro_recall");
    }

    public double macroF1() {
        return scalars.get("macro_f1");
    }

    /** F1 of the pooled counts of all classes; equals accuracy for a multi-class task. */
    public double microF1() {
        return scalars.get("micro_f1");
    }

    /** Per-class F1 averaged with the classes' support as weights. */
    public double weightedF1() {
        return scalars.get("weighted_f1");
    }

    /** Mean one-vs-rest AUROC over the classes where it is defined. */
    public double macroAuroc() {
        return scalars.get("macro_auroc");
    }

    /** Mean average precision over the classes that have positives. */
    public double macroAveragePrecision() {
        return scalars.get("macro_average_precision");
    }

    /**
     * Mean F1 of the named classes, e.g. {@code meanF1("N", "A", "O")} for the PhysioNet/CinC 2017 score,
     * which leaves the noisy class out.
     */
    public double meanF1(String... classes) {
        if (classes.length == 0) {
            throw new IllegalArgumentException("name at least one class; classes are " + classNames);
        }
        Set<String> seen = new HashSet<>();
        double sum = 0;
        for (String name : classes) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("class '" + name + "' is named twice in " + Arrays.toString(classes));
            }
            sum += classMetrics(name).f1();
        }
        return sum / classes.length;
    }

    /**
     * Several models' evaluations on the same data side by side, best first: one row per model with the mean F1 of
     * {@code meanOf} (e.g. {@code "N", "A", "O"}, the CinC 2017 score), the F1 of every class, and accuracy. Rows are
     * sorted by that mean, highest first, so the order of the map does not matter.
     *
     * <pre>{@code
     * Evaluation.f1Table(Map.of("waveform", waveformTest, "hybrid", hybridTest), "N", "A", "O")
     * }</pre>
     */
    public static Table f1Table(Map<String, Evaluation> evaluations, String... meanOf) {
        if (evaluations.isEmpty()) {
            throw new IllegalArgumentException("no evaluations to compare");
        }
        List<String> classes = evaluations.values().iterator().next().classNames;
        evaluations.forEach((name, evaluation) -> {
            if (!evaluation.classNames.equals(classes)) {
                throw new IllegalArgumentException("evaluation '" + name + "' has classes " + evaluation.classNames
                        + " but another has " + classes);
            }
        });
        List<Map.Entry<String, Evaluation>> rows = new ArrayList<>(evaluations.entrySet());
        rows.sort((a, b) -> Double.compare(b.getValue().meanF1(meanOf), a.getValue().meanF1(meanOf)));
        String mean = "mean_f1_" + String.join("", meanOf);
        Table table = Table.create("F1 by model (mean of " + String.join(", ", meanOf) + ")",
                StringColumn.create("model", rows.stream().map(Map.Entry::getKey)),
                DoubleColumn.create(mean, rows.stream().mapToDouble(e -> e.getValue().meanF1(meanOf))));
        for (String name : classes) {
            table.addColumns(DoubleColumn.create("f1_" + name,
                    rows.stream().mapToDouble(e -> e.getValue().classMetrics(name).f1())));
        }
        return table.addColumns(DoubleColumn.create("accuracy", rows.stream().mapToDouble(e -> e.getValue().accuracy())),
                IntColumn.create("samples", rows.stream().mapToInt(e -> e.getValue().samples())));
    }

    /**
     * The key metrics under stable snake_case names, in a fixed order: accuracy, macro_precision, macro_recall,
     * macro_f1, micro_f1, weighted_f1, macro_auroc, macro_average_precision. A fresh map each call, ready to be
     * a row of a history table.
     */
    public LinkedHashMap<String, Double> scalars() {
        return new LinkedHashMap<>(scalars);
    }

    public List<ClassMetrics> classMetrics() {
        return perClass;
    }

    public ClassMetrics classMetrics(String className) {
        return perClass.get(indexOf(className));
    }

    /** Thresholds used for a multi-label task (a copy). */
    public double[] thresholds() {
        if (thresholds == null) {
            throw new IllegalStateException("a multi-class evaluation predicts the argmax and has no thresholds");
        }
        return thresholds.clone();
    }

    /**
     * One row per class: class, precision, recall, f1, support, auroc, average_precision, then threshold for a
     * multi-label task, and note. Undefined values are NaN, which Tablesaw shows as missing.
     */
    public Table perClass() {
        Table table = Table.create("Per-class metrics (" + describe() + ")",
                StringColumn.create("class", classNames),
                column("precision", ClassMetrics::precision),
                column("recall", ClassMetrics::recall),
                column("f1", ClassMetrics::f1),
                IntColumn.create("support", perClass.stream().mapToInt(ClassMetrics::support).toArray()),
                column("auroc", ClassMetrics::auroc),
                column("average_precision", ClassMetrics::averagePrecision));
        if (thresholds != null) {
            table.addColumns(DoubleColumn.create("threshold", thresholds));
        }
        return table.addColumns(StringColumn.create("note", perClass.stream().map(ClassMetrics::note)));
    }

    /** Two columns, metric and value: {@link #scalars()} as a table. */
    public Table summary() {
        return Table.create("Summary (" + describe() + ")",
                StringColumn.create("metric", scalars.keySet()),
                DoubleColumn.create("value", scalars.values()));
    }

    /**
     * Multi-class: K×K counts, rows the true class, columns the predicted class. Multi-label: K×4 counts per
     * class, columns TN, FP, FN, TP (sklearn's {@code multilabel_confusion_matrix} flattened). A copy.
     */
    public int[][] confusionCounts() {
        return Arrays.stream(confusion).map(int[]::clone).toArray(int[][]::new);
    }

    /** {@link #confusionCounts()} as a table whose first column names the true class. */
    public Table confusionMatrix() {
        boolean multiclass = task == Task.MULTICLASS;
        Table table = Table.create(multiclass ? "Confusion matrix (rows: truth, columns: predicted)"
                : "Confusion counts per class", StringColumn.create(multiclass ? "truth" : "class", classNames));
        List<String> columns = multiclass ? classNames : MULTILABEL_CELLS;
        for (int c = 0; c < columns.size(); c++) {
            int column = c;
            table.addColumns(IntColumn.create(columns.get(c), Arrays.stream(confusion).mapToInt(row -> row[column])));
        }
        return table;
    }

    /** The one-vs-rest ROC curve of a class, every distinct score kept. */
    public RocCurve rocCurve(String className) {
        return ranking(className).rocCurve();
    }

    public PrecisionRecallCurve precisionRecallCurve(String className) {
        return ranking(className).precisionRecallCurve();
    }

    /** Heatmap of {@link #confusionCounts()} with the count in each cell. */
    public HeatMapChart confusionHeatmap() {
        return EvaluationCharts.confusionHeatmap(this, false);
    }

    /**
     * Heatmap normalised by the truth: each multi-class row sums to 1 (per-class recall on the diagonal); for a
     * multi-label task TN and FP are shares of the negatives, FN and TP of the positives.
     */
    public HeatMapChart normalisedConfusionHeatmap() {
        return EvaluationCharts.confusionHeatmap(this, true);
    }

    /** ROC curves, one-vs-rest, of the named classes (all when none are named), AUC in the legend. */
    public XYChart rocChart(String... classes) {
        return EvaluationCharts.rocChart(this, chartClasses(classes));
    }

    /** Precision–recall curves of the named classes (all when none are named), average precision in the legend. */
    public XYChart precisionRecallChart(String... classes) {
        return EvaluationCharts.precisionRecallChart(this, chartClasses(classes));
    }

    private List<String> chartClasses(String... classes) {
        List<String> chosen = classes.length == 0 ? classNames : List.of(classes);
        chosen.forEach(this::indexOf);
        return chosen;
    }

    private BinaryRanking ranking(String className) {
        int k = indexOf(className);
        return BinaryRanking.of(truthByClass[k], scoresByClass[k]);
    }

    private int indexOf(String className) {
        int index = classNames.indexOf(className);
        if (index < 0) {
            throw new IllegalArgumentException("unknown class '" + className + "'; classes are " + classNames);
        }
        return index;
    }

    private DoubleColumn column(String name, ToDoubleFunction<ClassMetrics> metric) {
        return DoubleColumn.create(name, perClass.stream().mapToDouble(metric));
    }

    String describe() {
        return (task == Task.MULTICLASS ? "multi-class" : "multi-label") + ", " + String.format("%,d", samples())
                + " samples, " + classNames.size() + " classes";
    }

    /** A fixed-width report: one line per class, then the averages. */
    @Override
    public String toString() {
        int nameWidth = Math.max(5, classNames.stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + nameWidth + "s %9s %7s %7s %8s %7s %8s%s%n";
        StringBuilder text = new StringBuilder(task == Task.MULTICLASS ? "Multi-class evaluation" : "Multi-label evaluation")
                .append(" of ").append(String.format("%,d", samples())).append(" samples, ")
                .append(classNames.size()).append(" classes")
                .append(task == Task.MULTICLASS ? " (prediction: argmax)" : " (prediction: score >= threshold)")
                .append(System.lineSeparator())
                .append(String.format(row, "class", "precision", "recall", "f1", "support", "auroc", "avg prec",
                        thresholds == null ? "" : "  threshold"));
        for (int k = 0; k < perClass.size(); k++) {
            ClassMetrics metrics = perClass.get(k);
            text.append(String.format(row, metrics.name(), fixed(metrics.precision()), fixed(metrics.recall()),
                    fixed(metrics.f1()), metrics.support(), fixed(metrics.auroc()), fixed(metrics.averagePrecision()),
                    (thresholds == null ? "" : String.format("  %9s", fixed(thresholds[k])))
                            + (metrics.note().isEmpty() ? "" : "  " + metrics.note())));
        }
        StringJoiner averages = new StringJoiner("  ");
        scalars.forEach((name, value) -> averages.add(name + " " + fixed(value)));
        return text.append(averages).toString();
    }

    private static String fixed(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.3f", value);
    }
}
