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
import java.util.stream.IntStream;
import org.ecgkit.data.DType;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.NpyFile;
import org.ecgkit.data.NpyWriter;
import org.ecgkit.notebook.Progress;

/**
 * Spectrograms of a whole dataset, computed once into {@code spectrograms.npy} {@code [N, leads, freq, frames]}
 * float32 beside the signals, with {@code spectrograms.json} recording the settings and a fingerprint of
 * {@code signals.npy} (see {@link SourceFingerprint}). A second call with the same settings on unchanged signals
 * does nothing. Records are read, transformed and written one at a time (in parallel on all cores), so datasets
 * larger than memory work; a progress line updates in place unless {@code ECGKIT_PROGRESS=0}.
 *
 * <pre>{@code
 * Spectrograms.precompute(dataset, Stft.defaults());
 * Spectrogram first = Spectrograms.load(dataset, 0);
 * }</pre>
 */
public final class Spectrograms {

    public static final String FILE = EcgDataset.SPECTROGRAMS + ".npy";
    public static final String SIDECAR = EcgDataset.SPECTROGRAMS + ".json";
    private static final String FORMAT = "ecgkit-spectrograms/1";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private Spectrograms() {
    }

    /** What {@link #precompute} did. */
    public record Result(Path file, long[] shape, boolean reused, Duration elapsed) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s float32: %s", file.getFileName(), Arrays.toString(shape),
                    reused ? "up to date (same settings, signals unchanged), nothing computed"
                            : "computed in " + elapsed.toMillis() / 1000.0 + " s");
        }
    }

    /** Spectrograms of the stored signals. */
    public static Result precompute(EcgDataset dataset, Stft stft) {
        return precompute(dataset, stft, null);
    }

    /** Spectrograms of the signals after a zero-phase filter (e.g. {@code Butterworth.bandPass(fs)}), or none. */
    public static Result precompute(EcgDataset dataset, Stft stft, SosFilter filter) {
        long start = System.nanoTime();
        Path directory = dataset.directory();
        Path file = directory.resolve(FILE);
        Path sidecar = directory.resolve(SIDECAR);
        int frames = stft.frames(dataset.samples());
        long[] shape = {dataset.size(), dataset.leads(), stft.frequencyCount(), frames};
        JsonObject wanted = GSON.toJsonTree(description(dataset, stft, filter, shape)).getAsJsonObject();
        if (upToDate(file, sidecar, wanted, shape)) {
            return new Result(file, shape, true, Duration.ofNanos(System.nanoTime() - start));
        }
        try {
            // The sidecar goes first, so an interrupted run can never leave new settings beside old values.
            Files.deleteIfExists(sidecar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + sidecar, e);
        }
        dataset.refresh(EcgDataset.SPECTROGRAMS);
        compute(dataset, stft, filter, file, shape);
        writeSidecar(sidecar, wanted);
        return new Result(file, shape, false, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The precomputed spectrogram of one record, with its frequencies and times from the sidecar. */
    public static Spectrogram load(EcgDataset dataset, int row) {
        Path sidecar = dataset.directory().resolve(SIDECAR);
        JsonObject json = readSidecar(sidecar);
        if (json == null) {
            throw new IllegalStateException(sidecar + " does not exist; run Spectrograms.precompute(dataset, stft) first");
        }
        NpyFile array = dataset.array(EcgDataset.SPECTROGRAMS).orElseThrow(() -> new IllegalStateException(
                dataset.directory().resolve(FILE) + " does not exist; run Spectrograms.precompute(dataset, stft) first"));
        long[] shape = array.shape();
        float[] flat = array.readRow(row);
        float[][][] values = new float[(int) shape[1]][(int) shape[2]][(int) shape[3]];
        int at = 0;
        for (float[][] lead : values) {
            for (float[] bin : lead) {
                System.arraycopy(flat, at, bin, 0, bin.length);
                at += bin.length;
            }
        }
        return new Spectrogram(values, GSON.fromJson(json.get("frequencies"), double[].class),
                GSON.fromJson(json.get("times"), double[].class),
                json.getAsJsonObject("stft").get("decibels").getAsBoolean());
    }

    private static void compute(EcgDataset dataset, Stft stft, SosFilter filter, Path file, long[] shape) {
        double rate = dataset.samplingRate();
        NpyWriter writer = NpyFile.create(file, DType.FLOAT32, shape[0], (int) shape[1], (int) shape[2], (int) shape[3]);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try (Progress progress = Progress.start("spectrograms", dataset.size())) {
            IntStream.range(0, dataset.size()).parallel().forEach(row -> {
                if (failure.get() != null) {
                    return;
                }
                try {
                    float[][] signal = dataset.signal(row);
                    if (filter != null) {
                        signal = filter.apply(signal);
                    }
                    writer.writeRow(row, flatten(stft.apply(signal, rate).values()));
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

    private static float[] flatten(float[][][] values) {
        int bins = values[0].length;
        int frames = values[0][0].length;
        float[] flat = new float[values.length * bins * frames];
        int at = 0;
        for (float[][] lead : values) {
            for (float[] bin : lead) {
                System.arraycopy(bin, 0, flat, at, frames);
                at += frames;
            }
        }
        return flat;
    }

    private static Map<String, Object> description(EcgDataset dataset, Stft stft, SosFilter filter, long[] shape) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("format", FORMAT);
        d.put("shape", shape);
        d.put("layout", "[record, lead, frequency, frame]");
        d.put("sampling_rate", dataset.samplingRate());
        d.put("stft", stft.parameters());
        if (filter != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("description", filter.toString());
            f.put("sos", filter.sections());
            d.put("filter", f);
        }
        d.put("frequencies", stft.frequencies(dataset.samplingRate()));
        d.put("times", stft.times(dataset.samples(), dataset.samplingRate()));
        d.put("source", Map.of("file", EcgDataset.SIGNALS,
                "fingerprint", SourceFingerprint.of(dataset.signalsFile().path())));
        return d;
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
