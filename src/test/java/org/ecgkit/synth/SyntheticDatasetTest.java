package org.ecgkit.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ecgkit.data.EcgDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

class SyntheticDatasetTest {

    @Test
    void datasetHasBalancedClassesSplitsAndClassLinkedMetadata(@TempDir Path dir) {
        SyntheticDataset spec = SyntheticDataset.builder().recordsPerClass(40).samplingRate(100).seconds(5).seed(3).build();
        try (EcgDataset ds = spec.writeTo(dir)) {
            assertEquals(200, ds.size());
            assertEquals(12, ds.leads());
            assertEquals(500, ds.samples());
            Table counts = ds.classCounts();
            assertTrue(counts.intColumn("records").asList().stream().allMatch(n -> n == 40));
            assertTrue(counts.intColumn("train").asList().stream().allMatch(n -> n == 28));
            assertTrue(counts.intColumn("test").asList().stream().allMatch(n -> n == 6));
            double afAge = meanAge(ds, Rhythm.AF.ordinal());
            double normalAge = meanAge(ds, Rhythm.NORMAL.ordinal());
            assertTrue(afAge > normalAge + 10, "AF patients are older: " + afAge + " vs " + normalAge);
        }
    }

    @Test
    void ensureReusesAMatchingDatasetAndRegeneratesOnOtherSettings(@TempDir Path dir) throws Exception {
        SyntheticDataset small = SyntheticDataset.builder().recordsPerClass(3).seconds(2).build();
        small.ensure(dir).close();
        var written = Files.getLastModifiedTime(dir.resolve("signals.npy"));
        Thread.sleep(20);
        try (EcgDataset again = small.ensure(dir)) {
            assertEquals(written, Files.getLastModifiedTime(dir.resolve("signals.npy")));
            assertEquals(15, again.size());
        }
        try (EcgDataset other = SyntheticDataset.builder().recordsPerClass(4).seconds(2).build().ensure(dir)) {
            assertEquals(20, other.size());
            assertNotEquals(written, Files.getLastModifiedTime(dir.resolve("signals.npy")));
        }
    }

    private static double meanAge(EcgDataset ds, int label) {
        int[] labels = ds.labels();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < ds.size(); i++) {
            if (labels[i] == label) {
                sum += ds.metadata().doubleColumn("age").get(i);
                n++;
            }
        }
        return sum / n;
    }
}
