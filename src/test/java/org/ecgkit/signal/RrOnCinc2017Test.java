package org.ecgkit.signal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecgkit.data.SharedData;
import org.ecgkit.data.cinc.Cinc2017;
import org.junit.jupiter.api.Test;

/**
 * R peaks and RR features on real single-lead recordings (CinC 2017, shared/data/cinc2017; missing data fails, see
 * SharedData): the irregularity feature must tell atrial fibrillation from normal rhythm as physiology says it should.
 * No beat annotations exist for this data, so the class labels are the reference.
 */
class RrOnCinc2017Test {

    @Test
    void irregularitySeparatesAtrialFibrillationFromNormalRhythm() {
        Cinc2017 cinc = Cinc2017.open(SharedData.dataSet("cinc2017"));
        double fs = cinc.samplingFrequency();
        List<Double> af = new ArrayList<>();
        List<Double> normal = new ArrayList<>();
        for (Cinc2017.Entry entry : cinc.records()) {
            List<Double> group = entry.label().equals("A") ? af : entry.label().equals("N") ? normal : null;
            if (group == null || group.size() >= (group == af ? 120 : 360)) {
                continue;
            }
            group.add(RrFeatures.of(cinc.read(entry.recordId()).millivolts(0), fs).irregularity());
        }
        double auc = 0;
        for (double a : af) {
            for (double n : normal) {
                auc += a > n ? 1 : a == n ? 0.5 : 0;
            }
        }
        auc /= af.size() * (double) normal.size();
        double normalMedian = median(normal);
        double afMedian = median(af);
        String figures = String.format("AUC %.3f, median irregularity normal %.3f, AF %.3f", auc, normalMedian, afMedian);
        System.out.println("CinC 2017, first 120 AF and 360 normal records: " + figures);
        assertTrue(auc > 0.88, figures);
        assertTrue(normalMedian < 0.05, "sinus rhythm varies by a few percent beat to beat: " + figures);
        assertTrue(afMedian > 0.10, "atrial fibrillation is irregularly irregular: " + figures);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
