package org.ecgkit.signal;

/**
 * Beat-by-beat comparison of detections with reference beats, with the 150 ms matching window of ANSI/AAMI EC57
 * (each reference beat matches at most one detection, nearest first, in time order).
 */
record BeatMatching(int truePositives, int falseNegatives, int falsePositives) {

    static BeatMatching of(int[] reference, int[] detected, double samplingRate) {
        int window = (int) Math.round(0.150 * samplingRate);
        int tp = 0;
        int j = 0;
        for (int r : reference) {
            while (j < detected.length && detected[j] < r - window) {
                j++;
            }
            if (j < detected.length && Math.abs(detected[j] - r) <= window) {
                tp++;
                j++;
            }
        }
        return new BeatMatching(tp, reference.length - tp, detected.length - tp);
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
