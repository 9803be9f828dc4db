package org.ecgkit.plot;

import org.ecgkit.signal.Spectrogram;
import org.ecgkit.signal.Stft;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Spectrogram heatmaps in the viridis colormap with time (s) and frequency (Hz) axes and a colour bar.
 *
 * <pre>{@code
 * SpectrogramPlot.of(spectrogram, "II")                          // one lead
 * SpectrogramPlot.grid(spectrogram, record.leadNames())          // every lead, one shared colour scale
 * SpectrogramPlot.grid(spectrogram, names, SpectrogramStyle.DEFAULT.withMaxFrequency(50))
 * }</pre>
 *
 * <p>Each panel is filled pixel by pixel from a per-bin colour table straight into an image raster, rather than with
 * XChart's HeatMapChart, which draws one shape per bin and is far too slow for a 12-lead record's spectrograms.
 * Bins are drawn as flat cells (no interpolation) whose edges lie halfway between neighbouring bin centres, so the
 * picture shows exactly the resolution the spectrogram has.
 */
public final class SpectrogramPlot {

    /** Painted where the axes extend beyond the spectrogram's frames (e.g. before the first STFT window's centre). */
    static final Color NO_DATA = new Color(0xEEEEEE);
    private static final int SINGLE_WIDTH = 600;
    private static final int SINGLE_HEIGHT = 260;
    private static final int GRID_WIDTH = 260;
    private static final int GRID_HEIGHT = 110;
    static final int LEFT = 64;
    private static final int TOP = 30;
    private static final int BOTTOM = 50;
    private static final int PANEL_GAP_X = 14;
    private static final int PANEL_GAP_Y = 28;
    private static final int BAR_GAP = 16;
    private static final int BAR_WIDTH = 16;
    private static final int BAR_LABELS = 74;

    private SpectrogramPlot() {
    }

    /**
     * One lead, named as in {@link EcgRecord#STANDARD_LEADS} for a 12-lead spectrogram, {@code "lead 1"}... otherwise.
     */
    public static Figure of(Spectrogram spectrogram, String lead) {
        return of(spectrogram, lead, SpectrogramStyle.DEFAULT);
    }

    public static Figure of(Spectrogram spectrogram, String lead, SpectrogramStyle style) {
        List<String> names = EcgRecord.defaultLeadNames(leadCount(spectrogram));
        int index = EcgRecord.indexIgnoringCase(names, lead);
        if (index < 0) {
            throw new IllegalArgumentException("spectrogram has no lead " + lead + "; its leads are " + names);
        }
        return single(spectrogram, index, "lead " + names.get(index), style);
    }

    /**
     * One lead of a record through an STFT, titled with the record's id and classes, e.g.
     * {@code SpectrogramPlot.of(record, "V1", stft)}.
     */
    public static Figure of(EcgRecord record, String lead, Stft stft) {
        int index = record.leadIndex(lead);
        Spectrogram spectrogram = stft.apply(new float[][] {record.leads()[index]}, record.samplingRate());
        return single(spectrogram, 0, record.id() + " · lead " + record.leadNames().get(index), SpectrogramStyle.DEFAULT);
    }

    /** One lead by index (0 = first). */
    public static Figure of(Spectrogram spectrogram, int lead) {
        checkLeadIndex(spectrogram, lead);
        String name = EcgRecord.defaultLeadNames(leadCount(spectrogram)).get(lead);
        return single(spectrogram, lead, "lead " + name, SpectrogramStyle.DEFAULT);
    }

    /** Every lead with default names (standard 12-lead names for 12 leads). */
    public static Figure grid(Spectrogram spectrogram) {
        return grid(spectrogram, EcgRecord.defaultLeadNames(leadCount(spectrogram)), SpectrogramStyle.DEFAULT);
    }

    public static Figure grid(Spectrogram spectrogram, List<String> leadNames) {
        return grid(spectrogram, leadNames, SpectrogramStyle.DEFAULT);
    }

    /**
     * Every lead in a grid of three rows filled column by column (so 12 leads fall as on the clinical page: I-III,
     * aVR-aVF, V1-V3, V4-V6), all on one colour scale with one colour bar.
     */
    public static Figure grid(Spectrogram spectrogram, List<String> leadNames, SpectrogramStyle style) {
        int leads = leadCount(spectrogram);
        if (leadNames.size() != leads) {
            throw new IllegalArgumentException("spectrogram has " + leads + " leads but " + leadNames.size()
                    + " lead names were given: " + leadNames);
        }
        int rows = Math.min(leads, 3);
        int columns = (leads + rows - 1) / rows;
        int width = style.widthOr(GRID_WIDTH);
        int height = style.heightOr(GRID_HEIGHT);
        double[] range = colourRange(spectrogram, style);
        int gridRight = LEFT + columns * width + (columns - 1) * PANEL_GAP_X;
        int gridBottom = TOP + rows * height + (rows - 1) * PANEL_GAP_Y;
        Rectangle bar = new Rectangle(gridRight + BAR_GAP, TOP, BAR_WIDTH, gridBottom - TOP);
        return new Figure(bar.x + BAR_WIDTH + BAR_LABELS, gridBottom + BOTTOM, g -> {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, bar.x + BAR_WIDTH + BAR_LABELS, gridBottom + BOTTOM);
            for (int lead = 0; lead < leads; lead++) {
                int row = lead % rows;
                int column = lead / rows;
                Rectangle area = new Rectangle(LEFT + column * (width + PANEL_GAP_X),
                        TOP + row * (height + PANEL_GAP_Y), width, height);
                Axes axes = axes(spectrogram, area, style);
                paintHeatmap(g, axes, spectrogram, lead, range);
                boolean lowestInColumn = row == rows - 1 || lead == leads - 1;
                axes.drawXAxis(g, null, lowestInColumn);
                axes.drawYAxis(g, null, column == 0, false);
                Axes.drawCentred(g, leadNames.get(lead), Axes.TITLE_FONT, area.getCenterX(), area.y - 6);
            }
            Axes.drawCentred(g, "time (s)", Axes.LABEL_FONT, (LEFT + gridRight) / 2.0, gridBottom + BOTTOM - 8);
            Axes.drawRotated(g, "frequency (Hz)", 14, (TOP + gridBottom) / 2.0);
            paintColourBar(g, bar, range, colourLabel(spectrogram));
        });
    }

    private static Figure single(Spectrogram spectrogram, int lead, String title, SpectrogramStyle style) {
        Rectangle area = new Rectangle(LEFT, TOP, style.widthOr(SINGLE_WIDTH), style.heightOr(SINGLE_HEIGHT));
        Rectangle bar = new Rectangle(area.x + area.width + BAR_GAP, area.y, BAR_WIDTH, area.height);
        double[] range = colourRange(spectrogram, lead, style);
        int width = bar.x + BAR_WIDTH + BAR_LABELS;
        int height = area.y + area.height + BOTTOM;
        return new Figure(width, height, g -> {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            Axes axes = axes(spectrogram, area, style);
            paintHeatmap(g, axes, spectrogram, lead, range);
            axes.drawXAxis(g, "time (s)", true);
            axes.drawYAxis(g, "frequency (Hz)", true, false);
            Axes.drawCentred(g, title, Axes.TITLE_FONT, area.getCenterX(), area.y - 10);
            paintColourBar(g, bar, range, colourLabel(spectrogram));
        });
    }

    static int leadCount(Spectrogram spectrogram) {
        checkShape(spectrogram);
        return spectrogram.values().length;
    }

    private static void checkLeadIndex(Spectrogram spectrogram, int lead) {
        if (lead < 0 || lead >= leadCount(spectrogram)) {
            throw new IllegalArgumentException("spectrogram has " + leadCount(spectrogram) + " leads; no lead index "
                    + lead);
        }
    }

    /** Checks that values are [lead][frequency][frame] matching the axes, and that both axes increase. */
    static void checkShape(Spectrogram s) {
        if (s.values() == null || s.values().length == 0) {
            throw new IllegalArgumentException("spectrogram has no leads");
        }
        checkIncreasing(s.frequencies(), "frequencies");
        checkIncreasing(s.times(), "times");
        for (int lead = 0; lead < s.values().length; lead++) {
            float[][] values = s.values()[lead];
            if (values == null || values.length != s.frequencies().length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "spectrogram lead %d has %s frequency rows but %d frequencies", lead,
                        values == null ? "no" : String.valueOf(values.length), s.frequencies().length));
            }
            for (int f = 0; f < values.length; f++) {
                if (values[f] == null || values[f].length != s.times().length) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "spectrogram lead %d frequency row %d has %s frames but there are %d times", lead, f,
                            values[f] == null ? "no" : String.valueOf(values[f].length), s.times().length));
                }
            }
        }
    }

    private static void checkIncreasing(double[] axis, String name) {
        if (axis == null || axis.length == 0) {
            throw new IllegalArgumentException("spectrogram has no " + name);
        }
        for (int i = 0; i < axis.length; i++) {
            if (!Double.isFinite(axis[i]) || (i > 0 && !(axis[i] > axis[i - 1]))) {
                throw new IllegalArgumentException("spectrogram " + name + " must be finite and increasing; entry "
                        + i + " is " + axis[i] + (i > 0 ? " after " + axis[i - 1] : ""));
            }
        }
    }

    static String colourLabel(Spectrogram spectrogram) {
        return spectrogram.decibels() ? "power (dB)" : "power";
    }

    /** The axes of a panel: time from 0 to the end of the last frame, frequency over the bins up to the style's cap. */
    static Axes axes(Spectrogram s, Rectangle area, SpectrogramStyle style) {
        double[] timeEdges = edges(s.times());
        double[] frequencyEdges = edges(s.frequencies());
        double lowFrequency = Math.max(0, frequencyEdges[0]);
        double highFrequency = Math.min(frequencyEdges[frequencyEdges.length - 1], style.maxFrequency());
        if (!(highFrequency > lowFrequency)) {
            throw new IllegalArgumentException("maxFrequency " + style.maxFrequency()
                    + " Hz is below the spectrogram's lowest frequency " + lowFrequency + " Hz");
        }
        return new Axes(area, Math.min(0, timeEdges[0]), timeEdges[timeEdges.length - 1], lowFrequency,
                highFrequency);
    }

    /**
     * Cell edges halfway between bin centres, the outer ones half a bin beyond the end centres; a single centre c gets
     * the cell [c - 0.5, c + 0.5] or [0, 2c], whichever is narrower, so it stays visible without a neighbour.
     */
    static double[] edges(double[] centres) {
        int n = centres.length;
        double[] edges = new double[n + 1];
        if (n == 1) {
            double half = centres[0] > 0 ? Math.min(0.5, centres[0]) : 0.5;
            return new double[] {centres[0] - half, centres[0] + half};
        }
        for (int i = 1; i < n; i++) {
            edges[i] = (centres[i - 1] + centres[i]) / 2;
        }
        edges[0] = centres[0] - (centres[1] - centres[0]) / 2;
        edges[n] = centres[n - 1] + (centres[n - 1] - centres[n - 2]) / 2;
        return edges;
    }

    /** The colour scale for all leads, over the frequencies that are shown. */
    static double[] colourRange(Spectrogram s, SpectrogramStyle style) {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int lead = 0; lead < leadCount(s); lead++) {
            widenRange(range, s, lead, style);
        }
        return finishRange(range, s, style);
    }

    /** The colour scale of one lead. */
    static double[] colourRange(Spectrogram s, int lead, SpectrogramStyle style) {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        widenRange(range, s, lead, style);
        return finishRange(range, s, style);
    }

    /** Widens [min, max] by one lead's finite values, rejecting NaN and +infinity (-infinity is dB of zero power). */
    private static void widenRange(double[] range, Spectrogram s, int lead, SpectrogramStyle style) {
        float[][] values = s.values()[lead];
        for (int f = 0; f < values.length && s.frequencies()[f] <= style.maxFrequency(); f++) {
            for (int t = 0; t < values[f].length; t++) {
                float v = values[f][t];
                if (Float.isNaN(v) || v == Float.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "spectrogram lead %d has %s at %.2f Hz, %.2f s", lead, v, s.frequencies()[f],
                            s.times()[t]));
                }
                if (v != Float.NEGATIVE_INFINITY) {
                    range[0] = Math.min(range[0], v);
                    range[1] = Math.max(range[1], v);
                }
            }
        }
    }

    private static double[] finishRange(double[] data, Spectrogram s, SpectrogramStyle style) {
        if (data[0] > data[1]) {
            throw new IllegalArgumentException("spectrogram has no finite values to colour");
        }
        double max = Double.isNaN(style.colourMax()) ? data[1] : style.colourMax();
        double min = !Double.isNaN(style.colourMin()) ? style.colourMin()
                : s.decibels() ? Math.max(data[0], max - style.dynamicRangeDb()) : data[0];
        if (!(max > min)) {
            // A constant spectrogram: a unit-wide range keeps one colour and readable colour-bar ticks.
            return new double[] {min - 0.5, min + 0.5};
        }
        return new double[] {min, max};
    }

    /** Fills the plot area with one lead's bins, one pixel at a time, straight into an image raster. */
    static void paintHeatmap(Graphics2D g, Axes axes, Spectrogram s, int lead, double[] range) {
        Rectangle area = axes.area;
        int[] frameOfColumn = new int[area.width];
        int[] binOfRow = new int[area.height];
        double[] timeEdges = edges(s.times());
        double[] frequencyEdges = edges(s.frequencies());
        for (int x = 0; x < area.width; x++) {
            frameOfColumn[x] = cell(timeEdges, axes.xValue(area.x + x + 0.5));
        }
        for (int y = 0; y < area.height; y++) {
            binOfRow[y] = cell(frequencyEdges, axes.yValue(area.y + y + 0.5));
        }
        float[][] values = s.values()[lead];
        int[][] colours = new int[values.length][];
        for (int f = 0; f < values.length; f++) {
            colours[f] = new int[values[f].length];
            for (int t = 0; t < values[f].length; t++) {
                colours[f][t] = Viridis.rgb(values[f][t], range[0], range[1]);
            }
        }
        BufferedImage image = new BufferedImage(area.width, area.height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int noData = NO_DATA.getRGB() & 0xFFFFFF;
        for (int y = 0; y < area.height; y++) {
            int bin = binOfRow[y];
            for (int x = 0; x < area.width; x++) {
                int frame = frameOfColumn[x];
                pixels[y * area.width + x] = bin < 0 || frame < 0 ? noData : colours[bin][frame];
            }
        }
        g.drawImage(image, area.x, area.y, null);
        axes.drawFrame(g);
    }

    /** Index of the cell [edges[i], edges[i+1]) holding value, or -1 outside all cells. */
    private static int cell(double[] edges, double value) {
        if (value < edges[0] || value >= edges[edges.length - 1]) {
            return -1;
        }
        int i = Arrays.binarySearch(edges, value);
        return i >= 0 ? i : -i - 2;
    }

    /** A vertical bar of the colormap from range[0] (bottom) to range[1] (top), ticks and label on its right. */
    static void paintColourBar(Graphics2D g, Rectangle bar, double[] range, String label) {
        Axes axes = new Axes(bar, 0, 1, range[0], range[1]);
        BufferedImage image = new BufferedImage(1, bar.height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < bar.height; y++) {
            image.setRGB(0, y, Viridis.rgb(axes.yValue(bar.y + y + 0.5), range[0], range[1]));
        }
        g.drawImage(image, bar.x, bar.y, bar.width, bar.height, null);
        axes.drawFrame(g);
        axes.drawYAxis(g, label, true, true);
    }
}
