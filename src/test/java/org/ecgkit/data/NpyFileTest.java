package org.ecgkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.ecgkit.testing.Python;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFileTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void numpyWritesFixtures() {
        Python.run("npy_roundtrip.py", "write", dir.toString());
    }

    @Test
    void everyDtypeRoundTripsThroughNumpy() {
        List<String> dtypes = List.of("float32", "float64", "int8", "uint8", "int16", "int32", "int64", "bool");
        for (String name : dtypes) {
            try (NpyFile in = NpyFile.open(dir.resolve(name + ".npy"))) {
                assertEquals(name, in.dtype().numpyName());
                assertArrayEquals(new long[] {5, 3, 7}, in.shape());
                int[] rowShape = {3, 7};
                try (NpyWriter out = NpyFile.create(dir.resolve("java_" + name + ".npy"), in.dtype(), in.rows(), rowShape)) {
                    for (long r = 0; r < in.rows(); r++) {
                        out.writeRow(r, in.readRowDouble(r));
                    }
                }
            }
        }
        String verdict = Python.run("npy_roundtrip.py", "check", dir.toString());
        for (String name : dtypes) {
            assertTrue(verdict.contains("OK " + name + "\n"), () -> "numpy disagrees: " + verdict);
        }
    }

    @Test
    void bigEndianReadsLikeLittleEndian() {
        try (NpyFile little = NpyFile.open(dir.resolve("float32.npy"));
             NpyFile big = NpyFile.open(dir.resolve("big_endian.npy"))) {
            for (long r = 0; r < little.rows(); r++) {
                assertArrayEquals(little.readRow(r), big.readRow(r));
            }
        }
    }

    @Test
    void oneDimensionalArrayHasOneValuePerRow() {
        try (NpyFile vector = NpyFile.open(dir.resolve("vector.npy"))) {
            assertEquals("(11,)", vector.shapeText());
            assertEquals(1, vector.rowLength());
            assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, vector.readAll());
        }
    }

    @Test
    void fortranOrderIsRefusedWithAFix() {
        var e = assertThrows(IllegalArgumentException.class, () -> NpyFile.open(dir.resolve("fortran.npy")));
        assertTrue(e.getMessage().contains("fortran.npy is stored in Fortran order"), e.getMessage());
        assertTrue(e.getMessage().contains("np.ascontiguousarray"), e.getMessage());
    }

    @Test
    void unsupportedDtypeIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> NpyFile.open(dir.resolve("complex.npy")));
        assertTrue(e.getMessage().startsWith("complex.npy "), e.getMessage());
    }

    @Test
    void truncatedFileSaysHowMuchIsMissing() throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("float32.npy"));
        Path truncated = dir.resolve("truncated.npy");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 10));
        var e = assertThrows(IllegalArgumentException.class, () -> NpyFile.open(truncated));
        assertTrue(e.getMessage().contains("truncated.npy is truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("(5, 3, 7) float32 (420 bytes of data)"), e.getMessage());
        assertTrue(e.getMessage().contains("holds 410 bytes"), e.getMessage());
    }

    @Test
    void nonNpyFileIsRefused() throws IOException {
        Path text = dir.resolve("labels.npy");
        Files.writeString(text, "id,label\n1,2\n");
        var e = assertThrows(IllegalArgumentException.class, () -> NpyFile.open(text));
        assertTrue(e.getMessage().startsWith("labels.npy is not a valid NPY file"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NpyFile.open(dir.resolve("missing.npy")));
    }

    @Test
    void abortedWriterLeavesNoFile() {
        Path target = dir.resolve("aborted.npy");
        NpyWriter writer = NpyFile.create(target, DType.FLOAT32, 3, 4);
        writer.writeRow(0, new float[] {1, 2, 3, 4});
        assertFalse(Files.exists(target), "a file appears only when the writer is closed");
        writer.abort();
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("aborted.npy.partial")));
    }

    @Test
    void valuesThatDoNotFitTheTypeAreRefused() {
        try (NpyWriter writer = NpyFile.create(dir.resolve("int16.npy.out"), DType.INT16, 1, 2)) {
            var e = assertThrows(IllegalArgumentException.class, () -> writer.writeRow(0, new float[] {1, 40000}));
            assertTrue(e.getMessage().contains("does not fit int16"), e.getMessage());
            writer.abort();
        }
    }
}
