package org.ecgkit.data;

import java.util.Locale;

/** What the labels of a dataset mean: one class per record, or any number of classes per record. */
public enum Task {
    MULTICLASS,
    MULTILABEL;

    /** The manifest's spelling: {@code multiclass} or {@code multilabel}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Task of(String id) {
        for (Task task : values()) {
            if (task.id().equalsIgnoreCase(id.replace("-", "").replace("_", ""))) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown task '" + id + "'; expected multiclass or multilabel");
    }
}
