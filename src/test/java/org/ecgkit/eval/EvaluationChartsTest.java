package org.ecgkit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** Charts hold the right data and render headless; the PNGs land in target/eval-charts for a look. */
class EvaluationChartsTest {

    static final Evaluation MULTICLASS = EvaluationReportTest.MULTICLASS;
    static final Evaluation MULTILABEL = EvaluationReportTest.MULTILABEL;

    @Test
    void heatmapCellsHoldTheCountsWithTheFirstClassOnTop() throws IOException {
        HeatMapChart chart = MULTICLASS.confusionHeatmap();
        HeatMapSeries series = chart.getHeatMapSeries();
        assertEquals(List.of("N", "A", "O", "~"), series.getXData());
        assertEquals(List.of("~", "O", "A", "N"), series.getYData());
        int[][] counts = MULTICLASS.confusionCounts();
        assertEquals(16, series.getHeatData().size());
        for (Number[] cell : series.getHeatData()) {
            int row = 3 - cell[1].intValue();
            assertEquals(counts[row][cell[0].intValue()], cell[2].doubleValue());
        }
        render(chart, "confusion-multiclass");
    }

    @Test
    void normalisedHeatmapRowsSumToOneAndEmptyRowsStayBlank() throws IOException {
        double[] rowSums = new double[4];
        for (Number[] cell : MULTICLASS.normalisedConfusionHeatmap().getHeatMapSeries().getHeatData()) {
            rowSums[cell[1].intValue()] += cell[2].doubleValue();
        }
        for (double sum : rowSums) {
            assertEquals(1.0, sum, 1e-12);
        }
        HeatMapChart multilabel = MULTILABEL.normalisedConfusionHeatmap();
        // class CD has no positives: its FN and TP shares are undefined, so 5·4 − 2 cells; HYP has no negatives
        assertEquals(5 * 4 - 2 - 2, multilabel.getHeatMapSeries().getHeatData().size());
        render(MULTICLASS.normalisedConfusionHeatmap(), "confusion-multiclass-normalised");
        render(multilabel, "confusion-multilabel-normalised");
        render(MULTILABEL.confusionHeatmap(), "confusion-multilabel");
    }

    @Test
    void rocLegendShowsEachDefinedClassWithItsAuc() throws IOException {
        XYChart chart = MULTICLASS.rocChart();
        List<String> expected = List.of("chance",
                String.format("N (AUC %.3f)", MULTICLASS.classMetrics("N").auroc()),
                String.format("A (AUC %.3f)", MULTICLASS.classMetrics("A").auroc()),
                String.format("O (AUC %.3f)", MULTICLASS.classMetrics("O").auroc()),
                String.format("~ (AUC %.3f)", MULTICLASS.classMetrics("~").auroc()));
        assertEquals(expected, List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals("N (AUC 0.973)", expected.get(1), "sklearn's 0.97338..., rounded");
        // CD (no positives) and HYP (no negatives) have no ROC curve
        assertEquals(List.of("NORM", "MI", "STTC"), MULTILABEL.rocChart().getSeriesMap().keySet().stream()
                .skip(1).map(name -> name.substring(0, name.indexOf(' '))).toList());
        assertEquals(2, MULTICLASS.rocChart("A").getSeriesMap().size());
        render(chart, "roc-multiclass");
        render(MULTILABEL.rocChart(), "roc-multilabel");
    }

    @Test
    void precisionRecallLegendShowsAveragePrecision() throws IOException {
        XYChart chart = MULTILABEL.precisionRecallChart();
        // HYP, all positives, has AP 1; CD, no positives, has none
        assertEquals(4, chart.getSeriesMap().size());
        assertTrue(chart.getSeriesMap().containsKey("HYP (AP 1.000)"), chart.getSeriesMap().keySet().toString());
        render(chart, "pr-multilabel");
        render(MULTICLASS.precisionRecallChart(), "pr-multiclass");
    }

    private static void render(Chart<?, ?> chart, String name) throws IOException {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        assertEquals(chart.getWidth(), image.getWidth());
        Path directory = Files.createDirectories(Path.of("target", "eval-charts"));
        ImageIO.write(image, "png", directory.resolve(name + ".png").toFile());
    }
}
