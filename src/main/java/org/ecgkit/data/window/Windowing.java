package org.ecgkit.data.window;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts records of any length into fixed-length windows.
 *
 * <p>Policy. A record no longer than the window gives one window starting at 0, padded at its end
 * ({@link Padding#ZERO}: with zeros, i.e. 0 mV; {@link Padding#REPEAT}: with the record again from its start). A longer
 * record gives windows at 0, stride, 2 x stride, ... that fit inside it, plus one window aligned to its end when the
 * last of those stops short of it, so that no part of a record is left out.
 *
 * @param window  samples per window
 * @param stride  samples between window starts (equal to {@code window} for no overlap)
 * @param padding how a short record is filled up
 */
public record Windowing(int window, int stride, Padding padding) {

    /** How a record shorter than the window is filled up. */
    public enum Padding {
        /** Zeros after the record (a flat line at 0 mV). */
        ZERO,
        /** The record repeated from its start until the window is full. */
        REPEAT
    }

    public Windowing {
        if (window < 1 || stride < 1) {
            throw new IllegalArgumentException("window (" + window + ") and stride (" + stride
                    + ") must be at least one sample");
        }
        if (padding == null) {
            throw new IllegalArgumentException("padding is required (ZERO or REPEAT)");
        }
    }

    /** Windows and stride in seconds at {@code hertz}, e.g. {@code Windowing.seconds(30, 15, 300, Padding.ZERO)}. */
    public static Windowing seconds(double windowSeconds, double strideSeconds, double hertz, Padding padding) {
        return new Windowing((int) Math.round(windowSeconds * hertz), (int) Math.round(strideSeconds * hertz), padding);
    }

    /** Start sample of each window of a record of {@code length} samples. */
    public int[] starts(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a record of " + length + " samples has no window");
        }
        if (length <= window) {
            return new int[] {0};
        }
        List<Integer> starts = new ArrayList<>();
        for (int start = 0; start + window <= length; start += stride) {
            starts.add(start);
        }
        if (starts.get(starts.size() - 1) + window < length) {
            starts.add(length - window);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The window of {@code signal} starting at {@code start}, padded as the policy says. */
    public float[] cut(float[] signal, int start) {
        float[] out = new float[window];
        int available = Math.min(window, signal.length - start);
        System.arraycopy(signal, start, out, 0, available);
        if (padding == Padding.REPEAT) {
            for (int i = available; i < window; i++) {
                out[i] = out[i % available];
            }
        }
        return out;
    }

    /** Samples of padding in the window starting at {@code start} of a record of {@code length} samples. */
    public int padded(int length, int start) {
        return Math.max(0, window - (length - start));
    }
}
