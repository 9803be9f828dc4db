package org.ecgkit.plot;

import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Task;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dataset overview charts: how many records each class has, and how each lead's amplitudes are distributed.
 *
 * <pre>{@code
 * Charts.classDistribution(labels, List.of("N", "A", "O", "~"))   // XChart bar chart
 * Charts.classDistribution(metadata.stringColumn("rhythm"))       // from a Tablesaw column
 * Charts.amplitudeHistogram(record)                                // one small histogram per lead
 * }</pre>
 */
public final class Charts {

    /** Bar colour (viridis at one quarter): dark enough for white count labels, distinct from the axes. */
    static final Color BAR = new Color(Viridis.rgb(64));
    private static final int BAR_CHART_WIDTH = 640;
    private static final int BAR_CHART_HEIGHT = 400;
    private static final int HISTOGRAM_WIDTH = 280;
    private static final int HISTOGRAM_HEIGHT = 170;
    private static final int HISTOGRAM_TOP = 30;
    static final int DEFAULT_BINS = 40;

    private Charts() {
    }

    /**
     * Records per class for single-label data: {@code labels[i]} is record i's class index into {@code classNames}.
     */
    public static CategoryChart classDistribution(int[] labels, List<String> classNames) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("no labels to count");
        }
        checkClassNames(classNames);
        long[] counts = new long[classNames.size()];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= counts.length) {
                throw new IllegalArgumentException("label " + labels[i] + " of record " + i + " is outside the "
                        + counts.length + " classes " + classNames);
            }
            counts[labels[i]]++;
        }
        return barChart(String.format(Locale.ROOT, "Class distribution (n = %,d)", labels.length), classNames,
                counts);
    }

    /**
     * Records carrying each label for multi-label data: {@code multiHot[i][k]} is 1 when record i has class k. A record
     * with several labels counts once for each.
     */
    public static CategoryChart classDistribution(int[][] multiHot, List<String> classNames) {
        if (multiHot == null || multiHot.length == 0) {
            throw new IllegalArgumentException("no labels to count");
        }
        checkClassNames(classNames);
        long[] counts = new long[classNames.size()];
        for (int i = 0; i < multiHot.length; i++) {
            if (multiHot[i] == null || multiHot[i].length != counts.length) {
                throw new IllegalArgumentException("record " + i + " has "
                        + (multiHot[i] == null ? "no" : String.valueOf(multiHot[i].length)) + " label columns but there are "
                        + counts.length + " classes " + classNames);
            }
            for (int k = 0; k < counts.length; k++) {
                if (multiHot[i][k] != 0 && multiHot[i][k] != 1) {
                    throw new IllegalArgumentException("record " + i + " has " + multiHot[i][k] + " for class "
                            + classNames.get(k) + "; multi-hot labels are 0 or 1");
                }
                counts[k] += multiHot[i][k];
            }
        }
        return barChart(String.format(Locale.ROOT, "Label frequency (n = %,d records, several labels each)",
                multiHot.length), classNames, counts);
    }

    /**
     * Records per class of a dataset, in the manifest's class order; for multi-label data a record counts once for
     * each of its labels.
     */
    public static CategoryChart classDistribution(EcgDataset dataset) {
        Table counts = dataset.classCounts();
        String title = String.format(Locale.ROOT, "%s: %s (n = %,d)", dataset.name(),
                dataset.task() == Task.MULTICLASS ? "class distribution" : "label frequency", dataset.size());
        return barChart(title, counts.stringColumn("class").asList(),
                counts.intColumn("records").asList().stream().mapToLong(Integer::longValue).toArray());
    }

    /** Records per distinct value of a table column (e.g. a class-name column), most frequent first. */
    public static CategoryChart classDistribution(Column<?> column) {
        if (column == null || column.isEmpty()) {
            throw new IllegalArgumentException("column " + (column == null ? "null" : column.name())
                    + " has no values to count");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < column.size(); i++) {
            String value = column.isMissing(i) ? "(missing)" : column.getString(i);
            counts.merge(value, 1L, Long::sum);
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return barChart(String.format(Locale.ROOT, "%s distribution (n = %,d)", column.name(), column.size()),
                sorted.stream().map(Map.Entry::getKey).toList(),
                sorted.stream().mapToLong(Map.Entry::getValue).toArray());
    }

    private static void checkClassNames(List<String> classNames) {
        if (classNames == null || classNames.isEmpty()) {
            throw new IllegalArgumentException("class names are needed to label the bars");
        }
    }

    private static CategoryChart barChart(String title, List<String> classes, long[] counts) {
        CategoryChart chart = new CategoryChartBuilder().width(BAR_CHART_WIDTH).height(BAR_CHART_HEIGHT).title(title)
                .xAxisTitle("class").yAxisTitle("records").build();
        CategoryStyler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setYAxisMin(0.0);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setSeriesColors(new Color[] {BAR});
        styler.setYAxisDecimalPattern("#,##0");
        styler.setLabelsVisible(true);
        styler.setAvailableSpaceFill(0.7);
        List<Long> values = new ArrayList<>();
        for (long count : counts) {
            values.add(count);
        }
        chart.addSeries("records", classes, values);
        return chart;
    }

    /** Histogram of every lead's samples (mV) on one shared amplitude range, 40 bins. */
    public static Figure amplitudeHistogram(EcgRecord record) {
        return amplitudeHistogram(record, DEFAULT_BINS);
    }

    /**
     * Histogram of every lead's samples (mV) on one shared amplitude range, laid out like the 12-lead page (three rows
     * filled column by column), so leads can be compared bin for bin. Drawn with the same hand-made axes as the
     * spectrogram grid: XChart places numeric ticks on such small panels at odd values (e.g. -1.0583, 0.3385).
     */
    public static Figure amplitudeHistogram(EcgRecord record, int bins) {
        if (bins < 1 || bins > 1000) {
            throw new IllegalArgumentException("bins must be 1 to 1000, got " + bins);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] lead : record.leads()) {
            for (float v : lead) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == max) {
            min -= 0.5;
            max += 0.5;
        }
        int leads = record.leads().length;
        int rows = Math.min(leads, 3);
        int columns = (leads + rows - 1) / rows;
        long[][] counts = new long[leads][];
        long[] highest = new long[leads];
        for (int lead = 0; lead < leads; lead++) {
            counts[lead] = histogram(record.leads()[lead], bins, min, max);
            highest[lead] = Arrays.stream(counts[lead]).max().orElse(0);
        }
        int width = columns * HISTOGRAM_WIDTH;
        int height = HISTOGRAM_TOP + rows * HISTOGRAM_HEIGHT;
        double low = min;
        double high = max;
        String title = String.format(Locale.ROOT, "%s: amplitude histograms (%d bins over %.2f to %.2f mV)",
                record.id(), bins, min, max);
        return new Figure(width, height, g -> {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            Axes.drawCentred(g, title, Axes.TITLE_FONT, width / 2.0, 20);
            for (int lead = 0; lead < leads; lead++) {
                int row = lead % rows;
                Rectangle area = new Rectangle((lead / rows) * HISTOGRAM_WIDTH + 58,
                        HISTOGRAM_TOP + row * HISTOGRAM_HEIGHT + 22, HISTOGRAM_WIDTH - 72, HISTOGRAM_HEIGHT - 58);
                Axes axes = new Axes(area, low, high, 0, Math.max(1, highest[lead] * 1.05));
                axes.drawGrid(g);
                g.setColor(BAR);
                for (int bin = 0; bin < bins; bin++) {
                    double left = axes.x(low + bin * (high - low) / bins);
                    double right = axes.x(low + (bin + 1) * (high - low) / bins);
                    double top = axes.y(counts[lead][bin]);
                    g.fill(new Rectangle2D.Double(left, top, right - left, axes.y(0) - top));
                }
                axes.drawFrame(g);
                axes.drawXAxis(g, row == rows - 1 || lead == leads - 1 ? "mV" : null, true);
                axes.drawYAxis(g, null, true, false);
                Axes.drawCentred(g, record.leadNames().get(lead), Axes.TITLE_FONT, area.getCenterX(), area.y - 6);
            }
        });
    }

    /**
     * Counts in {@code bins} equal bins over [min, max], numpy's {@code histogram} convention: bins are half-open
     * except the last, which includes max; values outside are not counted. Bin edges are compared explicitly so that
     * values on an edge land where numpy puts them.
     */
    static long[] histogram(float[] samples, int bins, double min, double max) {
        long[] counts = new long[bins];
        double width = (max - min) / bins;
        for (float sample : samples) {
            double v = sample;
            if (v < min || v > max) {
                continue;
            }
            int bin = Math.min(bins - 1, (int) ((v - min) / width));
            if (v < min + bin * width) {
                bin--;
            } else if (bin < bins - 1 && v >= min + (bin + 1) * width) {
                bin++;
            }
            counts[bin]++;
        }
        return counts;
    }
}
