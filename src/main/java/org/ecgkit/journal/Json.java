package org.ecgkit.journal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;
import org.ecgkit.data.Input;
import org.ecgkit.data.MetadataInput;
import org.ecgkit.data.VectorInput;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal's JSON: the kit's records as Gson writes them (as {@code TrainingConfig.toJson()} does, NaN allowed),
 * plus the data layer's {@link Input}s, which are an interface and so need a {@code kind} to be read back.
 */
final class Json {

    /** One journal line: no line breaks. */
    static final Gson LINE = builder().create();
    /** Files in a run folder, for people to read. */
    static final Gson PRETTY = builder().setPrettyPrinting().create();

    private Json() {
    }

    private static GsonBuilder builder() {
        return new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping()
                .registerTypeHierarchyAdapter(Input.class, new InputAdapter());
    }

    /** Writes the inputs the kit knows; others cannot be recorded, since a rerun could not rebuild them. */
    private static final class InputAdapter implements JsonSerializer<Input>, JsonDeserializer<Input> {

        @Override
        public JsonElement serialize(Input input, Type type, JsonSerializationContext context) {
            JsonObject json = new JsonObject();
            if (input instanceof Input.Waveform) {
                json.addProperty("kind", "waveform");
            } else if (input.equals(Input.spectrogram())) {
                json.addProperty("kind", "spectrogram");
            } else if (input instanceof Input.ArrayInput array) {
                json.addProperty("kind", "array");
                json.addProperty("name", array.name());
                json.addProperty("file", array.file());
            } else if (input instanceof MetadataInput metadata) {
                json.addProperty("kind", "metadata");
                json.add("columns", context.serialize(metadata.columns()));
                json.add("means", context.serialize(metadata.means()));
                json.add("stds", context.serialize(metadata.stds()));
            } else if (input instanceof VectorInput vector) {
                json.addProperty("kind", "vector");
                json.addProperty("name", vector.name());
                JsonArray parts = new JsonArray();
                vector.parts().forEach(part -> parts.add(serialize(part, Input.class, context)));
                json.add("parts", parts);
                json.add("means", context.serialize(vector.means()));
                json.add("stds", context.serialize(vector.stds()));
            } else {
                throw new IllegalArgumentException("cannot record input " + input + " (" + input.getClass().getName()
                        + ") in an experiment; use Input.waveform(), spectrogram(), array(..), metadata(..) or vector(..)");
            }
            return json;
        }

        @Override
        public Input deserialize(JsonElement element, Type type, JsonDeserializationContext context) {
            JsonObject json = element.getAsJsonObject();
            String kind = json.has("kind") ? json.get("kind").getAsString() : "(none)";
            return switch (kind) {
                case "waveform" -> Input.waveform();
                case "spectrogram" -> Input.spectrogram();
                case "array" -> new Input.ArrayInput(json.get("name").getAsString(), json.get("file").getAsString());
                case "metadata" -> new MetadataInput(strings(json.getAsJsonArray("columns")),
                        context.deserialize(json.get("means"), double[].class), context.deserialize(json.get("stds"), double[].class));
                case "vector" -> {
                    List<Input> parts = new ArrayList<>();
                    json.getAsJsonArray("parts").forEach(part -> parts.add(deserialize(part, Input.class, context)));
                    yield new VectorInput(json.get("name").getAsString(), parts,
                            context.deserialize(json.get("means"), double[].class), context.deserialize(json.get("stds"), double[].class));
                }
                default -> throw new JsonParseException("unknown input kind '" + kind + "' in " + json
                        + "; expected waveform, spectrogram, array, metadata or vector");
            };
        }

        private static List<String> strings(JsonArray array) {
            List<String> values = new ArrayList<>();
            array.forEach(value -> values.add(value.getAsString()));
            return values;
        }
    }

    /** The derived {@code .npy} files (without extension) an input reads, e.g. {@code spectrograms}, {@code rr}. */
    static List<String> arrayFiles(Input input) {
        if (input instanceof Input.ArrayInput array) {
            return List.of(array.file());
        }
        if (input instanceof VectorInput vector) {
            return vector.parts().stream().flatMap(part -> arrayFiles(part).stream()).toList();
        }
        return List.of();
    }
}
