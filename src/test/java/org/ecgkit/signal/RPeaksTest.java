package org.ecgkit.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.ecgkit.synth.EcgSynth;
import org.ecgkit.synth.Noise;
import org.ecgkit.synth.Rhythm;
import org.ecgkit.synth.SyntheticEcg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R-peak detection against the synthetic generator's beat times, scored beat by beat with the 150 ms matching window
 * of ANSI/AAMI EC57 (see {@link BeatMatching}), on 50 records per rhythm and rate.
 */
class RPeaksTest {

    private static final int RECORDS_PER_RHYTHM = 50;

    private static BeatMatching score(Rhythm rhythm, double fs, boolean allLeads) {
        BeatMatching total = new BeatMatching(0, 0, 0);
        for (long seed = 0; seed < RECORDS_PER_RHYTHM; seed++) {
            SyntheticEcg ecg = EcgSynth.builder().rhythm(rhythm).samplingRate(fs).seconds(10).noise(Noise.NONE)
                    .seed(seed).generate();
            int[] detected = allLeads ? RPeaks.detect(ecg.leads(), fs) : RPeaks.detect(ecg.lead("II"), fs);
            total = total.plus(BeatMatching.of(ecg.rPeaks(), detected, fs, ecg.leads()[0].length));
        }
        return total;
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {100, 500})
    void allTwelveLeadsFindEveryRhythmsBeats(double fs) {
        for (Rhythm rhythm : Rhythm.values()) {
            BeatMatching m = score(rhythm, fs, true);
            assertTrue(m.sensitivity() >= 0.99 && m.positivePredictivity() >= 0.99, rhythm + " at " + fs + " Hz: " + m);
        }
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {100, 500})
    void leadIiAloneFindsSupraventricularBeats(double fs) {
        // Ventricular beats are left out: one whose axis is perpendicular to lead II is nearly flat there.
        for (Rhythm rhythm : EnumSet.complementOf(EnumSet.of(Rhythm.PVC))) {
            BeatMatching m = score(rhythm, fs, false);
            assertTrue(m.sensitivity() >= 0.99 && m.positivePredictivity() >= 0.99, rhythm + " at " + fs + " Hz: " + m);
        }
    }

    @Test
    void rrFeaturesOfDetectedBeatsMatchTheGeneratorsRate() {
        SyntheticEcg ecg = EcgSynth.builder().rhythm(Rhythm.BRADY).samplingRate(500).seconds(30).noise(Noise.NONE)
                .seed(3).generate();
        RrFeatures detected = RrFeatures.of(RPeaks.detect(ecg.leads(), 500), 500);
        RrFeatures truth = RrFeatures.of(ecg.rPeaks(), 500);
        assertEquals(truth.heartRate(), detected.heartRate(), 0.5);
        assertTrue(detected.heartRate() < 60, "bradycardia: " + detected);
        SyntheticEcg af = EcgSynth.builder().rhythm(Rhythm.AF).samplingRate(500).seconds(30).noise(Noise.NONE)
                .seed(3).generate();
        assertTrue(RrFeatures.of(af.leads()[1], 500).irregularity() > 3 * detected.irregularity(),
                "atrial fibrillation is irregular");
    }

    @Test
    void badInputIsRejected() {
        float[] lead = new float[1000];
        lead[10] = Float.NaN;
        var error = assertThrows(IllegalArgumentException.class, () -> RPeaks.detect(lead, 500));
        assertTrue(error.getMessage().startsWith("lead 0 has NaN at sample 10"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RPeaks.detect(new float[100], 500));
        assertThrows(IllegalArgumentException.class, () -> RPeaks.detect(new float[1000], 30));
        assertThrows(IllegalArgumentException.class, () -> RPeaks.detect(new float[][] {new float[1000], new float[999]}, 100));
        assertEquals(0, RPeaks.detect(new float[1000], 100).length, "a flat line has no beats");
    }
}
