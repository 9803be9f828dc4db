package org.ecgkit.plot;

import org.ecgkit.synth.EcgSynth;

import java.util.List;

/** Realistic test recordings from the kit's synthetic ECG generator (normal rhythm, typical noise, fixed seed). */
final class TestEcg {

    private TestEcg() {
    }

    static EcgRecord twelveLead(double seconds, double samplingRate, double heartRate) {
        return EcgRecord.of("synthetic-" + (int) heartRate + "bpm", EcgSynth.builder().samplingRate(samplingRate)
                .seconds(seconds).heartRate(heartRate).seed(12).generate());
    }

    static EcgRecord singleLead(double seconds, double samplingRate, double heartRate) {
        EcgRecord twelve = twelveLead(seconds, samplingRate, heartRate);
        return new EcgRecord(twelve.id(), new float[][] {twelve.lead("II")}, samplingRate, List.of("ECG"));
    }
}
