package org.ecgkit.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The kit's model file: a DL4J {@link ModelSerializer} zip (so plain DL4J can load it too) with extra JSON entries
 * under {@code ecgkit/}: the architecture and inputs, and whatever the caller adds (the trainer's state). Written
 * atomically through {@link AtomicFiles}.
 */
public final class ModelFile {

    /** JSON of a {@link ModelFile.Description}. */
    public static final String MODEL_ENTRY = "ecgkit/model.json";

    /** Shared JSON settings for the kit's records; NaN (an undefined metric) is written as NaN. */
    public static final Gson JSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /** What the zip says about the graph in it. */
    public record Description(ModelSpec spec, ModelInputs inputs) {
    }

    private ModelFile() {
    }

    /**
     * Writes {@code model} to {@code target} atomically.
     *
     * @param withUpdater whether to keep the optimiser state, needed to resume training
     * @param extraEntries further entries, name to UTF-8 text
     */
    public static void write(EcgModel model, Path target, boolean withUpdater, Map<String, String> extraEntries) throws IOException {
        ByteArrayOutputStream serialised = new ByteArrayOutputStream();
        ModelSerializer.writeModel(model.graph(), serialised, withUpdater);
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(MODEL_ENTRY, JSON.toJson(new Description(model.spec(), model.inputs())));
        entries.putAll(extraEntries);
        AtomicFiles.write(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            try (ZipInputStream dl4j = new ZipInputStream(new ByteArrayInputStream(serialised.toByteArray()))) {
                for (ZipEntry entry = dl4j.getNextEntry(); entry != null; entry = dl4j.getNextEntry()) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    dl4j.transferTo(zip);
                    zip.closeEntry();
                }
            }
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /** Reads a model written by {@link #write}. */
    public static EcgModel read(Path file, boolean withUpdater) throws IOException {
        Description description = JSON.fromJson(readEntry(file, MODEL_ENTRY), Description.class);
        ComputationGraph graph = ModelSerializer.restoreComputationGraph(file.toFile(), withUpdater);
        return new EcgModel(graph, description.spec(), description.inputs());
    }

    /** One text entry of the zip. */
    public static String readEntry(Path file, String name) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("model file " + file + " does not exist");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new IOException(file + " has no entry " + name + "; it was not written by ecgkit");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
