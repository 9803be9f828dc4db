package org.ecgkit.journal;

import org.ecgkit.train.EpochResult;

import java.util.List;
import java.util.Map;

/**
 * What is recorded about a run: one line of {@code journal.jsonl} (without the history), and the run folder's
 * {@code run.json} (with it).
 *
 * @param format      {@value #FORMAT}
 * @param id          the run folder's name, {@code <date>-<name>-<n>}
 * @param name        the experiment's name
 * @param status      how the run ended
 * @param message     why it stopped early, was interrupted or failed; null when it completed
 * @param started     ISO-8601 date and time with offset
 * @param seconds     wall time from start to the journal entry
 * @param model       the model's name
 * @param parameters  the model's parameter count (DL4J's)
 * @param epochs      epochs completed
 * @param bestEpoch   epoch of the best checkpoint (by the config's monitored metric), null when none
 * @param data        what the run was trained on
 * @param environment where it ran
 * @param experiment  everything needed to run it again
 * @param testMetrics the best checkpoint's {@code Evaluation.scalars()} on the test split; empty when not evaluated
 * @param testF1      the F1 of each class on the test split, in class order
 * @param rerunOf     the id of the run this one repeats, or null
 * @param history     the epochs (only in {@code run.json})
 */
record RunRecord(String format, String id, String name, RunStatus status, String message, String started,
                 double seconds, String model, long parameters, int epochs, Integer bestEpoch, DataFingerprint data,
                 RunEnvironment environment, Experiment experiment, Map<String, Double> testMetrics,
                 Map<String, Double> testF1, String rerunOf, List<EpochResult> history) {

    static final String FORMAT = "ecgkit-run/1";

    /** The journal line's content: everything but the history. */
    RunRecord withoutHistory() {
        return new RunRecord(format, id, name, status, message, started, seconds, model, parameters, epochs, bestEpoch,
                data, environment, experiment, testMetrics, testF1, rerunOf, null);
    }

    /** The first field a usable entry lacks, or null when it has them all. */
    String missingField() {
        if (id == null) {
            return "id";
        }
        if (name == null) {
            return "name";
        }
        if (status == null) {
            return "status";
        }
        if (started == null) {
            return "started";
        }
        if (experiment == null) {
            return "experiment";
        }
        return data == null ? "data" : null;
    }
}
