package org.ecgkit.plot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EcgRecordTest {

    @Test
    void twelveLeadsGetTheStandardNamesAndAreFoundIgnoringCase() {
        EcgRecord record = EcgRecord.of("r1", new float[12][100], 100);
        assertEquals(EcgRecord.STANDARD_LEADS, record.leadNames());
        assertEquals(3, record.leadIndex("AVR"));
        assertEquals(1.0, record.durationSeconds(), 1e-12);
        assertEquals(List.of("lead 1", "lead 2"), EcgRecord.of("r2", new float[2][10], 100).leadNames());
    }

    @Test
    void emptyRecordOrLeadIsRejected() {
        var noLeads = assertThrows(IllegalArgumentException.class, () -> EcgRecord.of("r1", new float[0][], 100));
        assertTrue(noLeads.getMessage().contains("r1 has no leads"), noLeads.getMessage());
        var emptyLead = assertThrows(IllegalArgumentException.class,
                () -> new EcgRecord("r1", new float[][] {{}}, 100, List.of("II")));
        assertTrue(emptyLead.getMessage().contains("lead II is empty"), emptyLead.getMessage());
    }

    @Test
    void leadNameCountMustMatchLeads() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new EcgRecord("r1", new float[3][10], 100, List.of("I", "II")));
        assertTrue(e.getMessage().contains("3 leads but 2 lead names"), e.getMessage());
    }

    @Test
    void nanSampleIsNamedWithLeadAndTime() {
        float[][] leads = new float[2][500];
        leads[1][250] = Float.NaN;
        var e = assertThrows(IllegalArgumentException.class,
                () -> new EcgRecord("A00001", leads, 500, List.of("I", "II")));
        assertTrue(e.getMessage().contains("A00001 lead II has NaN at sample 250 (0.500 s)"), e.getMessage());
    }

    @Test
    void unequalLeadsRepeatedNamesAndBadRatesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new EcgRecord("r", new float[][] {new float[10], new float[9]}, 100, List.of("I", "II")));
        assertThrows(IllegalArgumentException.class,
                () -> new EcgRecord("r", new float[2][10], 100, List.of("II", "ii")));
        assertThrows(IllegalArgumentException.class, () -> EcgRecord.of("r", new float[1][10], 0));
        assertThrows(IllegalArgumentException.class, () -> EcgRecord.of(" ", new float[1][10], 100));
        var missing = assertThrows(IllegalArgumentException.class,
                () -> EcgRecord.of("r", new float[1][10], 100).lead("V1"));
        assertTrue(missing.getMessage().contains("no lead V1"), missing.getMessage());
    }

    @Test
    void betweenCopiesTheRequestedSeconds() {
        float[] ramp = new float[1000];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i;
        }
        EcgRecord part = EcgRecord.of("r", new float[][] {ramp}, 100).between(2, 3.5);
        assertEquals(150, part.sampleCount());
        assertArrayEquals(new float[] {200, 201}, java.util.Arrays.copyOf(part.leads()[0], 2));
        assertThrows(IllegalArgumentException.class, () -> part.between(2, 1));
    }
}
