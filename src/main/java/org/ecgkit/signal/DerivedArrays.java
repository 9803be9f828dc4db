package org.ecgkit.signal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.ecgkit.data.DType;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.NpyFile;
import org.ecgkit.data.NpyWriter;
import org.ecgkit.notebook.Progress;

/**
 * Writes a per-record derived array {@code <name>.npy} {@code [N, ...]} float32 beside a dataset's signals, with a
 * {@code <name>.json} sidecar holding the settings and a {@link SourceFingerprint} of {@code signals.npy}; skips the
 * work when the sidecar already matches. Records are read, computed and written one at a time, in parallel on all
 * cores, so datasets larger than memory work; a progress line shows unless {@code ECGKIT_PROGRESS=0}. Shared by the
 * spectrogram, FFT-feature and RR-feature precomputes.
 */
final class DerivedArrays {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private DerivedArrays() {
    }

    /**
     * @param settings describes everything the values depend on besides the signals; a change means recomputing
     * @param compute  one record {@code [lead][sample]} to its row, flattened in C order
     */
    static Precomputed precompute(EcgDataset dataset, String name, long[] rowShape, Map<String, Object> settings,
                                  Function<float[][], float[]> compute) {
        long start = System.nanoTime();
        Path file = dataset.directory().resolve(name + ".npy");
        Path sidecar = dataset.directory().resolve(name + ".json");
        long[] shape = new long[rowShape.length + 1];
        shape[0] = dataset.size();
        System.arraycopy(rowShape, 0, shape, 1, rowShape.length);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("shape", shape);
        description.putAll(settings);
        description.put("source", Map.of("file", EcgDataset.SIGNALS,
                "fingerprint", SourceFingerprint.of(dataset.signalsFile().path())));
        JsonObject wanted = GSON.toJsonTree(description).getAsJsonObject();
        if (upToDate(file, sidecar, wanted, shape)) {
            return new Precomputed(file, shape, true, Duration.ofNanos(System.nanoTime() - start));
        }
        try {
            // The sidecar goes first, so an interrupted run can never leave new settings beside old values.
            Files.deleteIfExists(sidecar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + sidecar, e);
        }
        dataset.refresh(name);
        write(dataset, name, file, shape, compute);
        writeSidecar(sidecar, wanted);
        return new Precomputed(file, shape, false, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The sidecar of a derived array, or an error saying how to make it. */
    static JsonObject sidecar(EcgDataset dataset, String name, String howToMake) {
        JsonObject json = readSidecar(dataset.directory().resolve(name + ".json"));
        if (json == null) {
            throw new IllegalStateException(dataset.directory().resolve(name + ".json") + " does not exist; run "
                    + howToMake + " first");
        }
        return json;
    }

    static Gson gson() {
        return GSON;
    }

    private static void write(EcgDataset dataset, String name, Path file, long[] shape,
                              Function<float[][], float[]> compute) {
        int[] rowShape = Arrays.stream(shape, 1, shape.length).mapToInt(Math::toIntExact).toArray();
        NpyWriter writer = NpyFile.create(file, DType.FLOAT32, shape[0], rowShape);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try (Progress progress = Progress.start(name, dataset.size())) {
            IntStream.range(0, dataset.size()).parallel().forEach(row -> {
                if (failure.get() != null) {
                    return;
                }
                try {
                    writer.writeRow(row, compute.apply(dataset.signal(row)));
                    progress.step(1);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, new IllegalArgumentException(String.format(Locale.ROOT,
                            "record %d (id %s) of %s: %s", row, dataset.id(row), dataset.name(), e.getMessage()), e));
                }
            });
        }
        if (failure.get() != null) {
            writer.abort();
            throw failure.get();
        }
        writer.close();
    }

    private static boolean upToDate(Path file, Path sidecar, JsonObject wanted, long[] shape) {
        JsonObject existing = readSidecar(sidecar);
        if (existing == null || !existing.equals(wanted) || !Files.isRegularFile(file)) {
            return false;
        }
        try (NpyFile npy = NpyFile.open(file)) {
            return Arrays.equals(npy.shape(), shape) && npy.dtype() == DType.FLOAT32;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static JsonObject readSidecar(Path sidecar) {
        if (!Files.isRegularFile(sidecar)) {
            return null;
        }
        try {
            JsonElement json = JsonParser.parseString(Files.readString(sidecar));
            return json.isJsonObject() ? json.getAsJsonObject() : null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static void writeSidecar(Path sidecar, JsonObject json) {
        try {
            Path partial = sidecar.resolveSibling(sidecar.getFileName() + ".partial");
            Files.writeString(partial, GSON.toJson(json));
            Files.move(partial, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + sidecar, e);
        }
    }
}
