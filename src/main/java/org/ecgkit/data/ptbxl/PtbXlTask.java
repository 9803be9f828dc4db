package org.ecgkit.data.ptbxl;

import java.util.Locale;

/**
 * The label sets of the PTB-XL benchmark (Strodthoff et al. 2021, {@code compute_label_aggregations}), each built from
 * a record's {@code scp_codes} keys and the statement table {@code scp_statements.csv}:
 * <ul>
 *   <li>{@link #ALL}: every SCP code (71 classes);</li>
 *   <li>{@link #DIAGNOSTIC}: codes with {@code diagnostic == 1} (44);</li>
 *   <li>{@link #SUBDIAGNOSTIC}: their {@code diagnostic_subclass} (23);</li>
 *   <li>{@link #SUPERDIAGNOSTIC}: their {@code diagnostic_class}: CD, HYP, MI, NORM, STTC (5);</li>
 *   <li>{@link #FORM}: codes with {@code form == 1} (19);</li>
 *   <li>{@link #RHYTHM}: codes with {@code rhythm == 1} (12).</li>
 * </ul>
 */
public enum PtbXlTask {
    ALL, DIAGNOSTIC, SUBDIAGNOSTIC, SUPERDIAGNOSTIC, FORM, RHYTHM;

    /** The benchmark's name, e.g. "superdiagnostic". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
