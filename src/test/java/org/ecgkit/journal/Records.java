package org.ecgkit.journal;

import org.ecgkit.data.EcgDataset;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Journal entries made by hand, for tests that need entries but no training. */
final class Records {

    private Records() {
    }

    /** A completed run of {@code experiment} on {@code dataset} with the given test macro F1 and AF-like class F1s. */
    static RunRecord completed(String id, Experiment experiment, EcgDataset dataset, OffsetDateTime started, double macroF1) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", macroF1 + 0.01);
        metrics.put("macro_f1", macroF1);
        metrics.put("macro_auroc", 0.9);
        Map<String, Double> f1 = new LinkedHashMap<>();
        dataset.classes().forEach(name -> f1.put(name, macroF1));
        return new RunRecord(RunRecord.FORMAT, id, experiment.name(), RunStatus.COMPLETED, null, started.toString(), 61.5,
                experiment.training().model().name(), 1234, experiment.training().epochs(), 2,
                DataFingerprint.of(dataset, List.of()), null, experiment, metrics, f1, null, null);
    }

    /** The same entry under another id and name, with a message. */
    static RunRecord renamed(RunRecord record, String id, String name, String message) {
        return new RunRecord(record.format(), id, name, record.status(), message, record.started(), record.seconds(),
                record.model(), record.parameters(), record.epochs(), record.bestEpoch(), record.data(),
                record.environment(), record.experiment(), record.testMetrics(), record.testF1(), record.rerunOf(),
                record.history());
    }
}
