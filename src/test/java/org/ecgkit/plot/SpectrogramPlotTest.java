package org.ecgkit.plot;

import org.ecgkit.signal.Spectrogram;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectrogramPlotTest {

    private static int rgb(double[] row) {
        return ((int) row[0] << 16) | ((int) row[1] << 8) | (int) row[2];
    }

    @Test
    void colormapIsMatplotlibsViridis() {
        double[][] reference = Pixels.fixture("viridis.csv");
        assertEquals(256, reference.length);
        assertEquals(0x440154, Viridis.rgb(0), "viridis starts dark purple");
        assertEquals(rgb(reference[0]), Viridis.rgb(0));
        assertEquals(rgb(reference[255]), Viridis.rgb(255));
        for (int i = 0; i < 256; i++) {
            assertEquals(rgb(reference[i]), Viridis.rgb(i), "entry " + i);
        }
        assertEquals(Viridis.rgb(0), Viridis.rgb(-5.0, 0, 1), "below the range takes the first colour");
        assertEquals(Viridis.rgb(255), Viridis.rgb(1.0, 0, 1), "the maximum takes the last colour");
        assertEquals(Viridis.rgb(128), Viridis.rgb(0.5, 0, 1));
    }

    @Test
    void colourBarRunsFromFirstToLastEntryBottomToTop() {
        BufferedImage image = new BufferedImage(120, 220, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Rectangle bar = new Rectangle(10, 10, 16, 200);
        SpectrogramPlot.paintColourBar(g, bar, new double[] {-80, -10}, "power (dB)");
        g.dispose();
        Map<Integer, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < 256; i++) {
            indexOf.put(Viridis.rgb(i), i);
        }
        int previous = -1;
        for (int y = bar.y + bar.height - 2; y > bar.y; y--) {
            Integer index = indexOf.get(image.getRGB(bar.x + bar.width / 2, y) & 0xFFFFFF);
            assertTrue(index != null, "colour-bar pixel at y=" + y + " is a viridis colour");
            assertTrue(index >= previous, "colour bar increases upwards at y=" + y);
            previous = index;
        }
        assertTrue(previous >= 250, "reaches the top of the colormap, got " + previous);
        int bottom = indexOf.get(image.getRGB(bar.x + bar.width / 2, bar.y + bar.height - 2) & 0xFFFFFF);
        assertTrue(bottom <= 5, "starts at the bottom of the colormap, got " + bottom);
    }

    /** Two leads, 4 frequencies x 5 frames; lead l has value 100 l + 5 f + t. */
    private static Spectrogram ramp() {
        float[][][] values = new float[2][4][5];
        for (int lead = 0; lead < 2; lead++) {
            for (int f = 0; f < 4; f++) {
                for (int t = 0; t < 5; t++) {
                    values[lead][f][t] = 100 * lead + 5 * f + t;
                }
            }
        }
        return new Spectrogram(values, new double[] {0, 10, 20, 30}, new double[] {0.5, 1.5, 2.5, 3.5, 4.5}, false);
    }

    @Test
    void eachBinIsFilledWithItsColourAtItsTimeAndFrequency() {
        Spectrogram spectrogram = ramp();
        Rectangle area = new Rectangle(20, 10, 250, 140);
        Axes axes = SpectrogramPlot.axes(spectrogram, area, SpectrogramStyle.DEFAULT);
        assertEquals(0, axes.xMin, 1e-12, "time starts at 0");
        assertEquals(5, axes.xMax, 1e-12, "time ends with the last frame's cell");
        assertEquals(0, axes.yMin, 1e-12, "no negative frequencies");
        assertEquals(35, axes.yMax, 1e-12, "frequency ends with the last bin's cell");
        BufferedImage image = new BufferedImage(300, 170, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        double[] range = SpectrogramPlot.colourRange(spectrogram, 1, SpectrogramStyle.DEFAULT);
        assertArrayEquals(new double[] {100, 119}, range);
        SpectrogramPlot.paintHeatmap(g, axes, spectrogram, 1, range);
        g.dispose();
        for (int f = 0; f < 4; f++) {
            for (int t = 0; t < 5; t++) {
                int x = (int) axes.x(spectrogram.times()[t]);
                int y = (int) axes.y(spectrogram.frequencies()[f] + (f == 0 ? 2.5 : 0));
                assertEquals(Viridis.rgb(100 + 5 * f + t, 100, 119), image.getRGB(x, y) & 0xFFFFFF,
                        "bin " + f + ", frame " + t);
            }
        }
    }

    @Test
    void decibelScaleShowsTheDynamicRangeBelowThePeakAndAcceptsMinusInfinity() {
        float[][][] values = {{{-200f, Float.NEGATIVE_INFINITY}, {-20f, -5f}}};
        Spectrogram db = new Spectrogram(values, new double[] {0, 1}, new double[] {0, 1}, true);
        assertArrayEquals(new double[] {-85, -5}, SpectrogramPlot.colourRange(db, SpectrogramStyle.DEFAULT));
        assertArrayEquals(new double[] {-60, 0},
                SpectrogramPlot.colourRange(db, SpectrogramStyle.DEFAULT.withColourRange(-60, 0)));
        assertArrayEquals(new double[] {-200, -5},
                SpectrogramPlot.colourRange(db, SpectrogramStyle.DEFAULT.withDynamicRangeDb(500)));
    }

    @Test
    void badSpectrogramsAreRejectedWithTheirLocation() {
        float[][][] values = new float[1][2][3];
        values[0][1][2] = Float.NaN;
        Spectrogram nan = new Spectrogram(values, new double[] {0, 50}, new double[] {0.1, 0.2, 0.3}, true);
        var e = assertThrows(IllegalArgumentException.class, () -> SpectrogramPlot.of(nan, 0));
        assertTrue(e.getMessage().contains("lead 0 has NaN at 50.00 Hz, 0.30 s"), e.getMessage());

        Spectrogram shape = new Spectrogram(new float[1][2][3], new double[] {0, 50, 100}, new double[] {0, 1, 2},
                false);
        e = assertThrows(IllegalArgumentException.class, () -> SpectrogramPlot.grid(shape));
        assertTrue(e.getMessage().contains("2 frequency rows but 3 frequencies"), e.getMessage());

        Spectrogram unordered = new Spectrogram(new float[1][2][2], new double[] {0, 50}, new double[] {1, 0}, false);
        e = assertThrows(IllegalArgumentException.class, () -> SpectrogramPlot.of(unordered, 0));
        assertTrue(e.getMessage().contains("times must be finite and increasing"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> SpectrogramPlot.of(ramp(), "V1"));
        assertTrue(e.getMessage().contains("no lead V1; its leads are [lead 1, lead 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpectrogramPlot.grid(ramp(), List.of("I")));
    }

    @Test
    void gridPlacesTwelveLeadsAsOnTheClinicalPage() {
        // Lead k is constant k: each panel has one colour, found back by searching the image for it.
        float[][][] values = new float[12][33][30];
        double[] frequencies = new double[33];
        double[] times = new double[30];
        for (int k = 0; k < 33; k++) {
            frequencies[k] = k * 100.0 / 64;
        }
        for (int t = 0; t < 30; t++) {
            times[t] = 0.32 * (t + 1);
        }
        for (int lead = 0; lead < 12; lead++) {
            for (float[] row : values[lead]) {
                java.util.Arrays.fill(row, lead);
            }
        }
        Figure figure = SpectrogramPlot.grid(new Spectrogram(values, frequencies, times, false));
        double[][] centres = new double[12][3];
        for (int y = 0; y < figure.getHeight(); y++) {
            for (int x = 0; x < figure.getWidth() - 100; x++) { // the colour bar is the right-most 100 px
                int colour = figure.getRGB(x, y) & 0xFFFFFF;
                for (int lead = 0; lead < 12; lead++) {
                    if (colour == Viridis.rgb(lead, 0, 11)) {
                        centres[lead][0] += x;
                        centres[lead][1] += y;
                        centres[lead][2]++;
                    }
                }
            }
        }
        for (double[] c : centres) {
            assertTrue(c[2] > 1000, "every lead's panel is visible");
            c[0] /= c[2];
            c[1] /= c[2];
        }
        // I, II, III in the first column top to bottom; aVR beside I; V4-V6 in the last column.
        assertEquals(centres[0][0], centres[2][0], 1.0);
        assertTrue(centres[0][1] < centres[1][1] && centres[1][1] < centres[2][1]);
        assertEquals(centres[0][1], centres[3][1], 1.0);
        assertTrue(centres[9][0] > centres[6][0] && centres[6][0] > centres[3][0] && centres[3][0] > centres[0][0]);
        assertEquals(centres[2][1], centres[11][1], 1.0);
    }

    @Test
    void axesTicksAreRoundAndInsideTheRange() {
        assertArrayEquals(new double[] {0, 2.5, 5, 7.5}, Axes.ticks(0, 9.984, 4), 1e-12);
        assertArrayEquals(new double[] {0, 50, 100, 150, 200, 250}, Axes.ticks(-1.95, 251.95, 6), 1e-12);
        assertArrayEquals(new double[] {-80, -60, -40, -20}, Axes.ticks(-85, -5, 5), 1e-12);
        assertEquals("7.5", Axes.format(7.5, 2.5));
        assertEquals("20", Axes.format(20, 10));
        assertEquals("0", Axes.format(1e-17, 0.25));
        assertEquals("-0.25", Axes.format(-0.25, 0.25));
    }

    @Test
    void noDataColourOnlyWhereTheAxesPassTheFrames() {
        assertEquals(0, greyPixelsBesideTheHeatmap(0.25), "frames centred 0.25 s to 9.75 s cover 0-10 s");
        // Frames from 1.25 s leave 0-1 s (a tenth of the 10 s axis) without data.
        int grey = greyPixelsBesideTheHeatmap(1.25);
        int heatmap = SpectrogramPlot.axes(frames(1.25), new Rectangle(0, 0, 600, 260), SpectrogramStyle.DEFAULT)
                .area.height;
        assertEquals(0.1 * 600 * heatmap, grey, 2 * heatmap);
    }

    private static Spectrogram frames(double firstCentre) {
        double[] times = new double[20 - (int) ((firstCentre - 0.25) / 0.5)];
        for (int t = 0; t < times.length; t++) {
            times[t] = firstCentre + 0.5 * t;
        }
        return new Spectrogram(new float[1][3][times.length], new double[] {0, 1, 2}, times, false);
    }

    /**
     * Grey no-data pixels inside the plot area, in the rows of the heatmap (a constant spectrogram: viridis' middle
     * colour); antialiased tick labels left of the plot area may contain the same grey.
     */
    private static int greyPixelsBesideTheHeatmap(double firstCentre) {
        Figure figure = SpectrogramPlot.of(frames(firstCentre), 0);
        int middle = Viridis.rgb(Viridis.SIZE / 2);
        int grey = SpectrogramPlot.NO_DATA.getRGB() & 0xFFFFFF;
        int count = 0;
        for (int y = 0; y < figure.getHeight(); y++) {
            List<Integer> heatmap = Pixels.columnsWhere(figure, y, c -> c == middle);
            if (heatmap.size() > 100) { // a heatmap row, not the colour bar's middle row
                int right = heatmap.get(heatmap.size() - 1);
                count += (int) Pixels.columnsWhere(figure, y, c -> c == grey).stream().filter(x -> x >= SpectrogramPlot.LEFT && x < right).count();
            }
        }
        return count;
    }
}
