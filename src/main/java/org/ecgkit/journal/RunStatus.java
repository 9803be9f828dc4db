package org.ecgkit.journal;

import java.util.Locale;

/** How a run ended. */
public enum RunStatus {
    /** Trained every epoch, then evaluated on the test split. */
    COMPLETED,
    /** Early stopping ended training (the reason is the entry's message), then evaluated on the test split. */
    STOPPED_EARLY,
    /** Interrupted (a notebook's stop button); the epochs done and their checkpoints are kept, no test metrics. */
    INTERRUPTED,
    /** An error ended the run; the entry's message says which. */
    FAILED;

    /** Whether the run has test metrics. */
    public boolean evaluated() {
        return this == COMPLETED || this == STOPPED_EARLY;
    }

    /** Lower case with spaces, as tables show it: {@code stopped early}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
