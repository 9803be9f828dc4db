package org.ecgkit.plot;

import org.ecgkit.data.EcgDataset;
import org.ecgkit.signal.SosFilter;
import org.ecgkit.synth.SyntheticEcg;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One ECG recording as the plots need it: samples in millivolts per lead, the sampling rate and the lead names.
 *
 * <p>The constructor checks everything a plot would otherwise draw wrongly: at least one lead, leads of equal non-zero
 * length, one name per lead, a positive sampling rate and finite samples. The arrays are not copied.
 *
 * @param id           record identifier shown in figure headers
 * @param leads        samples in mV, {@code [lead][sample]}
 * @param samplingRate samples per second
 * @param leadNames    one name per lead, e.g. {@link #STANDARD_LEADS}
 */
public record EcgRecord(String id, float[][] leads, double samplingRate, List<String> leadNames) {

    /** The standard 12-lead order. */
    public static final List<String> STANDARD_LEADS =
            List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");

    public EcgRecord {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an ECG record needs a non-blank id");
        }
        if (leads == null || leads.length == 0) {
            throw new IllegalArgumentException("record " + id + " has no leads");
        }
        if (!(samplingRate > 0) || Double.isInfinite(samplingRate)) {
            throw new IllegalArgumentException("record " + id + " has sampling rate " + samplingRate
                    + " Hz; expected a positive number");
        }
        if (leadNames == null || leadNames.size() != leads.length) {
            throw new IllegalArgumentException("record " + id + " has " + leads.length + " leads but "
                    + (leadNames == null ? "no" : String.valueOf(leadNames.size())) + " lead names");
        }
        leadNames = List.copyOf(leadNames);
        Set<String> seen = new HashSet<>();
        for (String name : leadNames) {
            if (name.isBlank() || !seen.add(name.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("record " + id + " has a blank or repeated lead name in "
                        + leadNames);
            }
        }
        for (int lead = 0; lead < leads.length; lead++) {
            checkLead(id, leadNames.get(lead), leads[lead], leads[0].length, samplingRate);
        }
    }

    private static void checkLead(String id, String name, float[] samples, int expectedLength, double rate) {
        if (samples == null || samples.length == 0) {
            throw new IllegalArgumentException("record " + id + " lead " + name + " is empty");
        }
        if (samples.length != expectedLength) {
            throw new IllegalArgumentException("record " + id + " lead " + name + " has " + samples.length
                    + " samples but the first lead has " + expectedLength);
        }
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "record %s lead %s has %s at sample %d (%.3f s); plots need finite values",
                        id, name, samples[i], i, i / rate));
            }
        }
    }

    /**
     * A record with default lead names: the {@link #STANDARD_LEADS standard names} for 12 leads, {@code "lead 1"},
     * {@code "lead 2"}, ... otherwise.
     */
    public static EcgRecord of(String id, float[][] leads, double samplingRate) {
        return new EcgRecord(id, leads, samplingRate, defaultLeadNames(leads == null ? 0 : leads.length));
    }

    /**
     * Row {@code row} of a dataset, with its id and classes (e.g. {@code syn-00001 · AF}), sampling rate and lead
     * names: {@code EcgRecord.of(dataset, 0)}.
     */
    public static EcgRecord of(EcgDataset dataset, int row) {
        if (row < 0 || row >= dataset.size()) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " has " + dataset.size()
                    + " records; there is no row " + row);
        }
        float[] target = dataset.target(row);
        String classes = IntStream.range(0, target.length).filter(c -> target[c] > 0)
                .mapToObj(dataset.classes()::get).collect(java.util.stream.Collectors.joining(", "));
        String id = classes.isEmpty() ? dataset.id(row) : dataset.id(row) + " · " + classes;
        return new EcgRecord(id, dataset.signal(row), dataset.samplingRate(), dataset.leadNames());
    }

    /** A synthetic recording, e.g. {@code EcgRecord.of("AF", EcgSynth.builder().rhythm(Rhythm.AF).generate())}. */
    public static EcgRecord of(String id, SyntheticEcg ecg) {
        return new EcgRecord(id, ecg.leads(), ecg.samplingRate(), ecg.leadNames());
    }

    static List<String> defaultLeadNames(int count) {
        return count == STANDARD_LEADS.size() ? STANDARD_LEADS
                : IntStream.rangeClosed(1, count).mapToObj(i -> "lead " + i).toList();
    }

    /** The record passed through a filter, e.g. {@code record.filtered(Butterworth.bandPass(fs))}; the id says which. */
    public EcgRecord filtered(SosFilter filter) {
        return new EcgRecord(id + " · " + filter.description(), filter.apply(leads), samplingRate, leadNames);
    }

    /** Number of samples per lead. */
    public int sampleCount() {
        return leads[0].length;
    }

    /** Duration in seconds. */
    public double durationSeconds() {
        return sampleCount() / samplingRate;
    }

    /** Index of a lead by name, ignoring case ({@code "AVR"} finds {@code "aVR"}). */
    public int leadIndex(String name) {
        int index = indexIgnoringCase(leadNames, name);
        if (index < 0) {
            throw new IllegalArgumentException("record " + id + " has no lead " + name + "; its leads are "
                    + leadNames);
        }
        return index;
    }

    static int indexIgnoringCase(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The samples of one lead, by name. */
    public float[] lead(String name) {
        return leads[leadIndex(name)];
    }

    /** The part of the record from {@code fromSeconds} (inclusive) to {@code toSeconds} (exclusive), copied. */
    public EcgRecord between(double fromSeconds, double toSeconds) {
        int from = (int) Math.round(fromSeconds * samplingRate);
        int to = (int) Math.min(sampleCount(), Math.round(toSeconds * samplingRate));
        if (from < 0 || from >= to) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "record %s is %.2f s long; cannot take %.2f s to %.2f s", id, durationSeconds(), fromSeconds,
                    toSeconds));
        }
        float[][] part = Arrays.stream(leads).map(l -> Arrays.copyOfRange(l, from, to)).toArray(float[][]::new);
        return new EcgRecord(id, part, samplingRate, leadNames);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EcgRecord[%s: %d leads %s, %d samples at %s Hz = %.2f s]", id,
                leads.length, leadNames, sampleCount(), samplingRate, durationSeconds());
    }
}
