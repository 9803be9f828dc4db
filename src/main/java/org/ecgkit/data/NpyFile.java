package org.ecgkit.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.openlca.npy.NpyHeader;

/**
 * A {@code .npy} file opened for reading by rows through memory-mapping, so arrays larger than the Java heap can be
 * read a row at a time. A row is everything below the first axis: {@code signals[i]} of a {@code [N, leads, samples]}
 * array. The header is parsed by the openlca npy library; rows are read here because that library reads whole arrays.
 *
 * <p>Instances are safe to read from several threads at once.
 */
public final class NpyFile implements AutoCloseable {

    /** Largest byte range mapped at once; a row never straddles two mapped chunks. */
    private static final long MAX_CHUNK_BYTES = 1L << 30;

    private final Path path;
    private final DType dtype;
    private final long[] shape;
    private final ByteOrder order;
    private final long dataOffset;
    private final long rowLength;
    private final long rowBytes;
    private final FileChannel channel;
    private final long rowsPerChunk;
    private final ByteBuffer[] chunks;

    private NpyFile(Path path, DType dtype, long[] shape, ByteOrder order, long dataOffset, FileChannel channel) {
        this.path = path;
        this.dtype = dtype;
        this.shape = shape;
        this.order = order;
        this.dataOffset = dataOffset;
        this.channel = channel;
        this.rowLength = product(shape, 1);
        this.rowBytes = rowLength * dtype.bytes();
        if (rowBytes > MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException(name() + " has rows of " + rowBytes + " bytes; the kit reads rows of at most "
                    + MAX_CHUNK_BYTES + " bytes");
        }
        this.rowsPerChunk = rowBytes == 0 ? Math.max(1, rows()) : Math.max(1, MAX_CHUNK_BYTES / rowBytes);
        this.chunks = new ByteBuffer[(int) Math.max(1, (rows() + rowsPerChunk - 1) / rowsPerChunk)];
    }

    /**
     * Opens a {@code .npy} file. Fails with a message naming the file when it is missing, is not NPY, is truncated,
     * is stored in Fortran order or holds a type the kit does not read.
     */
    public static NpyFile open(Path path) {
        String name = path.getFileName().toString();
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(path + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
        try {
            NpyHeader header;
            try {
                header = NpyHeader.read(channel);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + " is not a valid NPY file (" + e.getMessage() + ")");
            }
            var dict = header.dict();
            if (dict.hasFortranOrder()) {
                throw new IllegalArgumentException(name + " is stored in Fortran order; the kit reads C order: "
                        + "save it with np.save(path, np.ascontiguousarray(array))");
            }
            DType dtype = DType.of(dict.dataType(), name);
            long[] shape = Arrays.stream(dict.shape()).asLongStream().toArray();
            if (shape.length == 0) {
                throw new IllegalArgumentException(name + " holds a 0-d array; expected at least one axis");
            }
            long expected = header.dataOffset() + product(shape, 0) * dtype.bytes();
            long actual = channel.size();
            if (actual < expected) {
                throw new IllegalArgumentException(name + " is truncated: its header promises shape " + shapeText(shape)
                        + " " + dtype.numpyName() + " (" + (expected - header.dataOffset()) + " bytes of data) but the file holds "
                        + Math.max(0, actual - header.dataOffset()) + " bytes of data");
            }
            return new NpyFile(path, dtype, shape, header.byteOrder(), header.dataOffset(), channel);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    public DType dtype() {
        return dtype;
    }

    /** The array's shape; a copy. */
    public long[] shape() {
        return shape.clone();
    }

    /** Length of the first axis. */
    public long rows() {
        return shape[0];
    }

    /** Number of elements in one row (the product of every axis after the first). */
    public long rowLength() {
        return rowLength;
    }

    /** Shape text as numpy prints it, e.g. {@code (100, 12, 1000)}. */
    public String shapeText() {
        return shapeText(shape);
    }

    /** Reads row {@code row} converted to float. */
    public float[] readRow(long row) {
        float[] values = new float[Math.toIntExact(rowLength)];
        readRow(row, values, 0);
        return values;
    }

    /** Reads row {@code row}, converted to float, into {@code dst} from {@code offset}. */
    public void readRow(long row, float[] dst, int offset) {
        ByteBuffer chunk = chunkOf(row);
        int start = Math.toIntExact((row % rowsPerChunk) * rowBytes);
        int n = (int) rowLength;
        if (dtype == DType.FLOAT32) {
            chunk.asFloatBuffer().get(start / 4, dst, offset, n);
        } else {
            for (int i = 0; i < n; i++) {
                dst[offset + i] = (float) element(chunk, start, i);
            }
        }
    }

    /** Reads row {@code row} as doubles: exact for every type (int64 up to 2^53). */
    public double[] readRowDouble(long row) {
        ByteBuffer chunk = chunkOf(row);
        int start = Math.toIntExact((row % rowsPerChunk) * rowBytes);
        int n = (int) rowLength;
        double[] dst = new double[n];
        if (dtype == DType.FLOAT64) {
            chunk.asDoubleBuffer().get(start / 8, dst, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                dst[i] = element(chunk, start, i);
            }
        }
        return dst;
    }

    private double element(ByteBuffer chunk, int rowStart, int i) {
        return switch (dtype) {
            case FLOAT32 -> chunk.getFloat(rowStart + 4 * i);
            case FLOAT64 -> chunk.getDouble(rowStart + 8 * i);
            case INT16 -> chunk.getShort(rowStart + 2 * i);
            case INT32 -> chunk.getInt(rowStart + 4 * i);
            case INT64 -> chunk.getLong(rowStart + 8 * i);
            case UINT8 -> chunk.get(rowStart + i) & 0xff;
            case INT8, BOOL -> chunk.get(rowStart + i);
        };
    }

    /** The raw bytes of one row, as stored; for content hashing. */
    public byte[] rowBytes(long row) {
        ByteBuffer chunk = chunkOf(row);
        int start = Math.toIntExact((row % rowsPerChunk) * rowBytes);
        byte[] bytes = new byte[(int) rowBytes];
        chunk.get(start, bytes);
        return bytes;
    }

    /** The whole array flattened to floats; for small arrays such as labels. */
    public float[] readAll() {
        long total = product(shape, 0);
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(name() + " has " + total + " elements, too many to read at once; read it by rows");
        }
        float[] all = new float[(int) total];
        for (long r = 0; r < rows(); r++) {
            readRow(r, all, (int) (r * rowLength));
        }
        return all;
    }

    private ByteBuffer chunkOf(long row) {
        if (row < 0 || row >= rows()) {
            throw new IndexOutOfBoundsException("row " + row + " is outside " + name() + " (" + rows() + " rows)");
        }
        int index = (int) (row / rowsPerChunk);
        ByteBuffer chunk = chunks[index];
        if (chunk == null) {
            synchronized (chunks) {
                chunk = chunks[index];
                if (chunk == null) {
                    chunk = map(index);
                    chunks[index] = chunk;
                }
            }
        }
        return chunk;
    }

    private ByteBuffer map(int index) {
        long firstRow = index * rowsPerChunk;
        long rowCount = Math.min(rowsPerChunk, rows() - firstRow);
        try {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, dataOffset + firstRow * rowBytes,
                    rowCount * rowBytes);
            return mapped.order(order);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map rows " + firstRow + ".." + (firstRow + rowCount) + " of " + path, e);
        }
    }

    private String name() {
        return path.getFileName().toString();
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    @Override
    public String toString() {
        return name() + " " + shapeText() + " " + dtype.numpyName();
    }

    /**
     * Creates a {@code .npy} file of {@code rows} rows of shape {@code rowShape}, to be filled row by row (in any
     * order, from several threads). The file appears under its name only when the writer is closed, so a crash
     * never leaves a half-written array that looks complete.
     */
    public static NpyWriter create(Path path, DType dtype, long rows, int... rowShape) {
        return new NpyWriter(path, dtype, rows, rowShape);
    }

    /** Writes a whole float array of the given shape. */
    public static void write(Path path, float[] data, int... shape) {
        writeWhole(path, DType.FLOAT32, shape, data.length, (writer, row, len) ->
                writer.writeRow(row, data, (int) (row * len)));
    }

    /** Writes a whole int array of the given shape as {@code dtype}. */
    public static void write(Path path, int[] data, DType dtype, int... shape) {
        writeWhole(path, dtype, shape, data.length, (writer, row, len) -> {
            double[] values = new double[(int) len];
            for (int i = 0; i < len; i++) {
                values[i] = data[(int) (row * len) + i];
            }
            writer.writeRow(row, values);
        });
    }

    private interface RowSink {
        void write(NpyWriter writer, long row, long rowLength);
    }

    private static void writeWhole(Path path, DType dtype, int[] shape, int length, RowSink sink) {
        if (shape.length == 0) {
            shape = new int[] {length};
        }
        long total = product(Arrays.stream(shape).asLongStream().toArray(), 0);
        if (total != length) {
            throw new IllegalArgumentException("shape " + shapeText(Arrays.stream(shape).asLongStream().toArray()) + " holds "
                    + total + " values but " + length + " were given for " + path.getFileName());
        }
        try (NpyWriter writer = create(path, dtype, shape[0], Arrays.copyOfRange(shape, 1, shape.length))) {
            long rowLength = writer.rowLength();
            for (long r = 0; r < shape[0]; r++) {
                sink.write(writer, r, rowLength);
            }
        }
    }

    static long product(long[] shape, int from) {
        long p = 1;
        for (int i = from; i < shape.length; i++) {
            p = Math.multiplyExact(p, shape[i]);
        }
        return p;
    }

    static String shapeText(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing a read-only channel cannot lose data
        }
    }

}
