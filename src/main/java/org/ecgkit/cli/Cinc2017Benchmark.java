package org.ecgkit.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.ecgkit.check.DataCheck;
import org.ecgkit.data.DatasetIterator;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.FeatureInput;
import org.ecgkit.data.Input;
import org.ecgkit.data.SharedData;
import org.ecgkit.data.cinc.Cinc2017;
import org.ecgkit.data.window.WindowPredictions;
import org.ecgkit.eval.ClassMetrics;
import org.ecgkit.eval.Evaluation;
import org.ecgkit.model.EcgModel;
import org.ecgkit.model.HybridModel;
import org.ecgkit.model.ModelInputs;
import org.ecgkit.model.ModelSpec;
import org.ecgkit.signal.Butterworth;
import org.ecgkit.signal.FftFeatures;
import org.ecgkit.signal.RrFeatures;
import org.ecgkit.signal.Spectrograms;
import org.ecgkit.signal.Stft;
import org.ecgkit.signal.Window;
import org.ecgkit.train.Backend;
import org.ecgkit.train.LearningRateSchedule;
import org.ecgkit.train.Optimiser;
import org.ecgkit.train.Trainer;
import org.ecgkit.train.TrainingConfig;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The CinC 2017 proof on real data, end to end, as notebook 06 runs it but on all records: convert (resampled),
 * check, precompute spectrograms, FFT and RR features, train the waveform-only model and the hybrid (waveform +
 * spectrogram + FFT + RR features) with the same waveform branch and settings, pick each one's best epoch on the
 * validation split, and score both once on the test split, per record, with the challenge's metric (mean F1 of N, A,
 * O). Writes {@code results.csv}, {@code timings.csv}, {@code summary.md}, each model's history and config, and the
 * checkpoints under {@code --out}; prints the figures. Started by {@code bench/cinc2017-full.sh}.
 *
 * <p>Options ({@code --name value}): train-records (all: pilot runs train on fewer, validate on the full split), rate (100 Hz), epochs (12), batch (64), lr (0.001), filters
 * (16,32,32,64,64), kernels (7,5,5,5,3), lstm (32 units per direction; 0 for none), models (waveform,hybrid), threads
 * (2), test (true; false for pilot runs that must not look at the test split), out (target/bench/cinc2017).
 */
public final class Cinc2017Benchmark {

    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** Fixed, so that pilot runs with other settings train on the same records. */
    private static final long SUBSET_SEED = 2017;

    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();

    private Cinc2017Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        new Cinc2017Benchmark().run(new Options(args));
    }

    private void run(Options options) throws IOException {
        int trainRecords = options.integer("train-records", Integer.MAX_VALUE);
        double rate = options.number("rate", 100);
        int epochs = options.integer("epochs", 12);
        int batch = options.integer("batch", 64);
        double learningRate = options.number("lr", 1e-3);
        int[] filters = options.integers("filters", "16,32,32,64,64");
        int[] kernels = options.integers("kernels", "7,5,5,5,3");
        int lstm = options.integer("lstm", 32);
        List<String> models = List.of(options.text("models", "waveform,hybrid").split(","));
        int threads = options.integer("threads", 2);
        boolean test = options.flag("test", true);
        Path out = Path.of(options.text("out", "target/bench/cinc2017"));
        options.requireAllRead();
        Files.createDirectories(out);
        Backend.threads(threads);

        Cinc2017 cinc = timed("open and list records", () -> Cinc2017.open(SharedData.dataSet("cinc2017")));
        String name = String.format(Locale.ROOT, "cinc2017-%shz", number(rate));
        EcgDataset dataset = timed("convert (read, resample, window)", () -> cinc.converter().samplingRate(rate)
                .convert(out.resolve("data").resolve(name)).open());
        Table findings = timed("data check", () -> DataCheck.of(dataset).run());
        findings.write().csv(out.resolve("data-check.csv").toFile());
        int segment = (int) Math.round(0.64 * rate);
        Stft stft = Stft.builder().window(Window.hann()).segment(segment).overlap(segment / 2).decibels(true).build();
        timed("spectrograms", () -> Spectrograms.precompute(dataset, stft, Butterworth.bandPass(rate)));
        timed("FFT features", () -> FftFeatures.defaults().precompute(dataset));
        timed("RR features", () -> RrFeatures.precompute(dataset));

        int[] train = sampleOfRecords(dataset, dataset.rows("train"), trainRecords);
        FeatureInput fft = Input.features("fft", FftFeatures.ARRAY).standardizedOn(dataset, train);
        FeatureInput rr = Input.features("metadata", RrFeatures.ARRAY).standardizedOn(dataset, train);
        double[] classWeights = dataset.balancedClassWeights(train);
        HybridModel.Builder waveformBranch = HybridModel.builder().convolutions(filters, kernels).lstm(lstm, lstm > 0 ? 1 : 0)
                .spectrogramBatchNorm(true);

        Table results = resultsTable();
        for (String model : models) {
            List<Input> inputs = switch (model) {
                case "waveform" -> List.of(Input.waveform());
                case "hybrid" -> List.of(Input.waveform(), Input.spectrogram(), fft, rr);
                default -> throw new IllegalArgumentException("model '" + model + "' is not waveform or hybrid");
            };
            ModelSpec spec = model.equals("waveform")
                    ? HybridModel.Builder.from(waveformBranch.spec()).name("waveform").spectrogram(false).fft(false)
                    .metadata(false).spec()
                    : HybridModel.Builder.from(waveformBranch.spec()).name("hybrid").spec();
            try (DatasetIterator trainBatches = dataset.batches().rows(train).batchSize(batch).inputs(inputs).shuffle(42)
                    .build();
                 DatasetIterator valBatches = batches(dataset, "val", inputs, batch);
                 DatasetIterator testBatches = batches(dataset, "test", inputs, batch)) {
                TrainingConfig config = TrainingConfig.builder(ModelInputs.from(trainBatches), spec).epochs(epochs)
                        .batchSize(batch).optimiser(Optimiser.adam(learningRate)).schedule(LearningRateSchedule.cosine(0.05))
                        .classWeights(classWeights).seed(42).monitor("val_macro_f1").build();
                Files.writeString(out.resolve(model + "-config.json"), config.toJson(), StandardCharsets.UTF_8);
                Trainer trainer = Trainer.fromConfig(config).checkpoints(out.resolve("runs").resolve(model));
                Table history = timed(model + ": train", () -> trainer.fit(trainBatches, valBatches));
                history.write().csv(out.resolve(model + "-history.csv").toFile());
                EcgModel best = trainer.bestModel();
                addResult(results, model, "val", best, dataset, valBatches, history, trainer);
                if (test) {
                    addResult(results, model, "test", best, dataset, testBatches, history, trainer);
                }
            }
        }
        results.write().csv(out.resolve("results.csv").toFile());
        Table timings = Table.create("where the time goes",
                StringColumn.create("stage", seconds.keySet()),
                DoubleColumn.create("seconds", seconds.values().stream().mapToDouble(Double::doubleValue)),
                DoubleColumn.create("cpu_seconds", cpuSeconds.values().stream().mapToDouble(Double::doubleValue)));
        timings.write().csv(out.resolve("timings.csv").toFile());
        String summary = String.format(Locale.ROOT, "CinC 2017, %,d records (%,d windows of %d samples at %s Hz), "
                        + "trained on %,d windows, %d threads%n%n%s%n%n%s%n", cinc.records().size(), dataset.size(),
                dataset.samples(), number(rate), train.length, threads, results.printAll(), timings.printAll());
        Files.writeString(out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        System.out.println(summary);
    }

    private static DatasetIterator batches(EcgDataset dataset, String split, List<Input> inputs, int batch) {
        return dataset.batches().split(split).batchSize(batch).inputs(inputs).build();
    }

    /**
     * The windows of about {@code records} of the records among {@code rows}, drawn at random with a fixed seed, so
     * that pilot runs train on fewer records while validating (and testing) on the full splits.
     */
    private static int[] sampleOfRecords(EcgDataset dataset, int[] rows, int records) {
        List<String> recordOfRow = dataset.metadata().stringColumn(WindowPredictions.RECORD_ID).asList();
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(rows).mapToObj(recordOfRow::get).toList()));
        if (records >= ids.size()) {
            return rows;
        }
        Collections.shuffle(ids, new Random(SUBSET_SEED));
        Set<String> chosen = new HashSet<>(ids.subList(0, records));
        return Arrays.stream(rows).filter(row -> chosen.contains(recordOfRow.get(row))).toArray();
    }

    private static Table resultsTable() {
        return Table.create("CinC 2017, per record",
                StringColumn.create("model"), StringColumn.create("split"), IntColumn.create("records"),
                DoubleColumn.create("challenge_f1"), DoubleColumn.create("f1_N"), DoubleColumn.create("f1_A"),
                DoubleColumn.create("f1_O"), DoubleColumn.create("f1_noisy"), DoubleColumn.create("accuracy"),
                IntColumn.create("best_epoch"), IntColumn.create("epochs"), DoubleColumn.create("train_seconds"),
                DoubleColumn.create("train_cpu_seconds"), DoubleColumn.create("samples_per_s"),
                DoubleColumn.create("predict_seconds"));
    }

    private void addResult(Table results, String model, String split, EcgModel best, EcgDataset dataset,
                           DatasetIterator batches, Table history, Trainer trainer) {
        float[][] probabilities = timed(model + ": predict " + split, () -> best.predict(batches));
        Evaluation evaluation = WindowPredictions.meanPerRecord(dataset, dataset.rows(split), probabilities)
                .evaluation(dataset);
        DoubleColumn monitored = history.doubleColumn(trainer.config().monitor());
        results.stringColumn("model").append(model);
        results.stringColumn("split").append(split);
        results.intColumn("records").append(evaluation.classMetrics().stream().mapToInt(ClassMetrics::support).sum());
        results.doubleColumn("challenge_f1").append(evaluation.meanF1("N", "A", "O"));
        for (String label : Cinc2017.CLASSES) {
            results.doubleColumn(label.equals("~") ? "f1_noisy" : "f1_" + label).append(evaluation.classMetrics(label).f1());
        }
        results.doubleColumn("accuracy").append(evaluation.accuracy());
        results.intColumn("best_epoch").append(history.intColumn("epoch").get(monitored.indexOf(monitored.max())));
        results.intColumn("epochs").append(history.rowCount());
        results.doubleColumn("train_seconds").append(seconds.get(model + ": train"));
        results.doubleColumn("train_cpu_seconds").append(cpuSeconds.get(model + ": train"));
        results.doubleColumn("samples_per_s").append(history.doubleColumn("samples_per_s").mean());
        results.doubleColumn("predict_seconds").append(seconds.get(model + ": predict " + split));
        System.out.printf(Locale.ROOT, "%s on %s: challenge F1 %.3f%n%s%n", model, split,
                evaluation.meanF1("N", "A", "O"), evaluation.perClass().printAll());
    }

    /**
     * Runs one stage, recording its wall-clock and its process CPU seconds: on a machine shared with other jobs the
     * wall clock says more about the neighbours than about the kit, the CPU time does not.
     */
    private <T> T timed(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        long cpuStart = PROCESS.getProcessCpuTime();
        T result = work.get();
        seconds.put(stage, (System.nanoTime() - start) / 1e9);
        cpuSeconds.put(stage, (PROCESS.getProcessCpuTime() - cpuStart) / 1e9);
        System.out.printf(Locale.ROOT, "%-40s %8.1f s, %8.1f CPU s%n", stage, seconds.get(stage), cpuSeconds.get(stage));
        return result;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
