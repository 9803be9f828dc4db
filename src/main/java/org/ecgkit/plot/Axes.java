package org.ecgkit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plot area in pixels with linear data ranges, tick marks and labels. Hand-written rather than XChart because the
 * composite figures (spectrogram under its waveform, colour bars) need panels whose plot areas sit at exact,
 * shared pixel positions, and XChart sizes each chart's plot area from its own label widths.
 */
final class Axes {

    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    static final Color FRAME = new Color(0x333333);
    private static final Color GRID = new Color(0xE4E4E4);
    private static final int TICK_LENGTH = 4;
    private static final int TICK_GAP = 3;

    final Rectangle area;
    final double xMin;
    final double xMax;
    final double yMin;
    final double yMax;

    Axes(Rectangle area, double xMin, double xMax, double yMin, double yMax) {
        if (!(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "empty axis range x [%s, %s], y [%s, %s]", xMin, xMax, yMin, yMax));
        }
        this.area = area;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    /** Pixel column of a data x value. */
    double x(double value) {
        return area.x + (value - xMin) / (xMax - xMin) * area.width;
    }

    /** Pixel row of a data y value (up is larger). */
    double y(double value) {
        return area.y + area.height - (value - yMin) / (yMax - yMin) * area.height;
    }

    /** Data x value at a pixel column. */
    double xValue(double pixel) {
        return xMin + (pixel - area.x) / area.width * (xMax - xMin);
    }

    /** Data y value at a pixel row. */
    double yValue(double pixel) {
        return yMin + (area.y + area.height - pixel) / area.height * (yMax - yMin);
    }

    /** Light grid lines at the tick positions of both axes. */
    void drawGrid(Graphics2D g) {
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1));
        for (double t : ticks(xMin, xMax, xTickCount())) {
            g.draw(new Line2D.Double(x(t), area.y, x(t), area.getMaxY()));
        }
        for (double t : ticks(yMin, yMax, yTickCount())) {
            g.draw(new Line2D.Double(area.x, y(t), area.getMaxX(), y(t)));
        }
    }

    void drawFrame(Graphics2D g) {
        g.setColor(FRAME);
        g.setStroke(new BasicStroke(1));
        g.draw(new Rectangle(area.x, area.y, area.width, area.height));
    }

    /** A polyline through (xs[i], ys[i]) clipped to the plot area. */
    void drawLine(Graphics2D g, double[] xs, double[] ys, Color colour, float width) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, xs.length);
        for (int i = 0; i < xs.length; i++) {
            if (i == 0) {
                path.moveTo(x(xs[i]), y(ys[i]));
            } else {
                path.lineTo(x(xs[i]), y(ys[i]));
            }
        }
        Shape oldClip = g.getClip();
        g.clip(area);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(colour);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        g.setClip(oldClip);
    }

    /** Ticks below the area, with their labels when {@code withLabels}, and the axis title (null for none). */
    void drawXAxis(Graphics2D g, String title, boolean withLabels) {
        g.setColor(FRAME);
        g.setFont(TICK_FONT);
        FontMetrics metrics = g.getFontMetrics();
        double[] ticks = ticks(xMin, xMax, xTickCount());
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : Math.abs(ticks[0]);
        int bottom = area.y + area.height;
        for (double t : ticks) {
            g.draw(new Line2D.Double(x(t), bottom, x(t), bottom + TICK_LENGTH));
            if (withLabels) {
                String label = format(t, step);
                g.drawString(label, (float) (x(t) - metrics.stringWidth(label) / 2.0),
                        bottom + TICK_LENGTH + TICK_GAP + metrics.getAscent());
            }
        }
        if (title != null) {
            int y = bottom + TICK_LENGTH + TICK_GAP + metrics.getHeight() + LABEL_FONT.getSize() + 2;
            drawCentred(g, title, LABEL_FONT, area.getCenterX(), y);
        }
    }

    /** Ticks left of the area (or right, for colour bars), labels when {@code withLabels}, and the axis title. */
    void drawYAxis(Graphics2D g, String title, boolean withLabels, boolean onRight) {
        g.setColor(FRAME);
        g.setFont(TICK_FONT);
        FontMetrics metrics = g.getFontMetrics();
        double[] ticks = ticks(yMin, yMax, yTickCount());
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : Math.abs(ticks[0]);
        int edge = onRight ? area.x + area.width : area.x;
        int direction = onRight ? 1 : -1;
        int widest = 0;
        for (double t : ticks) {
            g.draw(new Line2D.Double(edge, y(t), edge + direction * TICK_LENGTH, y(t)));
            if (withLabels) {
                String label = format(t, step);
                int width = metrics.stringWidth(label);
                widest = Math.max(widest, width);
                float left = onRight ? edge + TICK_LENGTH + TICK_GAP : edge - TICK_LENGTH - TICK_GAP - width;
                g.drawString(label, left, (float) (y(t) + metrics.getAscent() / 2.0 - 1));
            }
        }
        if (title != null) {
            double x = edge + direction * (TICK_LENGTH + TICK_GAP + widest + 6 + LABEL_FONT.getSize() / 2.0);
            drawRotated(g, title, x, area.getCenterY());
        }
    }

    /** Text centred horizontally at x with its baseline at y. */
    static void drawCentred(Graphics2D g, String text, Font font, double x, double y) {
        g.setFont(font);
        g.setColor(FRAME);
        g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text) / 2.0), (float) y);
    }

    /** Text read bottom to top, centred on (x, y). */
    static void drawRotated(Graphics2D g, String text, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        g.setFont(LABEL_FONT);
        g.setColor(FRAME);
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, -metrics.stringWidth(text) / 2f, metrics.getAscent() / 2f - 1);
        g.setTransform(saved);
    }

    private int xTickCount() {
        return Math.max(2, area.width / 60);
    }

    private int yTickCount() {
        return Math.max(2, area.height / 25);
    }

    /**
     * Round tick values (1, 2, 2.5 or 5 times a power of ten apart) inside [lo, hi], at most about {@code maxCount}
     * of them; always at least one.
     */
    static double[] ticks(double lo, double hi, int maxCount) {
        double raw = (hi - lo) / Math.max(1, maxCount);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * 10;
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * magnitude >= raw * (1 - 1e-9)) {
                step = factor * magnitude;
                break;
            }
        }
        List<Double> ticks = new ArrayList<>();
        double tolerance = step * 1e-9;
        for (long k = (long) Math.ceil((lo - tolerance) / step); k * step <= hi + tolerance; k++) {
            ticks.add(k * step);
        }
        if (ticks.isEmpty()) {
            ticks.add(lo);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A tick label with as many decimals as the step needs: 0.5 steps give "1.5", 2.5 give "7.5", 10 give "20". */
    static String format(double value, double step) {
        int decimals = 0;
        while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals)))
                > 1e-6 * step * Math.pow(10, decimals)) {
            decimals++;
        }
        if (Math.abs(value) < step * 1e-6) {
            value = 0;
        }
        return new BigDecimal(String.format(Locale.ROOT, "%." + decimals + "f", value)).stripTrailingZeros()
                .toPlainString();
    }
}
