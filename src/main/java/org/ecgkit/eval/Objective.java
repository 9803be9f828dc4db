package org.ecgkit.eval;

/** What {@link Thresholds#tune} maximises for each class on the validation split. */
public enum Objective {

    /** F1 of the class, 2TP / (2TP + FP + FN). Needs at least one positive. */
    F1("f1") {
        @Override
        Fraction score(Counts counts) {
            return counts.positives() == 0 ? null : counts.f1();
        }
    },

    /** Youden's J = sensitivity + specificity − 1 (the ROC point furthest above chance). Needs both label values. */
    YOUDEN_J("youden_j") {
        @Override
        Fraction score(Counts counts) {
            long positives = counts.positives();
            long negatives = counts.negatives();
            if (positives == 0 || negatives == 0) {
                return null;
            }
            return new Fraction(Math.multiplyExact(counts.truePositives(), negatives)
                    - Math.multiplyExact(counts.falsePositives(), positives), Math.multiplyExact(positives, negatives));
        }
    };

    private final String columnName;

    Objective(String columnName) {
        this.columnName = columnName;
    }

    /** snake_case name used in table columns, e.g. {@code f1}. */
    public String columnName() {
        return columnName;
    }

    /** The objective's exact value, or null where the truth leaves it undefined (so there is nothing to tune). */
    abstract Fraction score(Counts counts);
}
