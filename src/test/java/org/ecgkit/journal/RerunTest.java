package org.ecgkit.journal;

import org.ecgkit.data.EcgDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RerunTest {

    @Test
    void aRerunOnTheCpuReproducesHistoryAndTestMetricsExactly(@TempDir Path directory) {
        Journal journal = Journal.open(directory.resolve("runs"));
        Run original;
        try (EcgDataset dataset = TinyData.write(directory.resolve("sines"))) {
            original = TinyData.experiment("tiny", dataset).journal(journal).run();
        }
        // from the journal line alone, as a later session would
        Rerun rerun = Journal.rerun(journal.latest("tiny"));

        assertTrue(rerun.matches(), rerun.toString() + "\n" + rerun.table().printAll());
        assertEquals(original.id(), rerun.rerun().rerunOf());
        assertEquals(original.id().replaceAll("-1$", "-2"), rerun.rerun().id());
        assertEquals(2, journal.entries().size());
        assertEquals("yes", rerun.table().stringColumn("identical").unique().getString(0));
        assertEquals(1, rerun.table().stringColumn("identical").unique().size());
        assertTrue(rerun.table().stringColumn("quantity").contains("history val_loss (3 epochs)"));
        assertTrue(rerun.table().stringColumn("quantity").contains("test macro_f1"));
        assertEquals(original.record().testMetrics(), rerun.rerun().record().testMetrics());
    }

    @Test
    void aRerunSeesADifferentSeedAsADifference(@TempDir Path directory) {
        Journal journal = Journal.open(directory.resolve("runs"));
        Run first;
        Run second;
        try (EcgDataset dataset = TinyData.write(directory.resolve("sines"))) {
            first = TinyData.experiment("seed", dataset).journal(journal).run();
            second = TinyData.experiment("seed", dataset).training(t -> t.seed(4)).journal(journal).run();
        }
        Rerun compared = Rerun.of(first, second);
        assertFalse(compared.matches());
        assertTrue(compared.differences().get(0).startsWith("history train_loss (3 epochs) differs by up to"),
                compared.differences().toString());
    }

    @Test
    void aRerunOnChangedDataIsRefusedNamingBothFingerprints(@TempDir Path directory) throws IOException {
        Journal journal = Journal.open(directory.resolve("runs"));
        Run original;
        try (EcgDataset dataset = TinyData.write(directory.resolve("sines"))) {
            original = TinyData.experiment("tiny", dataset).journal(journal).run();
        }
        Path metadata = directory.resolve("sines").resolve("metadata.csv");
        Files.writeString(metadata, Files.readString(metadata).replaceFirst(",F,", ",M,"), StandardOpenOption.TRUNCATE_EXISTING);

        String message = assertThrows(IllegalStateException.class, () -> Journal.rerun(original)).getMessage();
        assertTrue(message.startsWith("cannot rerun " + original.id() + ": it was trained on data "
                + original.data().sha256() + " but "), message);
        assertTrue(message.contains("metadata.csv " + original.data().files().get("metadata.csv").substring(0, 12) + " → "),
                message);
        assertFalse(message.contains("signals.npy"), "only the changed file is named: " + message);
        assertEquals(1, journal.entries().size(), "nothing recorded");
    }
}
