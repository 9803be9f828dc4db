package org.ecgkit.eval;

import org.ecgkit.data.Task;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The charts behind {@link Evaluation}'s plotting methods. */
final class EvaluationCharts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 540;

    private EvaluationCharts() {
    }

    static HeatMapChart confusionHeatmap(Evaluation evaluation, boolean normalised) {
        boolean multiclass = evaluation.task() == Task.MULTICLASS;
        List<String> rows = evaluation.classNames();
        List<String> columns = multiclass ? rows
                : Evaluation.MULTILABEL_CELLS.stream().map(String::toUpperCase).toList();
        int[][] counts = evaluation.confusionCounts();
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
                .title((normalised ? "Normalised confusion" : "Confusion") + " (" + evaluation.describe() + ")")
                .xAxisTitle(multiclass ? "Predicted" : "Outcome").yAxisTitle(multiclass ? "Truth" : "Class").build();
        // XChart draws the first y category at the bottom; reversing puts the first class on top, as a table reads
        List<String> yCategories = new ArrayList<>(rows.size());
        for (int r = rows.size() - 1; r >= 0; r--) {
            yCategories.add(rows.get(r));
        }
        List<Number[]> cells = new ArrayList<>();
        double max = 0;
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < counts[r].length; c++) {
                double value = normalised ? counts[r][c] / truthTotal(counts[r], c, multiclass) : counts[r][c];
                if (!Double.isNaN(value)) { // a row without support has no shares; its cells stay blank
                    cells.add(new Number[] {c, rows.size() - 1 - r, value});
                    max = Math.max(max, value);
                }
            }
        }
        chart.addSeries(normalised ? "share of truth" : "count", columns, yCategories, cells);
        chart.getStyler().setShowValue(true)
                .setHeatMapValueDecimalPattern(normalised ? "0.00" : "#,##0")
                .setRangeColors(new Color[] {new Color(247, 251, 255), new Color(158, 202, 225), new Color(49, 130, 189)})
                .setMin(0).setMax(Math.max(max, 1))
                .setValueFontColor(Color.BLACK)
                .setPlotContentSize(1.0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    /** Samples with this cell's true label: the row for multi-class; negatives (TN+FP) or positives (FN+TP) otherwise. */
    private static double truthTotal(int[] row, int column, boolean multiclass) {
        int total = 0;
        if (multiclass) {
            for (int count : row) {
                total += count;
            }
        } else {
            total = column < 2 ? row[0] + row[1] : row[2] + row[3];
        }
        return total == 0 ? Double.NaN : total;
    }

    static XYChart rocChart(Evaluation evaluation, List<String> classes) {
        XYChart chart = curveChart("ROC curves" + (evaluation.task() == Task.MULTICLASS ? ", one-vs-rest" : "")
                + " (" + evaluation.describe() + ")", "False positive rate", "True positive rate");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setLineColor(Color.GRAY).setLineStyle(
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        for (String name : classes) {
            RocCurve curve = evaluation.rocCurve(name);
            if (!Double.isNaN(curve.auc())) { // one label value only: no curve to draw
                chart.addSeries(String.format("%s (AUC %.3f)", name, curve.auc()),
                        curve.falsePositiveRate(), curve.truePositiveRate());
            }
        }
        return chart;
    }

    static XYChart precisionRecallChart(Evaluation evaluation, List<String> classes) {
        XYChart chart = curveChart("Precision–recall curves (" + evaluation.describe() + ")", "Recall", "Precision");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        for (String name : classes) {
            PrecisionRecallCurve curve = evaluation.precisionRecallCurve(name);
            if (!Double.isNaN(curve.averagePrecision())) { // no positives: no curve to draw
                // steps, as sklearn draws it: average precision is the area under these steps
                chart.addSeries(String.format("%s (AP %.3f)", name, curve.averagePrecision()),
                        curve.recall(), curve.precision()).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            }
        }
        return chart;
    }

    private static XYChart curveChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        styler.setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        styler.setSeriesMarkers(new Marker[] {SeriesMarkers.NONE});
        styler.setChartBackgroundColor(Color.WHITE);
        return chart;
    }
}
