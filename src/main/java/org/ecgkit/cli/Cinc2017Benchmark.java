package org.ecgkit.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.ecgkit.check.DataCheck;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Input;
import org.ecgkit.data.SharedData;
import org.ecgkit.data.cinc.Cinc2017;
import org.ecgkit.eval.Evaluation;
import org.ecgkit.journal.Experiment;
import org.ecgkit.journal.Journal;
import org.ecgkit.journal.Run;
import org.ecgkit.model.HybridModel;
import org.ecgkit.signal.Butterworth;
import org.ecgkit.signal.FftFeatures;
import org.ecgkit.signal.RrFeatures;
import org.ecgkit.signal.Spectrograms;
import org.ecgkit.signal.Stft;
import org.ecgkit.signal.Window;
import org.ecgkit.train.Backend;
import org.ecgkit.train.LearningRateSchedule;
import org.ecgkit.train.Optimiser;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The CinC 2017 proof on real data, end to end, as notebook 06 runs it but on every record: convert (resampled),
 * check, precompute spectrograms, FFT and RR features, then train the waveform-only model and the hybrid (waveform +
 * spectrogram + FFT + RR features) with the same waveform branch and training settings as journaled
 * {@link Experiment}s, each keeping its best epoch on the validation split and scored once on the test split, per
 * record, with the challenge's metric (mean F1 of N, A, O). Writes {@code results.csv} (F1 per model),
 * {@code training.csv}, {@code timings.csv}, {@code data-check.csv}, {@code summary.txt} and the journal ({@code runs/}: a folder per run with history,
 * checkpoints, test predictions and plots) under {@code --out}, and prints the figures. Started by
 * {@code bench/cinc2017-full.sh}.
 *
 * <p>Options ({@code --name value}): records (all; fewer for a quick end-to-end check, split among themselves),
 * rate (100 Hz), epochs (12), batch (64), lr (0.001), filters (16,32,32,64,64), kernels (7,5,5,5,3), lstm (32 units
 * per direction; 0 for none), models (waveform,hybrid), threads (2), out (target/bench/cinc2017).
 */
public final class Cinc2017Benchmark {

    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();

    private Cinc2017Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        new Cinc2017Benchmark().run(new Options(args));
    }

    private void run(Options options) throws IOException {
        int records = options.integer("records", Integer.MAX_VALUE);
        double rate = options.number("rate", 100);
        int epochs = options.integer("epochs", 12);
        int batch = options.integer("batch", 64);
        double learningRate = options.number("lr", 1e-3);
        int[] filters = options.integers("filters", "16,32,32,64,64");
        int[] kernels = options.integers("kernels", "7,5,5,5,3");
        int lstm = options.integer("lstm", 32);
        List<String> models = List.of(options.text("models", "waveform,hybrid").split(","));
        int threads = options.integer("threads", 2);
        Path out = Path.of(options.text("out", "target/bench/cinc2017"));
        options.requireAllRead();
        Files.createDirectories(out);
        Backend.threads(threads);

        Cinc2017 cinc = timed("open: list and hash records", () -> Cinc2017.open(SharedData.dataSet("cinc2017"))
                .subset(records, 2017));
        String name = String.format(Locale.ROOT, "cinc2017-%d-%shz", cinc.records().size(), number(rate));
        EcgDataset dataset = timed("convert: read, resample, window", () -> cinc.converter().samplingRate(rate)
                .convert(out.resolve("data").resolve(name)).open());
        timed("data check", () -> DataCheck.of(dataset).run()).write().csv(out.resolve("data-check.csv").toFile());
        int segment = (int) Math.round(0.64 * rate);
        Stft stft = Stft.builder().window(Window.hann()).segment(segment).overlap(segment / 2).decibels(true).build();
        timed("spectrograms", () -> Spectrograms.precompute(dataset, stft, Butterworth.bandPass(rate)));
        timed("FFT features", () -> FftFeatures.defaults().precompute(dataset));
        timed("RR features", () -> RrFeatures.precompute(dataset));

        double[] classWeights = dataset.balancedClassWeights(dataset.rows("train"));
        HybridModel.Builder hybrid = HybridModel.builder().name("hybrid").convolutions(filters, kernels)
                .lstm(lstm, lstm > 0 ? 1 : 0).spectrogramBatchNorm(true);
        Journal journal = Journal.open(out.resolve("runs"));
        Map<String, Evaluation> tests = new LinkedHashMap<>();
        Table training = trainingTable();
        for (String model : models) {
            Experiment.Builder experiment = Experiment.named("cinc2017-" + model).on(dataset).journal(journal)
                    .training(t -> t.epochs(epochs).batchSize(batch).optimiser(Optimiser.adam(learningRate))
                            .schedule(LearningRateSchedule.cosine(0.05)).classWeights(classWeights).seed(42)
                            .monitor("val_macro_f1"));
            switch (model) {
                case "waveform" -> experiment.inputs(Input.waveform()).model(HybridModel.Builder.from(hybrid.spec())
                        .name("waveform").spectrogram(false).fft(false).metadata(false));
                case "hybrid" -> experiment.inputs(Input.waveform(), Input.spectrogram(),
                        Input.vector("fft", Input.array(FftFeatures.ARRAY)),
                        Input.vector("metadata", Input.array(RrFeatures.ARRAY))).model(hybrid);
                default -> throw new IllegalArgumentException("model '" + model + "' is not waveform or hybrid");
            }
            Run run = timed(model + ": train, then test", experiment::run);
            tests.put(model, run.evaluation());
            addTraining(training, model, run);
            System.out.printf(Locale.ROOT, "%s: challenge F1 %.3f on the test split (%s)%n%s%n", model,
                    run.evaluation().meanF1("N", "A", "O"), run.id(), run.perClass().printAll());
        }
        Table results = Evaluation.f1Table(tests, "N", "A", "O").setName("CinC 2017, test split, per record");
        results.write().csv(out.resolve("results.csv").toFile());
        training.write().csv(out.resolve("training.csv").toFile());
        Table timings = Table.create("where the time goes",
                StringColumn.create("stage", seconds.keySet()),
                DoubleColumn.create("seconds", seconds.values().stream().mapToDouble(Double::doubleValue)),
                DoubleColumn.create("cpu_seconds", cpuSeconds.values().stream().mapToDouble(Double::doubleValue)));
        timings.write().csv(out.resolve("timings.csv").toFile());
        String summary = String.format(Locale.ROOT, "CinC 2017, %,d records (%,d windows of %d samples at %s Hz), "
                        + "%d threads, %s%n%n%s%n%n%s%n%n%s%n", cinc.records().size(), dataset.size(), dataset.samples(),
                number(rate), threads, device(), results.printAll(), training.printAll(), timings.printAll());
        Files.writeString(out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        System.out.println(summary);
    }

    private static Table trainingTable() {
        return Table.create("training", StringColumn.create("model"), IntColumn.create("parameters"),
                IntColumn.create("best_epoch"), IntColumn.create("epochs"), DoubleColumn.create("train_seconds"),
                DoubleColumn.create("samples_per_s"), DoubleColumn.create("run_cpu_seconds"), StringColumn.create("run"));
    }

    private void addTraining(Table training, String model, Run run) {
        Table history = run.history();
        DoubleColumn monitored = history.doubleColumn(run.experiment().training().monitor());
        training.stringColumn("model").append(model);
        training.intColumn("parameters").append(Math.toIntExact(run.bestModel().parameterCount()));
        training.intColumn("best_epoch").append(history.intColumn("epoch").get(monitored.indexOf(monitored.max())));
        training.intColumn("epochs").append(history.rowCount());
        training.doubleColumn("train_seconds").append(history.doubleColumn("seconds").sum());
        training.doubleColumn("samples_per_s").append(history.doubleColumn("samples_per_s").mean());
        training.doubleColumn("run_cpu_seconds").append(cpuSeconds.get(model + ": train, then test"));
        training.stringColumn("run").append(run.id());
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

    private static String device() {
        Table backend = Backend.describe();
        return backend.where(backend.stringColumn("property").isEqualTo("device")).stringColumn("value").get(0);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
