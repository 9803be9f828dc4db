package org.ecgkit.eval;

/** How predictions are made from scores, and therefore which conventions an {@link Evaluation} follows. */
public enum Task {
    /** One label per sample; the prediction is the class with the highest score (the first one on a tie). */
    MULTICLASS,
    /** Any number of labels per sample; class k is predicted when its score is at least its threshold. */
    MULTILABEL
}
