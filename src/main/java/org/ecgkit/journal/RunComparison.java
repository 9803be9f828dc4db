package org.ecgkit.journal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The side-by-side table of {@link Journal#compare}. */
final class RunComparison {

    /**
     * Arrays longer than this (fitted means of 480 FFT values...) show as their length, first values and a hash of
     * all of them, so that two arrays that differ further on still show as different.
     */
    private static final int SHOWN_VALUES = 6;

    private final StringColumn section = StringColumn.create("section");
    private final StringColumn key = StringColumn.create("key");
    private final StringColumn first;
    private final StringColumn second;
    private final DoubleColumn difference = DoubleColumn.create("difference");

    private RunComparison(Run a, Run b) {
        String nameA = a.id();
        String nameB = b.id().equals(nameA) ? b.id() + " (again)" : b.id();
        first = StringColumn.create(nameA);
        second = StringColumn.create(nameB);
    }

    static Table of(Run a, Run b, boolean allKeys) {
        RunComparison table = new RunComparison(a, b);
        table.section("config", flatten(Json.LINE.toJsonTree(a.experiment())), flatten(Json.LINE.toJsonTree(b.experiment())),
                allKeys);
        table.section("data", flatten(Json.LINE.toJsonTree(a.data())), flatten(Json.LINE.toJsonTree(b.data())), allKeys);
        table.section("environment", flatten(Json.LINE.toJsonTree(a.environment())),
                flatten(Json.LINE.toJsonTree(b.environment())), allKeys);
        table.row("result", "status", a.status().label(), b.status().label(), Double.NaN);
        table.number("result", "epochs", a.record().epochs(), b.record().epochs());
        table.number("result", "best_epoch", orNaN(a.record().bestEpoch()), orNaN(b.record().bestEpoch()));
        table.number("result", "parameters", a.record().parameters(), b.record().parameters());
        table.number("result", "seconds", a.seconds(), b.seconds());
        Set<String> metrics = new LinkedHashSet<>();
        metrics.addAll(a.record().testMetrics().keySet());
        metrics.addAll(b.record().testMetrics().keySet());
        metrics.forEach(metric -> table.number("test", metric, a.testMetric(metric), b.testMetric(metric)));
        Set<String> classes = new LinkedHashSet<>();
        classes.addAll(a.record().testF1().keySet());
        classes.addAll(b.record().testF1().keySet());
        classes.forEach(name -> table.number("test", "f1 " + name, a.testF1(name), b.testF1(name)));
        return Table.create(a.id() + " vs " + b.id() + (allKeys ? "" : " (configuration: differences only)"),
                table.section, table.key, table.first, table.second, table.difference);
    }

    private static double orNaN(Integer value) {
        return value == null ? Double.NaN : value;
    }

    private void section(String name, Map<String, String> a, Map<String, String> b, boolean allKeys) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            String valueA = a.getOrDefault(k, "");
            String valueB = b.getOrDefault(k, "");
            if (allKeys || !Objects.equals(valueA, valueB)) {
                row(name, k, valueA, valueB, numericDifference(valueA, valueB));
            }
        }
    }

    private void number(String name, String k, double a, double b) {
        row(name, k, format(a), format(b), a - b);
    }

    private void row(String name, String k, String a, String b, double diff) {
        section.append(name);
        key.append(k);
        first.append(a);
        second.append(b);
        difference.append(diff);
    }

    private static double numericDifference(String a, String b) {
        try {
            return Double.parseDouble(a) - Double.parseDouble(b);
        } catch (NumberFormatException notNumbers) {
            return Double.NaN;
        }
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Dotted keys to values: objects by field ({@code training.model.head}), arrays of objects by index. */
    static Map<String, String> flatten(JsonElement json) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", json, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonElement json, Map<String, String> flat) {
        if (json == null || json.isJsonNull()) {
            flat.put(prefix, "");
        } else if (json.isJsonObject()) {
            JsonObject object = json.getAsJsonObject();
            object.entrySet().forEach(entry -> flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(),
                    entry.getValue(), flat));
        } else if (json.isJsonArray() && containsObjects(json.getAsJsonArray())) {
            JsonArray array = json.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                flatten(prefix + "[" + i + "]", array.get(i), flat);
            }
        } else if (json.isJsonArray()) {
            flat.put(prefix, values(json.getAsJsonArray()));
        } else {
            flat.put(prefix, json.getAsString());
        }
    }

    private static boolean containsObjects(JsonArray array) {
        return StreamSupport.stream(array.spliterator(), false).anyMatch(e -> e.isJsonObject() || e.isJsonArray());
    }

    private static String values(JsonArray array) {
        String shown = StreamSupport.stream(array.spliterator(), false).limit(SHOWN_VALUES).map(JsonElement::getAsString)
                .collect(Collectors.joining(", "));
        return array.size() <= SHOWN_VALUES ? "[" + shown + "]"
                : "[" + array.size() + " values: " + shown + ", … " + Integer.toHexString(array.toString().hashCode()) + "]";
    }
}
