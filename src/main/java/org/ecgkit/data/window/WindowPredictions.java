package org.ecgkit.data.window;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-record predictions from per-window ones: the mean of the class probabilities of a record's windows, so that a
 * record is scored once at test time however many windows it was cut into.
 *
 * <pre>{@code
 * var perRecord = WindowPredictions.meanPerRecord(dataset.metadata().stringColumn("record_id").asList(), probabilities);
 * perRecord.predicted();   // argmax per record
 * }</pre>
 *
 * @param recordIds     the records, in order of first appearance
 * @param probabilities {@code [record][class]} mean probabilities
 * @param windows       windows averaged for each record
 */
public record WindowPredictions(List<String> recordIds, float[][] probabilities, int[] windows) {

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
                java.util.Arrays.stream(predicted).mapToObj(classes::get)));
    }
}
