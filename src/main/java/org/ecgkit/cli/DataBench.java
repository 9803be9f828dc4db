package org.ecgkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.ecgkit.data.DType;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Input;
import org.ecgkit.data.NpyFile;
import org.ecgkit.data.NpyWriter;
import org.ecgkit.synth.SyntheticDataset;

/**
 * Read throughput of the data layer, printed as MB/s for bench/data-bench.sh to compare with numpy in the same run.
 *
 * <pre>
 * DataBench write FILE ROWS LEADS SAMPLES   writes a float32 array of random values
 * DataBench read FILE ORDER REPEATS         reads every row (ORDER: sequential or random), prints MB/s of the best pass
 * DataBench batches DIR BATCH               batches/s and records/s of the DatasetIterator over a synthetic dataset
 * </pre>
 */
public final class DataBench {

    private DataBench() {
    }

    public static void main(String[] args) {
        switch (args[0]) {
            case "write" -> write(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            case "read" -> read(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
            case "batches" -> batches(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("unknown command " + args[0] + "; expected write, read or batches");
        }
    }

    private static void write(Path file, int rows, int leads, int samples) {
        if (Files.exists(file)) {
            return;
        }
        SplittableRandom random = new SplittableRandom(1);
        float[] row = new float[leads * samples];
        try (NpyWriter writer = NpyFile.create(file, DType.FLOAT32, rows, leads, samples)) {
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = (float) random.nextDouble();
                }
                writer.writeRow(r, row);
            }
        }
    }

    private static void read(Path file, String order, int repeats) {
        try (NpyFile npy = NpyFile.open(file)) {
            int rows = Math.toIntExact(npy.rows());
            int[] visit = order(rows, order);
            float[] row = new float[(int) npy.rowLength()];
            double best = Double.MAX_VALUE;
            double checksum = 0;
            for (int pass = 0; pass < repeats; pass++) {
                long start = System.nanoTime();
                for (int r : visit) {
                    npy.readRow(r, row, 0);
                    checksum += row[0];
                }
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            double mb = rows * npy.rowLength() * 4.0 / 1e6;
            System.out.printf(Locale.ROOT, "java %s %.1f MB/s (checksum %.3f)%n", order, mb / best, checksum);
        }
    }

    private static void batches(Path dir, int batch) {
        try (EcgDataset ds = SyntheticDataset.builder().recordsPerClass(400).build().ensure(dir);
             var it = ds.batches().inputs(Input.waveform()).batchSize(batch).shuffle(1).build()) {
            double best = Double.MAX_VALUE;
            for (int epoch = 0; epoch < 3; epoch++) {
                long start = System.nanoTime();
                while (it.hasNext()) {
                    it.next();
                }
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
                it.reset();
            }
            System.out.printf(Locale.ROOT, "iterator: %d records of %d×%d in batches of %d: %.0f batches/s, %.0f records/s%n",
                    ds.size(), ds.leads(), ds.samples(), batch, it.batchesPerEpoch() / best, ds.size() / best);
        }
    }

    private static int[] order(int rows, String order) {
        int[] visit = java.util.stream.IntStream.range(0, rows).toArray();
        if (order.equals("random")) {
            SplittableRandom random = new SplittableRandom(7);
            for (int i = rows - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = visit[i];
                visit[i] = visit[j];
                visit[j] = t;
            }
        }
        return visit;
    }
}
