package org.ecgkit.data.ptbxl;

import java.util.Map;

/**
 * One row of {@code ptbxl_database.csv}. Missing numbers are NaN; missing text is "".
 *
 * @param ecgId       the record's id (1..21837)
 * @param patientId   the patient's id as text ("15709", without the CSV's ".0")
 * @param age         years (PTB-XL 1.0.2 and later store ages over 89 as 300)
 * @param sex         "M" or "F" (the CSV codes male 0, female 1)
 * @param height      cm
 * @param weight      kg
 * @param strataFold  {@code strat_fold}, 1..10: patient-disjoint folds, 9 and 10 with human-validated labels
 * @param scpCodes    SCP code to likelihood (%), as in the {@code scp_codes} dictionary
 * @param quality     the recording-quality columns by name ({@link PtbXl#QUALITY_COLUMNS}), "" when clean
 * @param fileLowRate {@code filename_lr}, e.g. "records100/00000/00001_lr"
 * @param fileHighRate {@code filename_hr}
 */
public record PtbXlRecord(int ecgId, String patientId, double age, String sex, double height, double weight,
                          int strataFold, Map<String, Double> scpCodes, Map<String, String> quality,
                          String fileLowRate, String fileHighRate) {

    public PtbXlRecord {
        scpCodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scpCodes));
        quality = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(quality));
    }

    /** "train" (folds 1-8), "val" (fold 9) or "test" (fold 10), the PTB-XL benchmark's split. */
    public String split() {
        return PtbXl.split(strataFold);
    }

    /** The record's WFDB path (without extension), relative to the database folder. */
    public String file(PtbXl.Rate rate) {
        return rate == PtbXl.Rate.HZ_100 ? fileLowRate : fileHighRate;
    }
}
