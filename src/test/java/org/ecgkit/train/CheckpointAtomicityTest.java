package org.ecgkit.train;

import org.ecgkit.model.AtomicFiles;
import org.ecgkit.model.EcgModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointAtomicityTest {

    @Test
    void aSaveThatFailsHalfwayLeavesThePreviousBestLoadable(@TempDir Path run) throws IOException {
        Trainer trainer = Trainer.fromConfig(TrainerTest.denseConfig(1).build()).checkpoints(run);
        trainer.fit(TrainerTest.train(TrainerTest.denseSpec()), TrainerTest.validation(TrainerTest.denseSpec()));
        Path best = run.resolve(Checkpoint.BEST);
        INDArray bestWeights = EcgModel.load(best).graph().params();
        byte[] newerCheckpoint = Files.readAllBytes(run.resolve(Checkpoint.LAST));

        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(best, out -> {
            out.write(newerCheckpoint, 0, newerCheckpoint.length / 2);
            throw new IOException("No space left on device");
        }));

        assertEquals("No space left on device", failure.getMessage());
        assertEquals(bestWeights, EcgModel.load(best).graph().params());
        try (Stream<Path> files = Files.list(run)) {
            assertEquals(List.of(Checkpoint.BEST, Checkpoint.LAST), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aProcessKilledWhileSavingLeavesALoadableModel(@TempDir Path run) throws Exception {
        Path file = run.resolve("best.zip");
        Process saver = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CheckpointSaveLoop.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(saver.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.equals("saved 5"));
            assertTrue(line != null, "the saving process ended early");
            Thread.sleep(3); // into one of the following saves
            saver.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
            assertTrue(saver.waitFor(30, TimeUnit.SECONDS));
        } finally {
            saver.destroyForcibly();
        }

        INDArray weights = EcgModel.load(file).graph().params();
        // Save n set every weight to n: one complete save has a single value, at least 5.
        assertEquals(weights.minNumber().doubleValue(), weights.maxNumber().doubleValue());
        assertTrue(weights.minNumber().doubleValue() >= 5, weights.minNumber().toString());
    }
}
