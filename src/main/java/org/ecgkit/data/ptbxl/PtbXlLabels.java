package org.ecgkit.data.ptbxl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Multi-label targets of one PTB-XL task, one row per record.
 *
 * @param task      the task
 * @param classes   class names, sorted (the benchmark's column order)
 * @param ecgIds    the records' ids, in database order
 * @param positives for each record the indices into {@code classes} of its labels (possibly none)
 */
public record PtbXlLabels(PtbXlTask task, List<String> classes, int[] ecgIds, int[][] positives) {

    public PtbXlLabels {
        classes = List.copyOf(classes);
        if (ecgIds.length != positives.length) {
            throw new IllegalArgumentException(ecgIds.length + " ids but " + positives.length + " label rows");
        }
    }

    public int size() {
        return ecgIds.length;
    }

    /** The benchmark's policy: records without any label of this task are dropped for it. */
    public PtbXlLabels labelledOnly() {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < positives.length; i++) {
            if (positives[i].length > 0) {
                keep.add(i);
            }
        }
        return new PtbXlLabels(task, classes, keep.stream().mapToInt(i -> ecgIds[i]).toArray(),
                keep.stream().map(i -> positives[i]).toArray(int[][]::new));
    }

    /** {@code [records][classes]} 0/1. */
    public int[][] multiHot() {
        int[][] out = new int[positives.length][classes.size()];
        for (int i = 0; i < positives.length; i++) {
            for (int c : positives[i]) {
                out[i][c] = 1;
            }
        }
        return out;
    }

    /** The labels of one record by name, e.g. [MI, STTC]. */
    public List<String> names(int row) {
        return Arrays.stream(positives[row]).mapToObj(classes::get).toList();
    }

    /** ecg_id and one 0/1 column per class. */
    public Table table() {
        Table table = Table.create("ptbxl " + task.id(), IntColumn.create("ecg_id", ecgIds));
        int[][] hot = multiHot();
        for (int c = 0; c < classes.size(); c++) {
            int column = c;
            table.addColumns(IntColumn.create(classes.get(c), Arrays.stream(hot).mapToInt(row -> row[column]).toArray()));
        }
        return table;
    }

    /** Records per class, in class order. */
    public Table counts() {
        int[] counts = new int[classes.size()];
        for (int[] row : positives) {
            for (int c : row) {
                counts[c]++;
            }
        }
        return Table.create("ptbxl " + task.id() + " counts", StringColumn.create("class", classes),
                IntColumn.create("records", counts));
    }
}
