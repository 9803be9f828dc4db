package org.ecgkit.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.openlca.npy.Npy;
import org.openlca.npy.NpyArray;

/** Reads the scipy reference values written by {@code src/test/python/signal_fixtures.py}. */
final class Fixtures {

    static final Path DIR = Path.of("src/test/resources/fixtures/signal");

    private Fixtures() {
    }

    static JsonObject cases() {
        try {
            return JsonParser.parseString(Files.readString(DIR.resolve("cases.json"))).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException("run /usr/bin/python3 src/test/python/signal_fixtures.py", e);
        }
    }

    static List<JsonObject> cases(String kind) {
        return StreamSupport.stream(cases().getAsJsonArray(kind).spliterator(), false)
                .map(e -> e.getAsJsonObject()).toList();
    }

    /** A 2-D (or 1-D, as one row) array as {@code [row][column]} floats. */
    static float[][] floats2d(String name) {
        double[][] values = doubles2d(name);
        float[][] result = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            result[i] = new float[values[i].length];
            for (int j = 0; j < values[i].length; j++) {
                result[i][j] = (float) values[i][j];
            }
        }
        return result;
    }

    static double[][] doubles2d(String name) {
        NpyArray<?> array = array(name);
        int[] shape = array.shape();
        double[] flat = array.asDoubleArray().data();
        int columns = shape[shape.length - 1];
        double[][] rows = new double[flat.length / columns][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(flat, r * columns, (r + 1) * columns);
        }
        return rows;
    }

    static NpyArray<?> array(String name) {
        NpyArray<?> array = Npy.read(DIR.resolve(name).toFile());
        if (array.hasColumnOrder()) {
            throw new IllegalStateException(name + " is in Fortran order; the fixtures must be written in C order");
        }
        return array;
    }

    static double[] doubles(JsonArray array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).getAsDouble();
        }
        return values;
    }

    /** Largest absolute difference relative to the largest reference magnitude: max|a−b| / max|b|. */
    static double relativeError(double[] actual, double[] expected) {
        assertEquals(expected.length, actual.length, "length");
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        return worst / scale;
    }

    static double relativeError(float[] actual, double[] expected) {
        return relativeError(Signals.toDouble(actual), expected);
    }
}
