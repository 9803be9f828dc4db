package org.ecgkit.signal;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.ecgkit.data.EcgDataset;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-lead standardisation {@code (x − mean) / scale} with statistics fitted on training records only, as
 * scikit-learn's {@code StandardScaler} fitted on {@code (records·samples, leads)}: population standard deviation,
 * and a lead that is constant in training (flat or missing) gets scale 1, so it is centred but not blown up.
 * Immutable: {@link #fit} returns the statistics, {@link #apply} uses them.
 *
 * <pre>{@code
 * Standardizer standardizer = Standardizer.fit(dataset);          // the "train" split
 * float[][] x = standardizer.apply(dataset.signal(row));
 * }</pre>
 */
public final class Standardizer {

    private final double[] mean;
    private final double[] scale;
    private final long samplesPerLead;

    private Standardizer(double[] mean, double[] scale, long samplesPerLead) {
        this.mean = mean;
        this.scale = scale;
        this.samplesPerLead = samplesPerLead;
    }

    /** Fits on the records whose metadata {@code split} is {@code train}. */
    public static Standardizer fit(EcgDataset dataset) {
        return fit(dataset, dataset.rows("train"));
    }

    /** Fits on the given rows of a dataset (normally its training rows), reading one record at a time. */
    public static Standardizer fit(EcgDataset dataset, int[] rows) {
        return fit(rows.length, i -> dataset.signal(rows[i]),
                i -> "record " + rows[i] + " (id " + dataset.id(rows[i]) + ") of " + dataset.name());
    }

    /** Fits on records {@code [lead][sample]} held in memory. */
    public static Standardizer fit(List<float[][]> records) {
        return fit(records.size(), records::get, i -> "record " + i);
    }

    private static Standardizer fit(int count, IntFunction<float[][]> record, IntFunction<String> name) {
        if (count == 0) {
            throw new IllegalArgumentException("cannot fit a Standardizer on no records");
        }
        double[] mean = null;
        double[] squares = null; // sum of squared deviations from the running mean
        long n = 0;
        for (int i = 0; i < count; i++) {
            float[][] leads = record.apply(i);
            int samples;
            try {
                samples = Signals.requireLeads(leads);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name.apply(i) + ": " + e.getMessage(), e);
            }
            if (mean == null) {
                mean = new double[leads.length];
                squares = new double[leads.length];
            } else if (leads.length != mean.length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has %d leads but the first has %d",
                        name.apply(i), leads.length, mean.length));
            }
            for (int lead = 0; lead < leads.length; lead++) {
                // Chan et al.'s pairwise update: exact two-pass statistics of this lead, merged into the totals.
                double recordMean = 0;
                for (float v : leads[lead]) {
                    recordMean += v;
                }
                recordMean /= samples;
                double recordSquares = 0;
                for (float v : leads[lead]) {
                    recordSquares += (v - recordMean) * (v - recordMean);
                }
                double delta = recordMean - mean[lead];
                long total = n + samples;
                mean[lead] += delta * samples / total;
                squares[lead] += recordSquares + delta * delta * ((double) n * samples / total);
            }
            n += samples;
        }
        double[] scale = new double[mean.length];
        for (int lead = 0; lead < mean.length; lead++) {
            double variance = squares[lead] / n;
            // sklearn's test for a constant feature: variance no larger than the rounding noise of the mean.
            double noise = n * Math.ulp(1.0) * Math.abs(mean[lead]);
            scale[lead] = variance <= noise * noise ? 1.0 : Math.sqrt(variance);
        }
        return new Standardizer(mean, scale, n);
    }

    /** {@code (x − mean) / scale} per lead; returns new arrays. */
    public float[][] apply(float[][] leads) {
        Signals.requireLeads(leads);
        if (leads.length != mean.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the record has %d leads but the Standardizer was fitted on %d", leads.length, mean.length));
        }
        float[][] out = new float[leads.length][];
        for (int lead = 0; lead < leads.length; lead++) {
            float[] x = leads[lead];
            float[] y = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = (float) ((x[i] - mean[lead]) / scale[lead]);
            }
            out[lead] = y;
        }
        return out;
    }

    /** Training mean per lead. */
    public double[] mean() {
        return mean.clone();
    }

    /** Divisor per lead: the training standard deviation (ddof 0), or 1 for a lead constant in training. */
    public double[] scale() {
        return scale.clone();
    }

    /** Samples per lead the statistics were computed from. */
    public long samplesPerLead() {
        return samplesPerLead;
    }

    /** The statistics as a table: lead, mean, scale. */
    public Table table(List<String> leadNames) {
        if (leadNames.size() != mean.length) {
            throw new IllegalArgumentException(leadNames.size() + " lead names for " + mean.length + " leads");
        }
        return Table.create("per-lead standardisation",
                StringColumn.create("lead", leadNames), DoubleColumn.create("mean", mean),
                DoubleColumn.create("scale", scale));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Standardizer[%d leads, fitted on %,d samples per lead]",
                mean.length, samplesPerLead);
    }
}
