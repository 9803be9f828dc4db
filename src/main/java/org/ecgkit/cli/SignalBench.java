package org.ecgkit.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.ecgkit.signal.Butterworth;
import org.ecgkit.signal.SosFilter;
import org.ecgkit.signal.Stft;

/**
 * Throughput of spectrograms and zero-phase filtering on 12-lead 10 s records at 100 and 500 Hz, on one thread and on
 * all cores; run by {@code bench/signal-bench.sh}, which times scipy on the same workloads in the same run and prints
 * the ratios. Arguments: {@code --seconds S} (measuring time per workload, default 3), {@code --out FILE} (JSON).
 */
public final class SignalBench {

    private static final int LEADS = 12;
    private static final int POOL = 64;
    private static final int WINDOWS = 5;

    private SignalBench() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = 3;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --seconds S and --out FILE");
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        List<Map<String, Object>> results = new ArrayList<>();
        for (int rate : new int[] {100, 500}) {
            float[][][] records = records(rate);
            Stft stft = Stft.defaults();
            SosFilter bandPass = Butterworth.bandPass(rate);
            Map<String, Consumer<float[][]>> workloads = new LinkedHashMap<>();
            workloads.put("spectrogram " + rate + " Hz", r -> stft.apply(r, rate));
            workloads.put("band-pass " + rate + " Hz", bandPass::apply);
            for (var workload : workloads.entrySet()) {
                for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                    double perSecond = measure(records, workload.getValue(), threads, seconds);
                    System.out.printf(Locale.ROOT, "%-20s %2d thread(s) %10.0f records/s%n",
                            workload.getKey(), threads, perSecond);
                    results.add(Map.of("workload", workload.getKey(), "threads", threads,
                            "records_per_second", perSecond));
                }
            }
        }
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, new GsonBuilder().setPrettyPrinting().create()
                    .toJson(Map.of("cores", cores, "java", System.getProperty("java.version"), "results", results)));
        }
    }

    /** Distinct records (sines plus noise) so that no result can be reused between iterations. */
    private static float[][][] records(int rate) {
        Random random = new Random(42);
        float[][][] records = new float[POOL][LEADS][10 * rate];
        for (float[][] record : records) {
            for (float[] lead : record) {
                double phase = random.nextDouble() * 2 * Math.PI;
                for (int i = 0; i < lead.length; i++) {
                    lead[i] = (float) (Math.sin(2 * Math.PI * 1.2 * i / rate + phase) + 0.1 * random.nextGaussian());
                }
            }
        }
        return records;
    }

    /**
     * Records per second: the best of {@value #WINDOWS} windows sharing {@code seconds}, after a warm-up of half that
     * for the JIT. The best window is the figure least disturbed by other work on a shared machine; the Python side
     * measures the same way.
     */
    private static double measure(float[][][] records, Consumer<float[][]> work, int threads, double seconds) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            run(pool, records, work, seconds / 2);
            double best = 0;
            for (int window = 0; window < WINDOWS; window++) {
                long start = System.nanoTime();
                long done = run(pool, records, work, seconds / WINDOWS);
                best = Math.max(best, done / ((System.nanoTime() - start) / 1e9));
            }
            return best;
        } finally {
            pool.shutdown();
        }
    }

    private static long run(ForkJoinPool pool, float[][][] records, Consumer<float[][]> work, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long done = 0;
        while (System.nanoTime() < end) {
            pool.submit(() -> IntStream.range(0, records.length).parallel().forEach(i -> work.accept(records[i])))
                    .join();
            done += records.length;
        }
        return done;
    }
}
