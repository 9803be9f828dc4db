package org.ecgkit.data.wfdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.ecgkit.data.SharedData;
import org.junit.jupiter.api.Test;

/** The reader on PhysioNet's own files in shared/data (missing data fails these tests: see SharedData). */
class WfdbRealDataTest {

    private static final JsonObject REAL = WfdbFixtures.json("real.json");

    @Test
    void ptbXlRecordsMatchNumpyAndPassTheirChecksums() throws IOException {
        Path root = SharedData.dataSet("ptbxl-500");
        for (Map.Entry<String, JsonElement> entry : REAL.getAsJsonObject("ptbxl").entrySet()) {
            WfdbRecord record = WfdbReader.read(root.resolve(entry.getKey()));
            assertEquals(List.of("I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6"),
                    record.header().signalNames());
            assertMatches(entry.getValue().getAsJsonObject(), record);
        }
        // every record of the subset reads (sizes and checksums verified) without a warning
        int read = 0;
        try (Stream<Path> headers = Files.walk(root)) {
            for (Path hea : headers.filter(p -> p.toString().endsWith(".hea")).toList()) {
                WfdbRecord record = WfdbReader.read(hea);
                assertTrue(record.warnings().isEmpty(), record.warnings()::toString);
                read++;
            }
        }
        assertEquals(600, read, "500 records at 100 Hz and 100 at 500 Hz");
    }

    @Test
    void cinc2017RecordsMatchNumpyAndWarnExactlyWhereTheInitialValueIsWrong() throws IOException {
        Path training = SharedData.dataSet("cinc2017").resolve("training");
        for (Map.Entry<String, JsonElement> entry : REAL.getAsJsonObject("cinc").entrySet()) {
            assertMatches(entry.getValue().getAsJsonObject(), WfdbReader.read(training.resolve(entry.getKey()), w -> { }));
        }
        TreeSet<String> warned = new TreeSet<>();
        List<String> messages = new ArrayList<>();
        try (Stream<Path> headers = Files.list(training)) {
            for (Path hea : headers.filter(p -> p.toString().endsWith(".hea")).sorted().toList()) {
                WfdbRecord record = WfdbReader.read(hea, messages::add);
                if (!record.warnings().isEmpty()) {
                    warned.add(record.name());
                }
            }
        }
        TreeSet<String> expected = new TreeSet<>();
        REAL.getAsJsonArray("cinc_initial_value_mismatch").forEach(e -> expected.add(e.getAsString()));
        assertEquals(expected, warned);
        assertEquals(expected.size(), messages.size());
    }

    private static void assertMatches(JsonObject expected, WfdbRecord record) {
        assertEquals(expected.get("length").getAsInt(), record.length(), record.name());
        JsonArray first = expected.getAsJsonArray("first");
        JsonArray sums = expected.getAsJsonArray("sums");
        JsonArray max = expected.getAsJsonArray("mv_max");
        float[][] mv = record.millivolts();
        for (int s = 0; s < record.signalCount(); s++) {
            int[] head = java.util.Arrays.copyOf(record.samples()[s], 5);
            assertArrayEquals(WfdbFixtures.ints(first.get(s).getAsJsonArray()), head, record.name() + " lead " + s);
            long sum = 0;
            float peak = Float.NEGATIVE_INFINITY;
            for (int t = 0; t < record.length(); t++) {
                sum += record.samples()[s][t];
                peak = Math.max(peak, mv[s][t]);
            }
            assertEquals(sums.get(s).getAsLong(), sum, record.name() + " lead " + s);
            assertEquals(max.get(s).getAsDouble(), peak, 1e-6, record.name() + " lead " + s);
        }
    }
}
