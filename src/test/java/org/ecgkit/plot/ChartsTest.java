package org.ecgkit.plot;

import org.ecgkit.data.EcgDataset;
import org.ecgkit.synth.SyntheticDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import tech.tablesaw.api.StringColumn;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {

    private static List<Number> counts(CategoryChart chart) {
        CategorySeries series = chart.getSeriesMap().values().iterator().next();
        return new ArrayList<>(series.getYData());
    }

    private static List<?> classes(CategoryChart chart) {
        return new ArrayList<>(chart.getSeriesMap().values().iterator().next().getXData());
    }

    @Test
    void barHeightsAreProportionalToCounts() {
        int[] labels = new int[700];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 400 ? 0 : i < 500 ? 1 : i < 650 ? 2 : 3; // 400, 100, 150, 50
        }
        CategoryChart chart = Charts.classDistribution(labels, List.of("N", "A", "O", "~"));
        assertEquals(List.of(400L, 100L, 150L, 50L), counts(chart));
        assertEquals(List.of("N", "A", "O", "~"), classes(chart));

        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        int bar = Charts.BAR.getRGB() & 0xFFFFFF;
        // Bars in order left to right: the height of each run of bar-coloured columns, from its middle column.
        List<Integer> heights = new ArrayList<>();
        boolean inBar = false;
        int start = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            boolean column = !Pixels.rowsWhere(image, x, 0, image.getHeight(), c -> c == bar).isEmpty();
            if (column && !inBar) {
                start = x;
            } else if (!column && inBar) {
                List<Integer> rows = Pixels.rowsWhere(image, (start + x) / 2, 0, image.getHeight(), c -> c == bar);
                heights.add(rows.get(rows.size() - 1) - rows.get(0) + 1);
            }
            inBar = column;
        }
        assertEquals(4, heights.size(), "four bars");
        double pixelsPerRecord = heights.get(0) / 400.0;
        assertEquals(100 * pixelsPerRecord, heights.get(1), 2);
        assertEquals(150 * pixelsPerRecord, heights.get(2), 2);
        assertEquals(50 * pixelsPerRecord, heights.get(3), 2);
    }

    @Test
    void labelsOutsideTheClassesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Charts.classDistribution(new int[] {0, 1, 4}, List.of("N", "A")));
        assertTrue(e.getMessage().contains("label 4 of record 2 is outside the 2 classes [N, A]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Charts.classDistribution(new int[0], List.of("N")));
        assertThrows(IllegalArgumentException.class, () -> Charts.classDistribution(new int[] {0}, List.of()));
    }

    @Test
    void multiHotLabelsCountEveryLabelOfARecord() {
        int[][] multiHot = {{1, 0, 1}, {1, 1, 0}, {0, 0, 1}};
        assertEquals(List.of(2L, 1L, 2L), counts(Charts.classDistribution(multiHot, List.of("NORM", "MI", "STTC"))));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Charts.classDistribution(new int[][] {{1, 2}}, List.of("NORM", "MI")));
        assertTrue(e.getMessage().contains("multi-hot labels are 0 or 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Charts.classDistribution(new int[][] {{1}}, List.of("NORM", "MI")));
    }

    @Test
    void tableColumnIsCountedMostFrequentFirst() {
        StringColumn rhythm = StringColumn.create("rhythm", "N", "O", "N", "A", "N", "O");
        rhythm.appendMissing();
        CategoryChart chart = Charts.classDistribution(rhythm);
        assertEquals(List.of("N", "O", "(missing)", "A"), classes(chart), "ties in name order");
        assertEquals(List.of(3L, 2L, 1L, 1L), counts(chart));
        assertTrue(chart.getTitle().contains("rhythm distribution (n = 7)"), chart.getTitle());
    }

    /** A small synthetic dataset written to a temporary directory. */
    private static EcgDataset smallDataset(Path dir) {
        return SyntheticDataset.builder().recordsPerClass(3).samplingRate(100).seconds(5).build().writeTo(dir);
    }

    @Test
    void datasetCountsFollowTheManifestClasses(@TempDir Path dir) {
        try (EcgDataset dataset = smallDataset(dir)) {
            CategoryChart chart = Charts.classDistribution(dataset);
            assertEquals(dataset.classes(), classes(chart));
            long[] expected = new long[dataset.classes().size()];
            for (int label : dataset.labels()) {
                expected[label]++;
            }
            assertEquals(java.util.Arrays.stream(expected).boxed().toList(), counts(chart));
        }
    }

    @Test
    void datasetRowBecomesARecord(@TempDir Path dir) {
        try (EcgDataset dataset = smallDataset(dir)) {
            EcgRecord record = EcgRecord.of(dataset, 1);
            String className = dataset.classes().get(dataset.label(1));
            assertEquals(dataset.id(1) + " · " + className, record.id(), "the id names the record's class");
            assertEquals(dataset.leadNames(), record.leadNames());
            assertArrayEquals(dataset.signal(1)[0], record.leads()[0]);
            assertThrows(IllegalArgumentException.class, () -> EcgRecord.of(dataset, dataset.size()));
        }
    }

    @Test
    void histogramMatchesNumpy() {
        double[] values = Pixels.fixtureColumn("histogram_samples.csv", 0);
        float[] samples = new float[values.length];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            samples[i] = (float) values[i];
            min = Math.min(min, samples[i]);
            max = Math.max(max, samples[i]);
        }
        long[] expected = java.util.Arrays.stream(Pixels.fixtureColumn("histogram_counts.csv", 1))
                .mapToLong(Math::round).toArray();
        assertArrayEquals(expected, Charts.histogram(samples, 40, min, max));
        assertEquals(samples.length, java.util.Arrays.stream(Charts.histogram(samples, 40, min, max)).sum(),
                "the maximum lands in the last bin");
    }

    @Test
    void amplitudeHistogramHasAPanelPerLead() {
        Figure twelve = Charts.amplitudeHistogram(TestEcg.twelveLead(10, 100, 60));
        Figure one = Charts.amplitudeHistogram(TestEcg.singleLead(10, 300, 60));
        assertEquals(4 * one.getWidth(), twelve.getWidth(), "four columns of three");
        assertTrue(twelve.getHeight() > 2.5 * one.getHeight() - 100);
        assertThrows(IllegalArgumentException.class, () -> Charts.amplitudeHistogram(TestEcg.singleLead(1, 100, 60), 0));
    }
}
