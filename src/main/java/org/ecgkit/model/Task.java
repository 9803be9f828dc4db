package org.ecgkit.model;

import java.util.Locale;

/** What the output layer predicts: one class per record, or any subset of the classes. */
public enum Task {
    /** Exactly one class per record: softmax output, labels one-hot. */
    MULTICLASS,
    /** Any number of classes per record: one sigmoid per class, labels multi-hot. */
    MULTILABEL;

    /** Parses the manifest spelling ({@code multiclass} / {@code multilabel}), case-insensitively. */
    public static Task parse(String name) {
        for (Task task : values()) {
            if (task.name().equalsIgnoreCase(name.replace("-", "").replace("_", ""))) {
                return task;
            }
        }
        throw new IllegalArgumentException("task '" + name + "' is not one of multiclass, multilabel");
    }

    /** The manifest spelling. */
    public String manifestName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
