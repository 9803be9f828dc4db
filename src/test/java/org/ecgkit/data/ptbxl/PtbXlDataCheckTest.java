package org.ecgkit.data.ptbxl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.ecgkit.check.DataCheck;
import org.ecgkit.check.Finding;
import org.ecgkit.check.Severity;
import org.ecgkit.data.SharedData;
import org.ecgkit.data.convert.ConversionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data check on converted ptbxl-500 finds PhysioNet's documented duplicates and no patient in two splits. */
class PtbXlDataCheckTest {

    @Test
    void dataCheckReportsTheRealDuplicatesAndNoLeakage(@TempDir Path output) {
        PtbXl ptbxl = PtbXl.open(SharedData.dataSet("ptbxl-500"));
        ConversionResult converted = ptbxl.converter(PtbXl.Rate.HZ_100, PtbXlTask.ALL).keepUnlabelled(true)
                .convert(output);
        assertEquals(500, converted.records());
        List<Finding> findings = DataCheck.of(output).findings();

        Finding duplicates = find(findings, "duplicate records");
        assertEquals(Severity.WARNING, duplicates.severity());
        // ptbxl_v102_changelog.txt: "drop row with ecg_id=456 ... keep 457", "drop 459 ... keep 460"
        assertEquals(List.of("456=457", "459=460"), duplicates.examples());
        assertEquals(4, duplicates.records());

        Finding leakage = find(findings, "patient leakage");
        assertEquals(Severity.OK, leakage.severity(), leakage.message());
    }

    private static Finding find(List<Finding> findings, String check) {
        return findings.stream().filter(f -> f.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + check + "' finding in " + findings));
    }
}
