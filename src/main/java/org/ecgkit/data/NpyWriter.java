package org.ecgkit.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;

import org.openlca.npy.NpyByteOrder;
import org.openlca.npy.dict.NpyHeaderDict;

/**
 * Writes a {@code .npy} file whose shape is known up front, row by row. Rows may be written in any order and from
 * several threads. Data go to {@code <name>.partial} and are renamed into place by {@link #close()}; {@link #abort()}
 * discards them.
 */
public final class NpyWriter implements AutoCloseable {

    private final Path path;
    private final Path partial;
    private final DType dtype;
    private final long rows;
    private final long rowLength;
    private final long dataOffset;
    private final FileChannel channel;
    private boolean closed;

    NpyWriter(Path path, DType dtype, long rows, int[] rowShape) {
        this.path = path;
        this.partial = path.resolveSibling(path.getFileName() + ".partial");
        this.dtype = dtype;
        this.rows = rows;
        int[] shape = new int[rowShape.length + 1];
        shape[0] = Math.toIntExact(rows);
        System.arraycopy(rowShape, 0, shape, 1, rowShape.length);
        this.rowLength = NpyFile.product(Arrays.stream(rowShape).asLongStream().toArray(), 0);
        byte[] header = NpyHeaderDict.of(dtype.npyType())
                .withShape(shape)
                .withByteOrder(dtype.bytes() == 1 ? NpyByteOrder.NOT_APPLICABLE : NpyByteOrder.LITTLE_ENDIAN)
                .create()
                .toNpyHeader();
        this.dataOffset = header.length;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.write(ByteBuffer.wrap(header), 0);
            long end = dataOffset + rows * rowLength * dtype.bytes();
            if (end > dataOffset) {
                // sets the file's full length now, so rows can be written in any order
                channel.write(ByteBuffer.allocate(1), end - 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + partial, e);
        }
    }

    public Path path() {
        return path;
    }

    public long rows() {
        return rows;
    }

    public long rowLength() {
        return rowLength;
    }

    /** Writes row {@code row} from {@code values} (exactly one row long). */
    public void writeRow(long row, float[] values) {
        if (values.length != rowLength) {
            throw new IllegalArgumentException("row of " + values.length + " values for " + path.getFileName()
                    + ", whose rows hold " + rowLength);
        }
        writeRow(row, values, 0);
    }

    /** Writes row {@code row} from {@code values[offset .. offset + rowLength)}, converting to the file's type. */
    public void writeRow(long row, float[] values, int offset) {
        if (dtype == DType.FLOAT32) {
            ByteBuffer buffer = buffer(row);
            buffer.asFloatBuffer().put(values, offset, (int) rowLength);
            put(row, buffer);
        } else {
            encode(row, i -> values[offset + i]);
        }
    }

    /** Writes row {@code row} from doubles (exact for float64, int32 and int64 files). */
    public void writeRow(long row, double[] values) {
        if (values.length != rowLength) {
            throw new IllegalArgumentException("row of " + values.length + " values for " + path.getFileName()
                    + ", whose rows hold " + rowLength);
        }
        encode(row, i -> values[i]);
    }

    private void encode(long row, IntToDoubleFunction value) {
        ByteBuffer buffer = buffer(row);
        for (int i = 0; i < rowLength; i++) {
            double v = value.applyAsDouble(i);
            switch (dtype) {
                case FLOAT32 -> buffer.putFloat((float) v);
                case FLOAT64 -> buffer.putDouble(v);
                case INT16 -> buffer.putShort((short) checkedInteger(v, Short.MIN_VALUE, Short.MAX_VALUE, row));
                case INT32 -> buffer.putInt((int) checkedInteger(v, Integer.MIN_VALUE, Integer.MAX_VALUE, row));
                case INT64 -> buffer.putLong(checkedInteger(v, Long.MIN_VALUE, Long.MAX_VALUE, row));
                case UINT8 -> buffer.put((byte) checkedInteger(v, 0, 255, row));
                case INT8 -> buffer.put((byte) checkedInteger(v, -128, 127, row));
                case BOOL -> buffer.put((byte) checkedInteger(v, 0, 1, row));
            }
        }
        buffer.rewind();
        put(row, buffer);
    }

    private ByteBuffer buffer(long row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " is outside " + path.getFileName() + " (" + rows + " rows)");
        }
        return ByteBuffer.allocate((int) rowLength * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void put(long row, ByteBuffer buffer) {
        long position = dataOffset + row * rowLength * dtype.bytes();
        try {
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write row " + row + " of " + partial, e);
        }
    }

    private long checkedInteger(double value, long min, long max, long row) {
        if (value != Math.rint(value) || value < min || value > max) {
            throw new IllegalArgumentException("value " + value + " in row " + row + " of " + path.getFileName()
                    + " does not fit " + dtype.numpyName());
        }
        return (long) value;
    }

    /** Flushes the data and moves the finished file into place. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.force(true);
            channel.close();
            Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + path, e);
        }
    }

    /** Discards what was written; the target file is left as it was. */
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        NpyFile.closeQuietly(channel);
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // a stale .partial file is harmless: it is overwritten by the next attempt
        }
    }
}
