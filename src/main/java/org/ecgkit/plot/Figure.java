package org.ecgkit.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * A rendered figure: it <em>is</em> a {@link BufferedImage} (so a notebook shows it inline like any image), and it
 * keeps its drawing instructions so that {@link #toSvg(Path)} can replay them as vectors rather than embed pixels.
 *
 * <p>The painter draws in pixel coordinates on a canvas of {@link #getWidth()} × {@link #getHeight()}; the same
 * painter runs once for the raster and again for each SVG export.
 */
public final class Figure extends BufferedImage {

    private final Consumer<Graphics2D> painter;

    Figure(int width, int height, Consumer<Graphics2D> painter) {
        super(checkSize(width, "width"), checkSize(height, "height"), BufferedImage.TYPE_INT_RGB);
        this.painter = painter;
        Graphics2D g = createGraphics();
        try {
            paint(g);
        } finally {
            g.dispose();
        }
    }

    private static int checkSize(int pixels, String what) {
        if (pixels <= 0 || pixels > 20_000) {
            throw new IllegalArgumentException("figure " + what + " must be 1 to 20,000 pixels, got " + pixels);
        }
        return pixels;
    }

    private void paint(Graphics2D g) {
        // Text always antialiased; shapes choose per element (ECG grid lines stay crisp, traces are smoothed).
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        painter.accept(g);
    }

    /** Figures side by side, top-aligned on a white background, e.g. a normal and an AF spectrogram to compare. */
    public static Figure row(Figure... figures) {
        if (figures.length == 0) {
            throw new IllegalArgumentException("a row needs at least one figure");
        }
        int gap = 16;
        int width = java.util.Arrays.stream(figures).mapToInt(Figure::getWidth).sum() + gap * (figures.length - 1);
        int height = java.util.Arrays.stream(figures).mapToInt(Figure::getHeight).max().orElseThrow();
        return new Figure(width, height, g -> {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            int x = 0;
            for (Figure figure : figures) {
                // replaying each painter keeps the row a vector figure for SVG export
                Graphics2D part = (Graphics2D) g.create(x, 0, figure.getWidth(), figure.getHeight());
                try {
                    figure.paint(part);
                } finally {
                    part.dispose();
                }
                x += figure.getWidth() + gap;
            }
        });
    }

    /** Writes the figure as a PNG file and returns the path. */
    public Path toPng(Path file) {
        try {
            createParent(file);
            if (!ImageIO.write(this, "png", file.toFile())) {
                throw new IllegalStateException("no PNG writer available in this JVM");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write PNG " + file, e);
        }
    }

    /** Writes the figure as an SVG file (vector lines and text; heatmaps stay embedded images) and returns the path. */
    public Path toSvg(Path file) {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g);
        try {
            createParent(file);
            try (OutputStream out = Files.newOutputStream(file)) {
                new SVGProcessor().getDocument(g.getCommands(), new PageSize(getWidth(), getHeight())).writeTo(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write SVG " + file, e);
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
