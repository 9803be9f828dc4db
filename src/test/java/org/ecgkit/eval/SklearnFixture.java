package org.ecgkit.eval;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A case written by src/test/python/eval_fixtures.py: inputs and scikit-learn's outputs; null reads as NaN. */
record SklearnFixture(String name, JsonObject json) {

    private static final Gson GSON = new Gson();

    static SklearnFixture load(String name) {
        String resource = "/fixtures/eval/" + name + ".json";
        try (InputStream in = SklearnFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing; run src/test/python/eval_fixtures.py");
            }
            return new SklearnFixture(name, JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    List<String> classNames() {
        List<String> names = new ArrayList<>();
        json.getAsJsonArray("class_names").forEach(element -> names.add(element.getAsString()));
        return names;
    }

    JsonObject expected() {
        return json.getAsJsonObject("expected");
    }

    static double number(JsonElement element) {
        return element.isJsonNull() ? Double.NaN : element.getAsDouble();
    }

    static double[] doubles(JsonElement element) {
        JsonArray array = element.getAsJsonArray();
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(array.get(i));
        }
        return values;
    }

    static double[][] doubleMatrix(JsonElement element) {
        JsonArray array = element.getAsJsonArray();
        double[][] values = new double[array.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = doubles(array.get(i));
        }
        return values;
    }

    static int[] ints(JsonElement element) {
        return GSON.fromJson(element, int[].class);
    }

    static int[][] intMatrix(JsonElement element) {
        return GSON.fromJson(element, int[][].class);
    }
}
