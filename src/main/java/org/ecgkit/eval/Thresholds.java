package org.ecgkit.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-class decision thresholds for a multi-label task, tuned on the validation split and then passed to
 * {@link Evaluation#multilabel(int[][], double[][], List, Thresholds)} for the test split.
 *
 * <p>For each class the candidates are the distinct validation scores; a sample is called positive when its
 * score is at least the threshold, so the tuned threshold reproduces its validation score exactly. Scores are
 * compared as exact fractions and a tie goes to the <em>highest</em> threshold (fewest positive calls for the
 * same score). A class the objective cannot be computed for (no positives; for Youden's J also no negatives)
 * keeps {@value #DEFAULT}.
 *
 * <pre>{@code
 * Thresholds thresholds = Thresholds.tune(valTruth, valProbs, classNames, Objective.F1);
 * Evaluation test = Evaluation.multilabel(testTruth, testProbs, classNames, thresholds);
 * }</pre>
 */
public final class Thresholds {

    /** The threshold used when none is given or none can be tuned. */
    public static final double DEFAULT = 0.5;

    private final Objective objective;
    private final List<String> classNames;
    private final double[] values;
    private final double[] tunedScores;
    private final double[] defaultScores;
    private final List<String> notes;

    private Thresholds(Objective objective, List<String> classNames, double[] values, double[] tunedScores,
                       double[] defaultScores, List<String> notes) {
        this.objective = objective;
        this.classNames = classNames;
        this.values = values;
        this.tunedScores = tunedScores;
        this.defaultScores = defaultScores;
        this.notes = List.copyOf(notes);
    }

    /**
     * @param truth         validation truth, 0/1 {@code [samples][classes]}
     * @param probabilities validation scores {@code [samples][classes]}
     * @param classNames    one name per column
     * @param objective     what to maximise per class
     */
    public static Thresholds tune(int[][] truth, double[][] probabilities, List<String> classNames,
                                  Objective objective) {
        Objects.requireNonNull(objective, "objective");
        List<String> names = Inputs.classNames(classNames);
        int[][] truthByClass = Inputs.multilabelTruthByClass(truth, names);
        double[][] scoresByClass = Inputs.scoresByClass(probabilities, truth.length, names);
        int classes = names.size();
        double[] values = new double[classes];
        double[] tunedScores = new double[classes];
        double[] defaultScores = new double[classes];
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            BinaryRanking ranking = BinaryRanking.of(truthByClass[k], scoresByClass[k]);
            Fraction best = null;
            values[k] = DEFAULT;
            for (int rank = 0; rank < ranking.size(); rank++) {
                Fraction score = objective.score(ranking.countsAt(rank));
                // strictly greater: walking from the highest threshold down, the first of equal scores stays
                if (score != null && (best == null || score.compareTo(best) > 0)) {
                    best = score;
                    values[k] = ranking.threshold(rank);
                }
            }
            tunedScores[k] = best == null ? Double.NaN : best.toDouble();
            Fraction atDefault = objective.score(ranking.countsAtOrAbove(DEFAULT));
            defaultScores[k] = atDefault == null ? Double.NaN : atDefault.toDouble();
            notes.add(best != null ? ""
                    : ranking.positives() == 0 ? "no positives in validation: kept " + DEFAULT
                    : "no negatives in validation: kept " + DEFAULT);
        }
        return new Thresholds(objective, names, values, tunedScores, defaultScores, notes);
    }

    /** One threshold per class, in class order (a copy). */
    public double[] values() {
        return values.clone();
    }

    public double value(String className) {
        int index = classNames.indexOf(className);
        if (index < 0) {
            throw new IllegalArgumentException("unknown class '" + className + "'; classes are " + classNames);
        }
        return values[index];
    }

    public Objective objective() {
        return objective;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The objective on validation at each tuned threshold (NaN where it is undefined). */
    public double[] validationScores() {
        return tunedScores.clone();
    }

    /** The objective on validation at {@value #DEFAULT}, for comparison. */
    public double[] validationScoresAtDefault() {
        return defaultScores.clone();
    }

    /** class, threshold, the objective at the threshold and at 0.5 on validation, note. */
    public Table table() {
        String name = objective.columnName();
        return Table.create("Thresholds tuned for " + name + " on validation",
                StringColumn.create("class", classNames),
                DoubleColumn.create("threshold", values),
                DoubleColumn.create(name + "_at_threshold", tunedScores),
                DoubleColumn.create(name + "_at_" + DEFAULT, defaultScores),
                StringColumn.create("note", notes));
    }

    @Override
    public String toString() {
        return table().print();
    }

    /** Checks that these thresholds were tuned for {@code names}, in that order. */
    double[] valuesFor(List<String> names) {
        if (!classNames.equals(names)) {
            throw new IllegalArgumentException("thresholds were tuned for classes " + classNames
                    + " but the evaluation has classes " + names);
        }
        return values.clone();
    }
}
