package org.ecgkit.cli;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.ecgkit.model.EcgModel;
import org.ecgkit.model.HybridModel;
import org.ecgkit.model.ModelInputs;
import org.ecgkit.model.NetworkSettings;
import org.ecgkit.train.Backend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-batch training and inference time of the kit's HybridModel and its waveform-only CNN against the same
 * architectures in PyTorch ({@code bench/torch_hybrid.py}), run alternately in one invocation with the same batch,
 * thread count and random data shapes (those of docs/dl4j-baseline: waveform [B, 12, 1000], spectrogram
 * [B, 12, 33, 30], metadata [B, 8], 5 classes). Prints milliseconds and DL4J ÷ PyTorch ratios. Started by
 * {@code bench/train-bench.sh}; options {@code --key value}: models (hybrid,cnn1d), batch (64), threads (2),
 * warmup (5), iterations (30), rounds (2), workspace (ENABLED|NONE), cache (NONE|HOST|DEVICE), dtype (FLOAT|HALF|
 * BFLOAT16), helpers (on|off),
 * python (/usr/bin/python3), json (a file to append result lines to).
 */
public final class TrainBench {

    private record Timing(double trainMs, double inferMs) {
    }

    private TrainBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<String> models = List.of(options.getOrDefault("models", "hybrid,cnn1d").split(","));
        int batch = Integer.parseInt(options.getOrDefault("batch", "64"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        int iterations = Integer.parseInt(options.getOrDefault("iterations", "30"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
        NetworkSettings settings = NetworkSettings.defaults()
                .withWorkspaceMode(WorkspaceMode.valueOf(options.getOrDefault("workspace", "ENABLED")))
                .withCacheMode(CacheMode.valueOf(options.getOrDefault("cache", "NONE")))
                .withDataType(DataType.valueOf(options.getOrDefault("dtype", "FLOAT")));
        Backend.threads(threads);
        Nd4j.getEnvironment().allowHelpers(!options.getOrDefault("helpers", "on").equals("off"));
        String variant = String.format(Locale.ROOT, "workspace=%s cache=%s dtype=%s helpers=%s native=%s",
                settings.workspaceMode(), settings.cacheMode(), settings.dataType(), options.getOrDefault("helpers", "on"),
                System.getProperty("org.bytedeco.javacpp.platform.extension", "generic"));
        System.out.printf(Locale.ROOT, "batch %d, %d threads, %d warm-up + median of %d iterations, %d rounds; DL4J %s%n",
                batch, threads, warmup, iterations, rounds, variant);

        for (String model : models) {
            List<Timing> dl4j = new ArrayList<>();
            List<Timing> torch = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                dl4j.add(measureDl4j(model, settings, batch, warmup, iterations));
                torch.add(measureTorch(model, options.getOrDefault("python", "/usr/bin/python3"), batch, threads, warmup, iterations));
                System.out.printf(Locale.ROOT, "  %-7s round %d  DL4J train %7.1f ms  infer %7.1f ms | PyTorch train %7.1f ms  infer %7.1f ms%n",
                        model, round, dl4j.get(round - 1).trainMs(), dl4j.get(round - 1).inferMs(),
                        torch.get(round - 1).trainMs(), torch.get(round - 1).inferMs());
            }
            double trainRatio = median(dl4j.stream().mapToDouble(Timing::trainMs).toArray())
                    / median(torch.stream().mapToDouble(Timing::trainMs).toArray());
            double inferRatio = median(dl4j.stream().mapToDouble(Timing::inferMs).toArray())
                    / median(torch.stream().mapToDouble(Timing::inferMs).toArray());
            System.out.printf(Locale.ROOT, "%-7s DL4J ÷ PyTorch: train %.2f, inference %.2f%n", model, trainRatio, inferRatio);
            if (options.containsKey("json")) {
                JsonObject line = new JsonObject();
                line.addProperty("model", model);
                line.addProperty("variant", variant);
                line.addProperty("batch", batch);
                line.addProperty("threads", threads);
                line.addProperty("dl4j_train_ms", median(dl4j.stream().mapToDouble(Timing::trainMs).toArray()));
                line.addProperty("dl4j_infer_ms", median(dl4j.stream().mapToDouble(Timing::inferMs).toArray()));
                line.addProperty("torch_train_ms", median(torch.stream().mapToDouble(Timing::trainMs).toArray()));
                line.addProperty("torch_infer_ms", median(torch.stream().mapToDouble(Timing::inferMs).toArray()));
                line.addProperty("train_ratio", trainRatio);
                line.addProperty("infer_ratio", inferRatio);
                Path json = Path.of(options.get("json"));
                Files.createDirectories(json.toAbsolutePath().getParent());
                Files.writeString(json, new Gson().toJson(line) + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value pairs, got " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /** The benchmark models: the note's shapes, without the FFT branch it does not have. */
    static EcgModel model(String name, NetworkSettings settings) {
        ModelInputs inputs = ModelInputs.builder().waveform(12, 1000).spectrogram(12, 33, 30).metadata(8).classes(5).build();
        HybridModel.Builder builder = switch (name) {
            case "hybrid" -> HybridModel.builder().fft(false);
            case "cnn1d" -> HybridModel.cnn1d();
            default -> throw new IllegalArgumentException("model '" + name + "' is not hybrid or cnn1d");
        };
        return EcgModel.build(builder.spec(), inputs, settings);
    }

    private static Timing measureDl4j(String name, NetworkSettings settings, int batch, int warmup, int iterations) {
        EcgModel model = model(name, settings);
        Nd4j.getRandom().setSeed(0);
        INDArray[] features = model.usedInputs().stream()
                .map(input -> Nd4j.randn(settings.dataType(), BackendCheck.batchShape(model.inputs(), input, batch)))
                .toArray(INDArray[]::new);
        INDArray labels = Nd4j.zeros(settings.dataType(), batch, model.inputs().classes());
        for (int i = 0; i < batch; i++) {
            labels.putScalar(i, i % model.inputs().classes(), 1);
        }
        MultiDataSet data = new MultiDataSet(features, new INDArray[]{labels});
        double train = medianMs(() -> model.graph().fit(data), warmup, iterations);
        double infer = medianMs(() -> model.graph().output(false, features), warmup, iterations);
        return new Timing(train, infer);
    }

    private static Timing measureTorch(String model, String python, int batch, int threads, int warmup, int iterations)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(python, "bench/torch_hybrid.py", "--model", model, "--batch",
                Integer.toString(batch), "--threads", Integer.toString(threads), "--warmup", Integer.toString(warmup),
                "--iterations", Integer.toString(iterations)).redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        Process process = builder.start();
        String last = null;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                last = line;
            }
        }
        if (process.waitFor() != 0 || last == null || !last.startsWith("{")) {
            throw new IllegalStateException("bench/torch_hybrid.py failed: " + last);
        }
        JsonObject result = new Gson().fromJson(last, JsonObject.class);
        return new Timing(result.get("train_ms").getAsDouble(), result.get("infer_ms").getAsDouble());
    }

    private static double medianMs(Runnable step, int warmup, int iterations) {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        double[] times = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            step.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        return median(times);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
