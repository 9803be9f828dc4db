package org.ecgkit.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code --name value} pairs of a command line, with defaults; an option nobody asked for is an error at the end. */
final class Options {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> read = new TreeSet<>();

    Options(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("expected --option value pairs, got " + Arrays.toString(args));
        }
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value pairs, got " + Arrays.toString(args));
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
    }

    String text(String name, String otherwise) {
        read.add(name);
        return values.getOrDefault(name, otherwise);
    }

    int integer(String name, int otherwise) {
        return Integer.parseInt(text(name, Integer.toString(otherwise)));
    }

    double number(String name, double otherwise) {
        return Double.parseDouble(text(name, Double.toString(otherwise)));
    }

    boolean flag(String name, boolean otherwise) {
        return Boolean.parseBoolean(text(name, Boolean.toString(otherwise)));
    }

    int[] integers(String name, String otherwise) {
        return Arrays.stream(text(name, otherwise).split(",")).mapToInt(v -> Integer.parseInt(v.strip())).toArray();
    }

    /** Fails on any option that no call above has read: a typo must not silently fall back to a default. */
    void requireAllRead() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + unknown + "; known: " + read);
        }
    }
}
