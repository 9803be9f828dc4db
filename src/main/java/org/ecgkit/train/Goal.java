package org.ecgkit.train;

/** Whether a monitored metric improves by going down (losses) or up (accuracy, F1, AUROC). */
public enum Goal {
    MINIMISE, MAXIMISE;

    /** {@link #MINIMISE} for names containing "loss", otherwise {@link #MAXIMISE}. */
    public static Goal of(String metric) {
        return metric.contains("loss") ? MINIMISE : MAXIMISE;
    }

    /** Whether {@code candidate} is strictly better than {@code best} ({@code best} NaN: anything is). */
    public boolean improves(double candidate, double best) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        return Double.isNaN(best) || (this == MINIMISE ? candidate < best : candidate > best);
    }
}
