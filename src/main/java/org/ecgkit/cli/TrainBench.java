package org.ecgkit.cli;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.ecgkit.model.EcgModel;
import org.ecgkit.model.HybridModel;
import org.ecgkit.model.LayerProfile;
import org.ecgkit.model.ModelInputs;
import org.ecgkit.model.NetworkSettings;
import org.ecgkit.train.Backend;
import org.ecgkit.train.NativeBuild;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-batch training and inference time of the kit's HybridModel and its waveform-only CNN against the same
 * architectures in PyTorch ({@code bench/torch_hybrid.py}), alternating step by step in one invocation (a shared
 * machine's load then hits both alike) with the same batch,
 * thread count and random data shapes (those of docs/dl4j-baseline: waveform [B, 12, 1000], spectrogram
 * [B, 12, 33, 30], metadata [B, 8], 5 classes). Prints milliseconds and DL4J ÷ PyTorch ratios. Started by
 * {@code bench/train-bench.sh}; options {@code --key value}: models (hybrid,cnn1d), batch (64), threads (2),
 * warmup (5), iterations (30), pause (200 ms before each step), workspace (ENABLED|NONE), cache (NONE|HOST|DEVICE), dtype (FLOAT|HALF|
 * BFLOAT16), helpers (on|off),
 * python (/usr/bin/python3), json (a file to append result lines to).
 */
public final class TrainBench {

    private TrainBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<String> models = List.of(options.getOrDefault("models", "hybrid,cnn1d").split(","));
        int batch = Integer.parseInt(options.getOrDefault("batch", "64"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        int iterations = Integer.parseInt(options.getOrDefault("iterations", "30"));
        long pause = Long.parseLong(options.getOrDefault("pause", "200"));
        NetworkSettings settings = NetworkSettings.defaults()
                .withWorkspaceMode(WorkspaceMode.valueOf(options.getOrDefault("workspace", "ENABLED")))
                .withCacheMode(CacheMode.valueOf(options.getOrDefault("cache", "NONE")))
                .withDataType(DataType.valueOf(options.getOrDefault("dtype", "FLOAT")));
        Backend.threads(threads);
        Nd4j.getEnvironment().allowHelpers(!options.getOrDefault("helpers", "on").equals("off"));
        String variant = String.format(Locale.ROOT, "workspace=%s cache=%s dtype=%s helpers=%s native=%s",
                settings.workspaceMode(), settings.cacheMode(), settings.dataType(), options.getOrDefault("helpers", "on"),
                NativeBuild.current());
        System.out.printf(Locale.ROOT, "batch %d, %d threads, %d warm-up + median of %d steps, DL4J and PyTorch "
                + "alternating step by step; DL4J %s%n", batch, threads, warmup, iterations, variant);

        int profile = Integer.parseInt(options.getOrDefault("profile", "0"));
        boolean compare = !options.getOrDefault("compare", "on").equals("off");
        for (String model : models) {
            EcgModel network = model(model, settings);
            MultiDataSet data = randomBatch(network, settings.dataType(), batch);
            if (profile > 0) {
                profile(model, network, data, profile);
            }
            if (!compare) {
                continue;
            }
            try (TorchPeer torch = new TorchPeer(options.getOrDefault("python", "/usr/bin/python3"), model, batch, threads)) {
                Comparison train = compare(() -> network.graph().fit(data), () -> torch.step("train"), warmup, iterations, pause);
                Comparison infer = compare(() -> network.graph().output(false, data.getFeatures()), () -> torch.step("infer"),
                        warmup, iterations, pause);
                for (String phase : List.of("train", "inference")) {
                    Comparison c = phase.equals("train") ? train : infer;
                    System.out.printf(Locale.ROOT, "%-7s %-9s wall: DL4J %7.1f ms, PyTorch %7.1f ms, DL4J ÷ PyTorch %5.2f | "
                                    + "CPU: DL4J %7.1f ms, PyTorch %7.1f ms, DL4J ÷ PyTorch %5.2f%n", model, phase,
                            c.dl4jMs(), c.torchMs(), c.ratio(), c.dl4jCpuMs(), c.torchCpuMs(), c.cpuRatio());
                }
                if (options.containsKey("json")) {
                    appendJson(Path.of(options.get("json")), model, variant, batch, threads, train, infer);
                }
            }
        }
    }

    /** The layer profile of a model, then ND4J's op profiler over the same number of fit steps. */
    private static void profile(String name, EcgModel network, MultiDataSet data, int iterations) {
        System.out.println(name + ": " + LayerProfile.measure(network, data, 3, iterations).printAll());
        OpProfiler.getInstance().reset();
        OpProfiler.getInstance().setConfig(ProfilerConfig.builder().checkElapsedTime(true).checkWorkspaces(false).build());
        Nd4j.getExecutioner().setProfilingConfig(OpProfiler.getInstance().getConfig());
        for (int i = 0; i < iterations; i++) {
            network.graph().fit(data);
        }
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkWorkspaces(false).build());
        System.out.printf(Locale.ROOT, "%s: ND4J op profiler, %d fit steps, ops over 0.1 ms (key: class, op, hash):%n%s%n",
                name, iterations, OpProfiler.getInstance().getLongAggergator().asPercentageString());
    }

    /** Medians of each side's step time and of the per-step ratio, in wall-clock and in process CPU time. */
    private record Comparison(double dl4jMs, double torchMs, double ratio, double dl4jCpuMs, double torchCpuMs,
                              double cpuRatio) {
    }

    /** Wall-clock and process CPU milliseconds of one step. */
    private record Timing(double wallMs, double cpuMs) {
    }

    @FunctionalInterface
    private interface Step {
        Timing run() throws IOException;
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private static Timing timed(Runnable step) {
        long wall = System.nanoTime();
        long cpu = OS.getProcessCpuTime();
        step.run();
        return new Timing((System.nanoTime() - wall) / 1e6, (OS.getProcessCpuTime() - cpu) / 1e6);
    }

    /**
     * Alternates one DL4J step and one PyTorch step, so that both see the same load on a shared machine, with a pause
     * before each so that the other framework's worker threads have stopped spinning. CPU time is the steadier
     * measure when other work competes for the cores; wall-clock time is what a user waits.
     */
    private static Comparison compare(Runnable dl4j, Step torch, int warmup, int iterations, long pauseMs)
            throws IOException, InterruptedException {
        for (int i = 0; i < warmup; i++) {
            dl4j.run();
            torch.run();
        }
        Timing[] dl4jTimes = new Timing[iterations];
        Timing[] torchTimes = new Timing[iterations];
        for (int i = 0; i < iterations; i++) {
            Thread.sleep(pauseMs);
            dl4jTimes[i] = timed(dl4j);
            Thread.sleep(pauseMs);
            torchTimes[i] = torch.run();
        }
        return new Comparison(
                median(Arrays.stream(dl4jTimes).mapToDouble(Timing::wallMs).toArray()),
                median(Arrays.stream(torchTimes).mapToDouble(Timing::wallMs).toArray()),
                median(java.util.stream.IntStream.range(0, iterations)
                        .mapToDouble(i -> dl4jTimes[i].wallMs() / torchTimes[i].wallMs()).toArray()),
                median(Arrays.stream(dl4jTimes).mapToDouble(Timing::cpuMs).toArray()),
                median(Arrays.stream(torchTimes).mapToDouble(Timing::cpuMs).toArray()),
                median(java.util.stream.IntStream.range(0, iterations)
                        .mapToDouble(i -> dl4jTimes[i].cpuMs() / torchTimes[i].cpuMs()).toArray()));
    }

    /** bench/torch_hybrid.py in its lock-step mode: one timed step per request. */
    private static final class TorchPeer implements AutoCloseable {
        private final Process process;
        private final BufferedReader output;
        private final java.io.Writer input;

        TorchPeer(String python, String model, int batch, int threads) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(python, "bench/torch_hybrid.py", "--serve", "--model", model,
                    "--batch", Integer.toString(batch), "--threads", Integer.toString(threads));
            builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
            process = builder.start();
            output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            input = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            String ready = output.readLine();
            if (!"ready".equals(ready)) {
                throw new IllegalStateException("bench/torch_hybrid.py did not start: " + ready);
            }
        }

        Timing step(String kind) throws IOException {
            input.write(kind + "\n");
            input.flush();
            String line = output.readLine();
            if (line == null) {
                throw new IllegalStateException("bench/torch_hybrid.py ended during a " + kind + " step");
            }
            String[] times = line.trim().split(" ");
            return new Timing(Double.parseDouble(times[0]), Double.parseDouble(times[1]));
        }

        @Override
        public void close() throws IOException {
            input.close();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void appendJson(Path json, String model, String variant, int batch, int threads, Comparison train,
                                   Comparison infer) throws IOException {
        JsonObject line = new JsonObject();
        line.addProperty("model", model);
        line.addProperty("variant", variant);
        line.addProperty("batch", batch);
        line.addProperty("threads", threads);
        line.add("train", new Gson().toJsonTree(train));
        line.add("inference", new Gson().toJsonTree(infer));
        Files.createDirectories(json.toAbsolutePath().getParent());
        Files.writeString(json, new Gson().toJson(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
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

    private static MultiDataSet randomBatch(EcgModel model, DataType dataType, int batch) {
        Nd4j.getRandom().setSeed(0);
        INDArray[] features = model.usedInputs().stream()
                .map(input -> Nd4j.randn(dataType, BackendCheck.batchShape(model.inputs(), input, batch)))
                .toArray(INDArray[]::new);
        INDArray labels = Nd4j.zeros(dataType, batch, model.inputs().classes());
        for (int i = 0; i < batch; i++) {
            labels.putScalar(i, i % model.inputs().classes(), 1);
        }
        return new MultiDataSet(features, new INDArray[]{labels});
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
