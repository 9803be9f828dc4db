package org.ecgkit.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * What a dataset's arrays mean: sampling rate, leads, units, task and class names. Stored as {@code manifest.json}
 * beside the arrays (see docs/dataset-format.md).
 *
 * @param name         a short name for tables and the journal
 * @param samplingRate samples per second
 * @param leads        lead names in the order of the signals' second axis
 * @param samples      samples per lead in each record
 * @param units        physical unit of the signals after scaling, usually mV
 * @param signalScale  factor from stored values to {@code units} (ADC gain inverse for int16 signals; 1 otherwise)
 * @param task         multi-class (one label per record) or multi-label
 * @param classes      class names in the order of the label indices
 * @param source       where the data came from: generator and seed, or database and version
 */
public record Manifest(String name, double samplingRate, List<String> leads, int samples, String units,
                       double signalScale, Task task, List<String> classes, String source) {

    public static final String FILE_NAME = "manifest.json";
    public static final String FORMAT = "ecgkit-dataset/1";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public Manifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        leads = List.copyOf(leads);
        classes = List.copyOf(classes);
        if (!(samplingRate > 0)) {
            throw new IllegalArgumentException("sampling rate must be positive, got " + samplingRate);
        }
        if (leads.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one lead");
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one class");
        }
        units = units == null ? "mV" : units;
        source = source == null ? "" : source;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).samplingRate(samplingRate).leads(leads).samples(samples).units(units)
                .signalScale(signalScale).task(task).classes(classes).source(source);
    }

    /** Duration of one record in seconds. */
    public double seconds() {
        return samples / samplingRate;
    }

    /** Reads {@code manifest.json} from a dataset directory or a file path, naming any missing field. */
    public static Manifest read(Path dirOrFile) {
        Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(FILE_NAME) : dirOrFile;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + " does not exist: a dataset directory needs a " + FILE_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        JsonObject json;
        try {
            json = JsonParser.parseString(text).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(file + " is not a JSON object: " + e.getMessage());
        }
        String where = file.getFileName().toString();
        List<String> leads = strings(json, "leads", where);
        return new Manifest(
                json.has("name") ? json.get("name").getAsString() : file.toAbsolutePath().getParent().getFileName().toString(),
                required(json, "sampling_rate", where).getAsDouble(),
                leads,
                json.has("samples") ? json.get("samples").getAsInt() : 0,
                json.has("units") ? json.get("units").getAsString() : "mV",
                json.has("signal_scale") ? json.get("signal_scale").getAsDouble() : 1.0,
                Task.of(required(json, "task", where).getAsString()),
                strings(json, "classes", where),
                json.has("source") ? json.get("source").getAsString() : "");
    }

    /** Writes this manifest as {@code manifest.json} into {@code dir}. */
    public void write(Path dir) {
        JsonObject json = new JsonObject();
        json.addProperty("format", FORMAT);
        json.addProperty("name", name);
        json.addProperty("sampling_rate", samplingRate);
        json.add("leads", GSON.toJsonTree(leads));
        json.addProperty("samples", samples);
        json.addProperty("units", units);
        json.addProperty("signal_scale", signalScale);
        json.addProperty("task", task.id());
        json.add("classes", GSON.toJsonTree(classes));
        json.addProperty("source", source);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(FILE_NAME), GSON.toJson(json) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE_NAME), e);
        }
    }

    private static JsonElement required(JsonObject json, String field, String file) {
        JsonElement value = json.get(field);
        if (value == null || value.isJsonNull()) {
            throw new IllegalArgumentException(file + " has no \"" + field + "\" field; a manifest needs sampling_rate, "
                    + "leads, task and classes (see docs/dataset-format.md)");
        }
        return value;
    }

    private static List<String> strings(JsonObject json, String field, String file) {
        JsonElement value = required(json, field, file);
        if (!value.isJsonArray()) {
            throw new IllegalArgumentException(file + ": \"" + field + "\" must be a list of names, got " + value);
        }
        List<String> out = new ArrayList<>();
        for (JsonElement e : (JsonArray) value) {
            out.add(e.getAsString());
        }
        return out;
    }

    /** Builds a manifest; {@code units} defaults to mV and {@code signalScale} to 1. */
    public static final class Builder {
        private String name = "dataset";
        private double samplingRate;
        private List<String> leads = List.of();
        private int samples;
        private String units = "mV";
        private double signalScale = 1.0;
        private Task task = Task.MULTICLASS;
        private List<String> classes = List.of();
        private String source = "";

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder samplingRate(double samplingRate) {
            this.samplingRate = samplingRate;
            return this;
        }

        public Builder leads(List<String> leads) {
            this.leads = leads;
            return this;
        }

        public Builder samples(int samples) {
            this.samples = samples;
            return this;
        }

        public Builder units(String units) {
            this.units = units;
            return this;
        }

        public Builder signalScale(double signalScale) {
            this.signalScale = signalScale;
            return this;
        }

        public Builder task(Task task) {
            this.task = task;
            return this;
        }

        public Builder classes(List<String> classes) {
            this.classes = classes;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Manifest build() {
            return new Manifest(name, samplingRate, leads, samples, units, signalScale, task, classes, source);
        }
    }
}
