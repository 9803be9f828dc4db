package org.ecgkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child JVM with a 48 MB heap iterates every row of a 256 MB signals file. */
class LargerThanHeapTest {

    static final int ROWS = 1024;
    static final int LEADS = 8;
    static final int SAMPLES = 8192;

    @Test
    void rowsOfAFileLargerThanTheHeapAreReadable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signals.npy");
        float[] row = new float[LEADS * SAMPLES];
        try (NpyWriter writer = NpyFile.create(file, DType.FLOAT32, ROWS, LEADS, SAMPLES)) {
            for (int r = 0; r < ROWS; r++) {
                fill(row, r);
                writer.writeRow(r, row);
            }
        }
        long bytes = Files.size(file);
        assertTrue(bytes > 5L * (48 << 20), "the file must dwarf the child's heap, it has " + bytes + " bytes");

        Process child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-cp", System.getProperty("java.class.path"), SumRows.class.getName(), file.toString()))
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(child.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, child.exitValue(), out);
        assertEquals(expectedSum(), Double.parseDouble(out), 1e-6, out);
    }

    static void fill(float[] row, int r) {
        for (int i = 0; i < row.length; i++) {
            row[i] = (r % 13) + (i % 5) * 0.25f;
        }
    }

    static double expectedSum() {
        float[] row = new float[LEADS * SAMPLES];
        double sum = 0;
        for (int r = 0; r < ROWS; r++) {
            fill(row, r);
            for (float v : row) {
                sum += v;
            }
        }
        return sum;
    }

    /** Child process: sums every value of an NPY file, row by row. */
    public static final class SumRows {
        public static void main(String[] args) throws IOException {
            try (NpyFile npy = NpyFile.open(Path.of(args[0]))) {
                float[] row = new float[(int) npy.rowLength()];
                double sum = 0;
                for (long r = 0; r < npy.rows(); r++) {
                    npy.readRow(r, row, 0);
                    for (float v : row) {
                        sum += v;
                    }
                }
                System.out.println(sum);
            }
        }
    }
}
