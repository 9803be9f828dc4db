package org.ecgkit.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Reading rendered figures back (which pixels are ink, where) and the numpy/scipy fixtures. */
final class Pixels {

    private Pixels() {
    }

    /** Black or nearly so: trace and text ink, never grid or paper. */
    static boolean dark(int rgb) {
        return ((rgb >> 16) & 0xFF) < 110 && ((rgb >> 8) & 0xFF) < 110 && (rgb & 0xFF) < 110;
    }

    /** Rows of column x in [fromY, toY) whose pixel matches. */
    static List<Integer> rowsWhere(BufferedImage image, int x, int fromY, int toY, IntPredicate colour) {
        List<Integer> rows = new ArrayList<>();
        for (int y = Math.max(0, fromY); y < Math.min(image.getHeight(), toY); y++) {
            if (colour.test(image.getRGB(x, y) & 0xFFFFFF)) {
                rows.add(y);
            }
        }
        return rows;
    }

    /** Mean row of the matching pixels in column x, or NaN when none match. */
    static double meanRow(BufferedImage image, int x, int fromY, int toY, IntPredicate colour) {
        return rowsWhere(image, x, fromY, toY, colour).stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
    }

    /** Columns of row y whose pixel matches. */
    static List<Integer> columnsWhere(BufferedImage image, int y, IntPredicate colour) {
        List<Integer> columns = new ArrayList<>();
        for (int x = 0; x < image.getWidth(); x++) {
            if (colour.test(image.getRGB(x, y) & 0xFFFFFF)) {
                columns.add(x);
            }
        }
        return columns;
    }

    /** A numeric CSV fixture written by src/test/python/plot_fixtures.py, header line skipped. */
    static double[][] fixture(String name) {
        Path file = Path.of("src/test/resources/fixtures/plot", name);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.stream().skip(1).filter(l -> !l.isBlank())
                    .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("missing fixture " + file + "; run src/test/python/plot_fixtures.py", e);
        }
    }

    /** One column of a fixture. */
    static double[] fixtureColumn(String name, int column) {
        return java.util.Arrays.stream(fixture(name)).mapToDouble(row -> row[column]).toArray();
    }
}
