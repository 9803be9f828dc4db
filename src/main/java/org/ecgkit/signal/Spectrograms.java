package org.ecgkit.signal;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.NpyFile;

/**
 * Spectrograms of a whole dataset, computed once into {@code spectrograms.npy} {@code [N, leads, freq, frames]}
 * float32 beside the signals, with {@code spectrograms.json} recording the settings, frequencies, frame times and a
 * fingerprint of {@code signals.npy}. A second call with the same settings on unchanged signals does nothing. Records
 * are streamed one at a time (in parallel on all cores), so datasets larger than memory work; a progress line
 * updates in place unless {@code ECGKIT_PROGRESS=0}. The model reads the result through the data layer's
 * {@code Input.spectrogram()}.
 *
 * <pre>{@code
 * Spectrograms.precompute(dataset, Stft.defaults());
 * Spectrogram first = Spectrograms.load(dataset, 0);
 * }</pre>
 */
public final class Spectrograms {

    private static final String NAME = EcgDataset.SPECTROGRAMS;
    private static final String HOW_TO_MAKE = "Spectrograms.precompute(dataset, stft)";

    private Spectrograms() {
    }

    /** Spectrograms of the stored signals. */
    public static Precomputed precompute(EcgDataset dataset, Stft stft) {
        return precompute(dataset, stft, null);
    }

    /** Spectrograms of the signals after a zero-phase filter (e.g. {@code Butterworth.bandPass(fs)}), or none. */
    public static Precomputed precompute(EcgDataset dataset, Stft stft, SosFilter filter) {
        double rate = dataset.samplingRate();
        long[] rowShape = {dataset.leads(), stft.frequencyCount(), stft.frames(dataset.samples())};
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("layout", "[record, lead, frequency, frame]");
        settings.put("sampling_rate", rate);
        settings.put("stft", stft.parameters());
        if (filter != null) {
            settings.put("filter", Map.of("description", filter.toString(), "sos", filter.sections()));
        }
        settings.put("frequencies", stft.frequencies(rate));
        settings.put("times", stft.times(dataset.samples(), rate));
        return DerivedArrays.precompute(dataset, NAME, rowShape, settings, record -> {
            float[][] signal = filter == null ? record : filter.apply(record);
            return flatten(stft.apply(signal, rate).values());
        });
    }

    /** The precomputed spectrogram of one record, with its frequencies and times from the sidecar. */
    public static Spectrogram load(EcgDataset dataset, int row) {
        JsonObject json = DerivedArrays.sidecar(dataset, NAME, HOW_TO_MAKE);
        NpyFile array = dataset.array(NAME).orElseThrow(() -> new IllegalStateException(
                dataset.directory().resolve(NAME + ".npy") + " does not exist; run " + HOW_TO_MAKE + " first"));
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
        var gson = DerivedArrays.gson();
        return new Spectrogram(values, gson.fromJson(json.get("frequencies"), double[].class),
                gson.fromJson(json.get("times"), double[].class),
                json.getAsJsonObject("stft").get("decibels").getAsBoolean());
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
}
