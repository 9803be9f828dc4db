package org.ecgkit.journal;

import org.ecgkit.data.EcgDataset;
import org.ecgkit.data.Input;
import org.ecgkit.testing.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DataFingerprintTest {

    /** Python's hashlib over the same files: each file's SHA-256, then the identity over "name hash" lines. */
    private static final String HASHLIB = """
            import hashlib, sys
            d, own, extra = sys.argv[1], sys.argv[2].split(','), sys.argv[3].split(',')
            files = {n: hashlib.sha256(open(d + '/' + n, 'rb').read()).hexdigest() for n in own + extra}
            lines = ''.join(f'{n} {files[n]}\\n' for n in sorted(own))
            print(hashlib.sha256(lines.encode()).hexdigest())
            for n in sorted(files): print(n, files[n])
            """;

    @Test
    void fileHashesAndTheDatasetIdentityAreThoseOfHashlib(@TempDir Path directory) throws Exception {
        try (EcgDataset dataset = TinyData.write(directory.resolve("sines"))) {
            Files.copy(dataset.directory().resolve("signals.npy"), dataset.directory().resolve("extra.npy"));
            DataFingerprint fingerprint = DataFingerprint.of(dataset, List.of("extra"));

            Path script = directory.resolve("hash.py");
            Files.writeString(script, HASHLIB);
            String[] lines = Python.code("import runpy, sys; sys.argv = ['hash.py', '" + dataset.directory()
                    + "', 'manifest.json,metadata.csv,labels.npy,signals.npy', 'extra.npy']; runpy.run_path('"
                    + script + "')").strip().split("\n");
            assertEquals(lines[0], fingerprint.sha256());
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                expected.put(lines[i].split(" ")[0], lines[i].split(" ")[1]);
            }
            assertEquals(expected, fingerprint.files());

            // the derived arrays a run reads are in the fingerprint but not in the dataset's identity
            DataFingerprint withoutExtra = DataFingerprint.of(dataset, List.of());
            assertEquals(fingerprint.sha256(), withoutExtra.sha256());
            assertNotEquals(fingerprint, withoutExtra);
            assertEquals("extra.npy " + fingerprint.files().get("extra.npy").substring(0, 12) + " → (not used)",
                    fingerprint.differences(withoutExtra));
        }
    }

    @Test
    void anExperimentRecordsTheDerivedArraysItsInputsRead(@TempDir Path directory) throws Exception {
        try (EcgDataset dataset = TinyData.write(directory.resolve("sines"))) {
            Files.copy(dataset.directory().resolve("signals.npy"), dataset.directory().resolve("extra.npy"));
            Files.writeString(dataset.directory().resolve("extra.json"),
                    "{\"layout\": \"[record, lead, sample]\", \"source\": {\"fingerprint\": \"abc\"}, \"times\": [0.5]}");
            Experiment experiment = Experiment.named("arrays").on(dataset)
                    .inputs(Input.waveform(), Input.vector("metadata", Input.metadata("age"), Input.array("extra")))
                    .model(TinyData.experiment("x", dataset).build().training().model()).build();
            assertEquals(List.of("extra"), experiment.data().arrayFiles());
            assertEquals("{\"layout\":\"[record, lead, sample]\"}", experiment.data().arrays().get("extra").toString(),
                    "the sidecar's settings without the signals' fingerprint and the axes");
        }
    }
}
