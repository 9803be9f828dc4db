package org.ecgkit.data.window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Metadata;
import org.ecgkit.data.Task;
import org.ecgkit.eval.Evaluation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-record predictions from per-window ones: the mean of the class probabilities of a record's windows, so that a
 * record is scored once at test time however many windows it was cut into.
 *
 * <pre>{@code
 * int[] test = dataset.rows("test");
 * var perRecord = WindowPredictions.meanPerRecord(dataset, test, model.predict(testBatches));
 * perRecord.predicted();                              // argmax per record
 * perRecord.evaluation(dataset).meanF1("N", "A", "O"); // scored once per record
 * }</pre>
 *
 * @param recordIds     the records, in order of first appearance
 * @param probabilities {@code [record][class]} mean probabilities
 * @param windows       windows averaged for each record
 */
public record WindowPredictions(List<String> recordIds, float[][] probabilities, int[] windows) {

    /** The metadata column of a windowed dataset that names each window's record. */
    public static final String RECORD_ID = "record_id";

    public WindowPredictions {
        recordIds = List.copyOf(recordIds);
    }

    /** Averages the rows of {@code windowProbabilities} that share a record id. */
    public static WindowPredictions meanPerRecord(List<String> windowRecordIds, float[][] windowProbabilities) {
        if (windowRecordIds.size() != windowProbabilities.length) {
            throw new IllegalArgumentException(windowRecordIds.size() + " record ids but " + windowProbabilities.length
                    + " rows of probabilities");
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int classes = windowProbabilities.length == 0 ? 0 : windowProbabilities[0].length;
        for (int i = 0; i < windowProbabilities.length; i++) {
            if (windowProbabilities[i].length != classes) {
                throw new IllegalArgumentException("row " + i + " has " + windowProbabilities[i].length
                        + " probabilities; row 0 has " + classes);
            }
            double[] sum = sums.computeIfAbsent(windowRecordIds.get(i), id -> new double[classes]);
            for (int c = 0; c < classes; c++) {
                sum[c] += windowProbabilities[i][c];
            }
            counts.merge(windowRecordIds.get(i), 1, Integer::sum);
        }
        List<String> ids = new ArrayList<>(sums.keySet());
        float[][] means = new float[ids.size()][classes];
        int[] windows = new int[ids.size()];
        for (int r = 0; r < ids.size(); r++) {
            windows[r] = counts.get(ids.get(r));
            double[] sum = sums.get(ids.get(r));
            for (int c = 0; c < classes; c++) {
                means[r][c] = (float) (sum[c] / windows[r]);
            }
        }
        return new WindowPredictions(ids, means, windows);
    }

    /**
     * Averages the predictions of windows {@code rows} of a windowed dataset (such as a CinC conversion) per record,
     * its {@code record_id} metadata column naming each window's record; {@code probabilities[i]} belongs to
     * {@code rows[i]}, as {@code EcgModel.predict} returns them for an iterator over those rows.
     */
    public static WindowPredictions meanPerRecord(EcgDataset dataset, int[] rows, float[][] probabilities) {
        if (rows.length != probabilities.length) {
            throw new IllegalArgumentException(rows.length + " rows of " + dataset.name() + " but " + probabilities.length
                    + " rows of probabilities");
        }
        StringColumn recordIds = recordIdColumn(dataset);
        return meanPerRecord(Arrays.stream(rows).mapToObj(recordIds::get).toList(), probabilities);
    }

    /**
     * These per-record predictions scored against each record's label in {@code dataset} (multi-class), so that a
     * record counts once however many windows it was cut into: {@code evaluation(dataset).meanF1("N", "A", "O")} is
     * the CinC 2017 challenge score.
     */
    public Evaluation evaluation(EcgDataset dataset) {
        int[] truth = labels(dataset);
        double[][] scores = new double[truth.length][];
        for (int r = 0; r < truth.length; r++) {
            scores[r] = new double[probabilities[r].length];
            for (int c = 0; c < scores[r].length; c++) {
                scores[r][c] = probabilities[r][c];
            }
        }
        return Evaluation.multiclass(truth, scores, dataset.classes());
    }

    /**
     * The class index of each record, in {@link #recordIds()} order, from the labels of its windows in a multi-class
     * {@code dataset} (which must agree).
     */
    public int[] labels(EcgDataset dataset) {
        if (dataset.task() != Task.MULTICLASS) {
            throw new IllegalArgumentException("per-record evaluation of windows needs a multiclass dataset; "
                    + dataset.name() + " is " + dataset.task().id());
        }
        StringColumn recordIds = recordIdColumn(dataset);
        Map<String, Integer> labelOf = new HashMap<>();
        for (int row = 0; row < dataset.size(); row++) {
            Integer before = labelOf.putIfAbsent(recordIds.get(row), dataset.label(row));
            if (before != null && before != dataset.label(row)) {
                throw new IllegalArgumentException("record " + recordIds.get(row) + " of " + dataset.name()
                        + " has windows labelled " + dataset.classes().get(before) + " and "
                        + dataset.classes().get(dataset.label(row)));
            }
        }
        int[] labels = new int[recordIds().size()];
        for (int r = 0; r < labels.length; r++) {
            Integer label = labelOf.get(recordIds().get(r));
            if (label == null) {
                throw new IllegalArgumentException("record " + recordIds().get(r) + " is not in " + dataset.name());
            }
            labels[r] = label;
        }
        return labels;
    }

    /** Whether {@code dataset} holds windows of longer records: its metadata names each window's record. */
    public static boolean windowed(EcgDataset dataset) {
        return dataset.metadata().columnNames().contains(RECORD_ID);
    }

    private static StringColumn recordIdColumn(EcgDataset dataset) {
        if (!windowed(dataset)) {
            throw new IllegalArgumentException(Metadata.FILE_NAME + " of " + dataset.name() + " has no " + RECORD_ID
                    + " column: it is not a windowed dataset");
        }
        return dataset.metadata().stringColumn(RECORD_ID);
    }

    /** The class with the highest mean probability, per record. */
    public int[] predicted() {
        int[] out = new int[probabilities.length];
        for (int r = 0; r < probabilities.length; r++) {
            for (int c = 1; c < probabilities[r].length; c++) {
                if (probabilities[r][c] > probabilities[r][out[r]]) {
                    out[r] = c;
                }
            }
        }
        return out;
    }

    /** record_id, windows, one probability column per class, predicted (the class name). */
    public Table table(List<String> classes) {
        Table table = Table.create("predictions per record", StringColumn.create("record_id", recordIds),
                IntColumn.create("windows", windows));
        for (int c = 0; c < classes.size(); c++) {
            double[] column = new double[probabilities.length];
            for (int r = 0; r < column.length; r++) {
                column[r] = probabilities[r][c];
            }
            table.addColumns(DoubleColumn.create(classes.get(c), column));
        }
        int[] predicted = predicted();
        return table.addColumns(StringColumn.create("predicted",
                Arrays.stream(predicted).mapToObj(classes::get)));
    }
}
