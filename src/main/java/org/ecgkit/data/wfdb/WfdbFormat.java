package org.ecgkit.data.wfdb;

import java.util.Arrays;

/**
 * The WFDB signal file formats the kit reads and writes (signal(5) of the WFDB Software Package). Samples of the
 * signals stored in one file are interleaved frame by frame: s0[0], s1[0], ..., s0[1], s1[1], ...; the codecs here
 * work on that flat sample stream.
 */
public enum WfdbFormat {
    /** 16-bit two's complement, little-endian. Also the "16+24" MATLAB v4 variant (a 24-byte header first). */
    FORMAT_16(16, 16),
    /** Two 12-bit two's complement samples packed into three bytes. */
    FORMAT_212(212, 12),
    /** 8-bit offset binary: the stored byte is the sample plus 128. */
    FORMAT_80(80, 8);

    private final int code;
    private final int bits;

    WfdbFormat(int code, int bits) {
        this.code = code;
        this.bits = bits;
    }

    /** The number written in the header's format field. */
    public int code() {
        return code;
    }

    /** Bits per sample: the range a sample must fit and the default ADC resolution. */
    public int bits() {
        return bits;
    }

    public int minSample() {
        return -(1 << (bits - 1));
    }

    public int maxSample() {
        return (1 << (bits - 1)) - 1;
    }

    public static WfdbFormat ofCode(int code) {
        for (WfdbFormat format : values()) {
            if (format.code == code) {
                return format;
            }
        }
        throw new IllegalArgumentException("WFDB signal format " + code + " is not supported; supported: "
                + Arrays.toString(Arrays.stream(values()).mapToInt(WfdbFormat::code).toArray()));
    }

    /**
     * Bytes taken by {@code samples} samples. Format 212 stores an odd last sample as a byte pair (the first two bytes
     * of a three-byte group), as the WFDB library and wfdb-python write it.
     */
    public long byteCount(long samples) {
        return switch (this) {
            case FORMAT_16 -> 2 * samples;
            case FORMAT_80 -> samples;
            case FORMAT_212 -> 3 * (samples / 2) + 2 * (samples % 2);
        };
    }

    /** Whole samples that {@code bytes} bytes hold: the inverse of {@link #byteCount(long)}. */
    public long samplesIn(long bytes) {
        return switch (this) {
            case FORMAT_16 -> bytes / 2;
            case FORMAT_80 -> bytes;
            case FORMAT_212 -> bytes / 3 * 2 + (bytes % 3 == 2 ? 1 : 0);
        };
    }

    /** Decodes {@code out.length} samples starting at {@code bytes[offset]}. */
    public void decode(byte[] bytes, int offset, int[] out) {
        int n = out.length;
        switch (this) {
            case FORMAT_16 -> {
                for (int i = 0, p = offset; i < n; i++, p += 2) {
                    out[i] = (short) ((bytes[p] & 0xFF) | (bytes[p + 1] << 8));
                }
            }
            case FORMAT_80 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (bytes[offset + i] & 0xFF) - 128;
                }
            }
            case FORMAT_212 -> {
                int p = offset;
                for (int i = 0; i < n; i += 2, p += 3) {
                    int low = bytes[p] & 0xFF;
                    int nibbles = bytes[p + 1] & 0xFF;
                    out[i] = signExtend12(((nibbles & 0x0F) << 8) | low);
                    if (i + 1 < n) {
                        out[i + 1] = signExtend12(((nibbles & 0xF0) << 4) | (bytes[p + 2] & 0xFF));
                    }
                }
            }
        }
    }

    /** Encodes the flat sample stream; a sample outside this format's range is an error naming its index. */
    public byte[] encode(int[] samples) {
        for (int i = 0; i < samples.length; i++) {
            if (samples[i] < minSample() || samples[i] > maxSample()) {
                throw new IllegalArgumentException("sample " + i + " = " + samples[i] + " does not fit format " + code
                        + " (" + minSample() + ".." + maxSample() + ")");
            }
        }
        byte[] bytes = new byte[Math.toIntExact(byteCount(samples.length))];
        switch (this) {
            case FORMAT_16 -> {
                for (int i = 0; i < samples.length; i++) {
                    bytes[2 * i] = (byte) samples[i];
                    bytes[2 * i + 1] = (byte) (samples[i] >> 8);
                }
            }
            case FORMAT_80 -> {
                for (int i = 0; i < samples.length; i++) {
                    bytes[i] = (byte) (samples[i] + 128);
                }
            }
            case FORMAT_212 -> {
                for (int i = 0, p = 0; i < samples.length; i += 2, p += 3) {
                    int first = samples[i] & 0xFFF;
                    int second = i + 1 < samples.length ? samples[i + 1] & 0xFFF : 0;
                    bytes[p] = (byte) first;
                    bytes[p + 1] = (byte) ((first >> 8) | ((second >> 8) << 4));
                    if (i + 1 < samples.length) {
                        bytes[p + 2] = (byte) second;
                    }
                }
            }
        }
        return bytes;
    }

    private static int signExtend12(int value) {
        return (value << 20) >> 20;
    }
}
