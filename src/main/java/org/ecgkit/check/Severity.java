package org.ecgkit.check;

/** How bad a data-check finding is. */
public enum Severity {
    /** Nothing wrong. */
    OK,
    /** Worth knowing, no action needed (e.g. missing metadata values). */
    INFO,
    /** Probably a problem for training or evaluation (duplicates, flat leads, imbalance). */
    WARNING,
    /** The data are inconsistent or corrupt; training on them would be wrong. */
    ERROR
}
