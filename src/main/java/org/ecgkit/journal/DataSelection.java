package org.ecgkit.journal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.ecgkit.data.DatasetIterator;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Input;
import org.ecgkit.data.MetadataInput;
import org.ecgkit.data.VectorInput;
import org.ecgkit.data.Workspace;
import org.ecgkit.model.ModelInputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The data side of an experiment: which dataset, which splits, and which inputs in which order, with the
 * standardisation fitted on the training split and the settings the derived arrays were computed with (read from
 * their sidecars, e.g. the STFT parameters of {@code spectrograms.json}). Batch size and shuffle seed are the
 * training config's.
 *
 * @param dataset    the dataset's name, from its manifest
 * @param directory  the dataset directory: relative to the workspace when inside it (so a moved checkout still
 *                   finds it), absolute otherwise
 * @param train      split that trains the model (and fits standardisation)
 * @param validation split that picks the best checkpoint
 * @param test       split that the best checkpoint is evaluated on
 * @param inputs     model inputs, in the model's order (waveform, spectrogram, fft, metadata)
 * @param arrays     by derived array ({@code spectrograms}, {@code fft}, ...), the settings of its sidecar without
 *                   the signals' fingerprint and without frequencies and times
 */
public record DataSelection(String dataset, String directory, String train, String validation, String test,
                            List<Input> inputs, Map<String, JsonObject> arrays) {

    /** Sidecar entries left out: the fingerprint is covered by {@link DataFingerprint}, the axes follow from the settings. */
    private static final List<String> UNRECORDED = List.of("source", "frequencies", "times");

    public DataSelection {
        Objects.requireNonNull(directory, "directory");
        inputs = List.copyOf(inputs);
        arrays = new LinkedHashMap<>(arrays);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one input");
        }
    }

    /**
     * Selects {@code inputs} of {@code dataset}, fitting the standardisation of metadata and vector inputs on the
     * training split (values fitted elsewhere are replaced, so that nothing leaks from validation or test).
     */
    static DataSelection of(EcgDataset dataset, String train, String validation, String test, List<Input> inputs) {
        int[] trainRows = dataset.rows(train);
        dataset.rows(validation);
        dataset.rows(test);
        List<Input> fitted = inputs.stream().map(input -> fitOn(input, dataset, trainRows)).toList();
        Map<String, JsonObject> arrays = new LinkedHashMap<>();
        for (Input input : fitted) {
            for (String file : Json.arrayFiles(input)) {
                arrays.put(file, settings(dataset, file));
            }
        }
        return new DataSelection(dataset.name(), recordedDirectory(dataset.directory()), train, validation, test, fitted,
                arrays);
    }

    private static Input fitOn(Input input, EcgDataset dataset, int[] rows) {
        if (input instanceof MetadataInput metadata) {
            return metadata.standardizedOn(dataset, rows);
        }
        if (input instanceof VectorInput vector) {
            return vector.standardizedOn(dataset, rows);
        }
        return input;
    }

    private static String recordedDirectory(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        Path workspace = Workspace.dir();
        return (absolute.startsWith(workspace) ? workspace.relativize(absolute) : absolute).toString();
    }

    /** The dataset directory, resolved against the workspace when recorded relative to it. */
    public Path path() {
        Path path = Path.of(directory);
        return path.isAbsolute() ? path : Workspace.dir().resolve(path);
    }

    /** Opens the dataset and checks that its derived arrays still have the recorded settings. */
    EcgDataset open() {
        EcgDataset opened = EcgDataset.open(path());
        try {
            arrays.forEach((file, recorded) -> {
                JsonObject now = settings(opened, file);
                if (!now.equals(recorded)) {
                    throw new IllegalStateException(opened.directory().resolve(file + ".json") + " now describes "
                            + now + " but the experiment was set up with " + recorded
                            + "; compute the array again with the recorded settings, or set up a new experiment");
                }
            });
            return opened;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** The derived arrays the inputs read, e.g. {@code [spectrograms, fft, rr]}. */
    List<String> arrayFiles() {
        return List.copyOf(arrays.keySet());
    }

    /** Batches of one split, in the inputs' order; shuffled each epoch when a seed is given. */
    DatasetIterator batches(EcgDataset dataset, String split, int batchSize, Long shuffleSeed) {
        DatasetIterator.Builder builder = dataset.batches().split(split).inputs(inputs).batchSize(batchSize);
        return (shuffleSeed == null ? builder : builder.shuffle(shuffleSeed)).build();
    }

    /** The sizes and classes of these inputs, for building the model. */
    ModelInputs modelInputs(EcgDataset dataset) {
        try (DatasetIterator one = dataset.batches().split(train).inputs(inputs).batchSize(1).prefetch(1).build()) {
            return ModelInputs.from(one);
        }
    }

    /** The input names in order, e.g. {@code waveform, spectrogram, fft, metadata}. */
    public List<String> inputNames() {
        return inputs.stream().map(Input::name).toList();
    }

    private static JsonObject settings(EcgDataset dataset, String file) {
        Path sidecar = dataset.directory().resolve(file + ".json");
        JsonObject settings = new JsonObject();
        if (!Files.isRegularFile(sidecar)) {
            return settings; // an array made outside the kit: its content is still in the data fingerprint
        }
        try {
            JsonElement json = JsonParser.parseString(Files.readString(sidecar));
            if (!json.isJsonObject()) {
                throw new IllegalArgumentException(sidecar + " is not a JSON object");
            }
            json.getAsJsonObject().entrySet().stream().filter(entry -> !UNRECORDED.contains(entry.getKey()))
                    .forEach(entry -> settings.add(entry.getKey(), entry.getValue()));
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sidecar, e);
        }
    }
}
