package org.ecgkit.data;

import java.util.Locale;

import org.openlca.npy.NpyDataType;

/** The element types the kit reads and writes in {@code .npy} files. */
public enum DType {
    FLOAT32(NpyDataType.f4, 4),
    FLOAT64(NpyDataType.f8, 8),
    INT8(NpyDataType.i1, 1),
    UINT8(NpyDataType.u1, 1),
    INT16(NpyDataType.i2, 2),
    INT32(NpyDataType.i4, 4),
    INT64(NpyDataType.i8, 8),
    BOOL(NpyDataType.bool, 1);

    private final NpyDataType npyType;
    private final int bytes;

    DType(NpyDataType npyType, int bytes) {
        this.npyType = npyType;
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    NpyDataType npyType() {
        return npyType;
    }

    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** numpy's name for the type, as users know it from {@code array.dtype}. */
    public String numpyName() {
        return this == BOOL ? "bool" : name().toLowerCase(Locale.ROOT);
    }

    static DType of(NpyDataType type, String file) {
        for (DType t : values()) {
            if (t.npyType == type) {
                return t;
            }
        }
        throw new IllegalArgumentException(file + " has dtype " + type
                + ", which the kit does not read; expected one of float32, float64, int8, uint8, int16, int32, int64, bool");
    }
}
