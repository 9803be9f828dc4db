package org.ecgkit.data.wfdb;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The MATLAB v4 matrix header the PhysioNet challenges put before format-16 samples (header format "16+24"): five
 * little-endian int32 (type, rows, columns, imaginary flag, name length) and the NUL-terminated name "val". Rows are
 * signals and columns samples, stored column by column, which is exactly format 16's frame interleaving. Written by
 * hand because it is 24 bytes and no Java library reads only this much of a .mat file.
 */
final class MatlabV4 {

    /** Type code: M=0 (IEEE little-endian), O=0, P=3 (int16), T=0 (full numeric matrix). */
    static final int INT16_TYPE = 30;
    static final int FIXED_BYTES = 20;
    static final String NAME = "val";
    /** Header length with the name "val": 24, the "+24" of CinC 2017's format field. */
    static final int HEADER_BYTES = FIXED_BYTES + NAME.length() + 1;

    private MatlabV4() {
    }

    static byte[] prepend(byte[] samples, int rows, int columns) {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + samples.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(INT16_TYPE).putInt(rows).putInt(columns).putInt(0).putInt(NAME.length() + 1);
        out.put(NAME.getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put(samples);
        return out.array();
    }

    /** Checks that the .mat header agrees with the WFDB header; {@code where} starts each error message. */
    static void check(String where, byte[] bytes, long offset, int signals, long frames) {
        if (bytes.length < FIXED_BYTES) {
            throw new IllegalArgumentException(where + "is too short for a MATLAB v4 header");
        }
        ByteBuffer mat = ByteBuffer.wrap(bytes, 0, FIXED_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int type = mat.getInt();
        int rows = mat.getInt();
        int columns = mat.getInt();
        int imaginary = mat.getInt();
        int nameLength = mat.getInt();
        if (type != INT16_TYPE || imaginary != 0) {
            throw new IllegalArgumentException(where + "is not a real little-endian int16 MATLAB v4 matrix (type "
                    + type + ", imaginary flag " + imaginary + ")");
        }
        if (FIXED_BYTES + nameLength != offset) {
            throw new IllegalArgumentException(where + "has a " + (FIXED_BYTES + nameLength)
                    + "-byte MATLAB header but the WFDB header gives a byte offset of " + offset);
        }
        if (rows != signals || columns != frames) {
            throw new IllegalArgumentException(where + "holds a " + rows + " x " + columns
                    + " matrix but the WFDB header describes " + signals + " signal(s) x " + frames + " samples");
        }
    }
}
