package org.ecgkit.signal;

import java.util.Arrays;

/**
 * Beat-by-beat comparison of detections with reference beats, with the 150 ms matching window of ANSI/AAMI EC57
 * (each reference beat matches at most one detection, in time order). Beats within 150 ms of either end of the
 * record, reference or detected, are not scored: their QRS complex is cut off, and whether the reference lists such
 * a beat depends on which side of the end its R wave fell.
 */
record BeatMatching(int truePositives, int falseNegatives, int falsePositives) {

    static BeatMatching of(int[] reference, int[] detected, double samplingRate, int samples) {
        int window = (int) Math.round(0.150 * samplingRate);
        int[] ref = Arrays.stream(reference).filter(i -> i >= window && i < samples - window).toArray();
        int[] det = Arrays.stream(detected).filter(i -> i >= window && i < samples - window).toArray();
        int tp = 0;
        int j = 0;
        for (int r : ref) {
            while (j < det.length && det[j] < r - window) {
                j++;
            }
            if (j < det.length && Math.abs(det[j] - r) <= window) {
                tp++;
                j++;
            }
        }
        return new BeatMatching(tp, ref.length - tp, det.length - tp);
    }

    double sensitivity() {
        return (double) truePositives / (truePositives + falseNegatives);
    }

    double positivePredictivity() {
        return (double) truePositives / (truePositives + falsePositives);
    }

    BeatMatching plus(BeatMatching other) {
        return new BeatMatching(truePositives + other.truePositives, falseNegatives + other.falseNegatives,
                falsePositives + other.falsePositives);
    }
}
