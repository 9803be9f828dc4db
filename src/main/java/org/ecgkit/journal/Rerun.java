package org.ecgkit.journal;

import org.ecgkit.train.EpochResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A run trained again from its journal entry ({@link Journal#rerun}), compared with the original: every history
 * column except the timings ({@code seconds}, {@code samples_per_s}) epoch by epoch, and every test metric.
 *
 * @param original the recorded run
 * @param rerun    the new run, recorded in the same journal with {@code rerunOf} set
 * @param table    one row per quantity: original and rerun values (the last epoch's for history columns), the
 *                 largest absolute difference, and whether they are identical
 * @param matches  whether both runs ended alike, with the same number of epochs and bit-identical histories and
 *                 test metrics
 */
public record Rerun(Run original, Run rerun, Table table, boolean matches) {

    private static final Set<String> TIMINGS = Set.of("seconds", "samples_per_s");

    static Rerun of(Run original, Run rerun) {
        StringColumn quantity = StringColumn.create("quantity");
        DoubleColumn first = DoubleColumn.create("original");
        DoubleColumn second = DoubleColumn.create("rerun");
        DoubleColumn largest = DoubleColumn.create("max_abs_difference");
        StringColumn identical = StringColumn.create("identical");
        List<EpochResult> a = original.epochs();
        List<EpochResult> b = rerun.epochs();
        boolean matches = original.status() == rerun.status() && a.size() == b.size();
        Set<String> columns = new LinkedHashSet<>();
        a.forEach(epoch -> columns.addAll(epoch.values().keySet()));
        b.forEach(epoch -> columns.addAll(epoch.values().keySet()));
        columns.removeAll(TIMINGS);
        int epochs = Math.min(a.size(), b.size());
        for (String column : columns) {
            double max = 0;
            boolean same = a.size() == b.size();
            for (int e = 0; e < epochs; e++) {
                double x = a.get(e).value(column);
                double y = b.get(e).value(column);
                same &= Double.compare(x, y) == 0; // NaN equals NaN, as an undefined metric should
                max = Math.max(max, Double.isNaN(x - y) ? 0 : Math.abs(x - y));
            }
            add(quantity, first, second, largest, identical, String.format(Locale.ROOT, "history %s (%d epochs)",
                    column, epochs), last(a, column), last(b, column), max, same);
            matches &= same;
        }
        Set<String> metrics = new LinkedHashSet<>(original.record().testMetrics().keySet());
        metrics.addAll(rerun.record().testMetrics().keySet());
        for (String metric : metrics) {
            double x = original.testMetric(metric);
            double y = rerun.testMetric(metric);
            boolean same = Double.compare(x, y) == 0;
            add(quantity, first, second, largest, identical, "test " + metric, x, y,
                    Double.isNaN(x - y) ? 0 : Math.abs(x - y), same);
            matches &= same;
        }
        Table table = Table.create("Rerun " + rerun.id() + " of " + original.id() + ": "
                + (matches ? "identical" : "differs"), quantity, first, second, largest, identical);
        return new Rerun(original, rerun, table, matches);
    }

    private static double last(List<EpochResult> epochs, String column) {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).value(column);
    }

    private static void add(StringColumn quantity, DoubleColumn first, DoubleColumn second, DoubleColumn largest,
                            StringColumn identical, String name, double x, double y, double max, boolean same) {
        quantity.append(name);
        first.append(x);
        second.append(y);
        largest.append(max);
        identical.append(same ? "yes" : "no");
    }

    /** The differences in words, e.g. {@code history val_loss differs by up to 3.1e-07}. */
    public List<String> differences() {
        List<String> lines = new ArrayList<>();
        if (original.status() != rerun.status()) {
            lines.add("the original " + original.status().label() + ", the rerun " + rerun.status().label());
        }
        if (original.epochs().size() != rerun.epochs().size()) {
            lines.add("the original has " + original.epochs().size() + " epochs, the rerun " + rerun.epochs().size());
        }
        for (int row = 0; row < table.rowCount(); row++) {
            if (table.stringColumn("identical").get(row).equals("no")) {
                lines.add(String.format(Locale.ROOT, "%s differs by up to %.2g", table.stringColumn("quantity").get(row),
                        table.doubleColumn("max_abs_difference").get(row)));
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        String where = rerun.environment().backend().equals(original.environment().backend()) ? ""
                : " (original on " + original.environment().backend() + ", rerun on " + rerun.environment().backend() + ")";
        return "Rerun " + rerun.id() + " of " + original.id() + where + ": "
                + (matches ? "histories and test metrics are identical" : String.join("; ", differences()));
    }
}
