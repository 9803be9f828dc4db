package org.ecgkit.synth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.ecgkit.data.DatasetWriter;
import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Manifest;
import org.ecgkit.data.Task;
import org.ecgkit.data.Workspace;
import org.ecgkit.notebook.Progress;

/**
 * The embedded default dataset: synthetic 12-lead recordings of the five {@link Rhythm}s, with age and sex drawn per
 * class the way they differ in clinical cohorts (atrial fibrillation and ectopy in older patients, more men among
 * them), and a stratified train/val/test split. Written in the kit's dataset layout, so it opens as any dataset.
 *
 * <pre>{@code
 * EcgDataset data = SyntheticDataset.builder().recordsPerClass(200).samplingRate(100).build().ensure(dir);
 * }</pre>
 */
public final class SyntheticDataset {

    private final int recordsPerClass;
    private final double samplingRate;
    private final double seconds;
    private final Noise noise;
    private final long seed;
    private final List<Rhythm> rhythms;
    private final double validationFraction;
    private final double testFraction;

    private SyntheticDataset(Builder b) {
        this.recordsPerClass = b.recordsPerClass;
        this.samplingRate = b.samplingRate;
        this.seconds = b.seconds;
        this.noise = b.noise;
        this.seed = b.seed;
        this.rhythms = List.copyOf(b.rhythms);
        this.validationFraction = b.validationFraction;
        this.testFraction = b.testFraction;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The embedded default dataset of the notebooks: 200 records per rhythm, 12 leads, 10 s at 100 Hz, typical
     * noise, seed 42, in {@code <workspace>/data/synthetic-100hz}; generated on first use (a few seconds).
     */
    public static EcgDataset embedded() {
        return builder().recordsPerClass(200).build().ensure(Workspace.data("synthetic-100hz"));
    }

    /** What was generated, stored in the manifest's source so that {@link #ensure} knows when to regenerate. */
    public String description() {
        return String.format(Locale.ROOT, "ecgkit synthetic ECGSYN 12-lead: %d per class of %s, %s Hz, %s s, noise %s, "
                        + "split val %.2f test %.2f, seed %d", recordsPerClass, rhythms, samplingRate, seconds, noise,
                validationFraction, testFraction, seed);
    }

    /** Opens the dataset in {@code dir} if it was generated with these settings; generates it otherwise. */
    public EcgDataset ensure(Path dir) {
        if (Files.isRegularFile(dir.resolve(Manifest.FILE_NAME))) {
            try {
                if (Manifest.read(dir).source().equals(description())) {
                    return EcgDataset.open(dir);
                }
            } catch (IllegalArgumentException stale) {
                // unreadable leftovers are regenerated below
            }
        }
        return writeTo(dir);
    }

    /** Generates every record and writes the dataset into {@code dir}, replacing what was there. */
    public EcgDataset writeTo(Path dir) {
        Manifest manifest = Manifest.builder()
                .name("synthetic-" + (int) samplingRate + "hz")
                .samplingRate(samplingRate)
                .leads(EcgSynth.LEADS)
                .task(Task.MULTICLASS)
                .classes(rhythms.stream().map(Rhythm::code).toList())
                .source(description())
                .build();
        int total = recordsPerClass * rhythms.size();
        String[] splits = stratifiedSplits();
        int chunk = 64;
        try (DatasetWriter writer = EcgDataset.create(dir, manifest);
             Progress progress = Progress.start("generating " + manifest.name(), total)) {
            for (int from = 0; from < total; from += chunk) {
                int start = from;
                // records are independent, so a chunk is drawn in parallel and written in order
                List<SyntheticEcg> drawn = IntStream.range(start, Math.min(total, start + chunk)).parallel()
                        .mapToObj(this::record).toList();
                for (int i = 0; i < drawn.size(); i++) {
                    int index = start + i;
                    writer.add(String.format(Locale.ROOT, "syn-%05d", index), drawn.get(i).leads(),
                            index % rhythms.size(), metadata(index, splits[index]));
                }
                progress.step(drawn.size());
            }
        }
        return EcgDataset.open(dir);
    }

    /** Record {@code index}: rhythm {@code index mod classes}, its own seed, so records do not depend on each other. */
    private SyntheticEcg record(int index) {
        return EcgSynth.builder()
                .rhythm(rhythms.get(index % rhythms.size()))
                .samplingRate(samplingRate)
                .seconds(seconds)
                .noise(noise)
                .seed(mix(seed, index))
                .generate();
    }

    private Map<String, Object> metadata(int index, String split) {
        Rhythm rhythm = rhythms.get(index % rhythms.size());
        SplittableRandom random = new SplittableRandom(mix(seed ^ 0x5DEECE66DL, index));
        double[] ageMeanSd = switch (rhythm) {
            case NORMAL -> new double[] {48, 16};
            case AF -> new double[] {71, 9};
            case BRADY -> new double[] {55, 17};
            case TACHY -> new double[] {44, 18};
            case PVC -> new double[] {63, 12};
        };
        double maleShare = switch (rhythm) {
            case AF, PVC -> 0.6;
            case TACHY -> 0.42;
            default -> 0.5;
        };
        long age = Math.round(Math.max(18, Math.min(95, ageMeanSd[0] + ageMeanSd[1] * EcgSynth.gaussian(random))));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("patient_id", String.format(Locale.ROOT, "P%05d", index));
        meta.put("age", age);
        meta.put("sex", random.nextDouble() < maleShare ? "M" : "F");
        meta.put("split", split);
        return meta;
    }

    /** Per class, a seeded shuffle of its records assigned to test, val, then train. */
    private String[] stratifiedSplits() {
        int total = recordsPerClass * rhythms.size();
        String[] splits = new String[total];
        for (int c = 0; c < rhythms.size(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = c; i < total; i += rhythms.size()) {
                members.add(i);
            }
            java.util.Collections.shuffle(members, new java.util.Random(mix(seed, -1 - c)));
            int test = (int) Math.round(testFraction * members.size());
            int val = (int) Math.round(validationFraction * members.size());
            for (int i = 0; i < members.size(); i++) {
                splits[members.get(i)] = i < test ? "test" : i < test + val ? "val" : "train";
            }
        }
        return splits;
    }

    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Defaults: 100 records per class of all five rhythms, 100 Hz, 10 s, typical noise, 70/15/15 split, seed 42. */
    public static final class Builder {
        private int recordsPerClass = 100;
        private double samplingRate = 100;
        private double seconds = 10;
        private Noise noise = Noise.typical();
        private long seed = 42;
        private List<Rhythm> rhythms = List.of(Rhythm.values());
        private double validationFraction = 0.15;
        private double testFraction = 0.15;

        public Builder recordsPerClass(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("records per class must be at least 1, got " + n);
            }
            this.recordsPerClass = n;
            return this;
        }

        public Builder samplingRate(double hz) {
            this.samplingRate = hz;
            return this;
        }

        public Builder seconds(double seconds) {
            this.seconds = seconds;
            return this;
        }

        public Builder noise(Noise noise) {
            this.noise = noise;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder rhythms(Rhythm... rhythms) {
            if (rhythms.length == 0) {
                throw new IllegalArgumentException("at least one rhythm is needed");
            }
            this.rhythms = List.of(rhythms);
            return this;
        }

        /** Fractions of each class held out for validation and test. */
        public Builder split(double validation, double test) {
            if (validation < 0 || test < 0 || validation + test >= 1) {
                throw new IllegalArgumentException("validation and test fractions must be ≥ 0 and leave some for training: "
                        + validation + ", " + test);
            }
            this.validationFraction = validation;
            this.testFraction = test;
            return this;
        }

        public SyntheticDataset build() {
            return new SyntheticDataset(this);
        }
    }
}
