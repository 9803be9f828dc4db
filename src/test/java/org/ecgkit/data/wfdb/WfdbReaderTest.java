package org.ecgkit.data.wfdb;

import static org.ecgkit.data.wfdb.WfdbFixtures.doubles;
import static org.ecgkit.data.wfdb.WfdbFixtures.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WfdbReaderTest {

    private static final JsonObject EXPECTED = WfdbFixtures.json("expected.json");

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"rec16", "rec212", "rec212odd", "rec80", "A99999"})
    void readsNumpyEncodedRecords(String name) {
        JsonObject expected = EXPECTED.getAsJsonObject(name);
        WfdbRecord record = WfdbReader.read(WfdbFixtures.folder().resolve(name), w -> { });

        assertEquals(expected.get("fs").getAsDouble(), record.samplingFrequency());
        assertEquals(names(expected), record.header().signalNames());
        assertEquals(List.of("fixture " + name + ": written by src/test/python/wfdb_fixtures.py",
                "a comment after the signal lines", "and one more"), record.header().comments());
        assertTrue(record.warnings().isEmpty(), record.warnings()::toString);
        JsonArray digital = expected.getAsJsonArray("digital");
        JsonArray millivolts = expected.getAsJsonArray("millivolts");
        for (int s = 0; s < digital.size(); s++) {
            SignalSpec spec = record.header().signals().get(s);
            assertEquals(expected.get("gain").getAsDouble(), spec.gain());
            assertEquals(expected.get("baseline").getAsInt(), spec.baseline());
            assertEquals(expected.get("units").getAsString(), spec.units());
            assertEquals(expected.getAsJsonArray("checksums").get(s).getAsInt(), spec.checksum().getAsInt());
            assertArrayEquals(ints(digital.get(s).getAsJsonArray()), record.samples()[s], name + " signal " + s);
            double[] mv = doubles(millivolts.get(s).getAsJsonArray());
            float[] actual = record.millivolts(s);
            for (int t = 0; t < mv.length; t++) {
                assertEquals(mv[t], actual[t], 1e-6 * Math.max(1, Math.abs(mv[t])), name + " mV at " + t);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rec16", "rec212", "rec212odd", "rec80", "A99999"})
    void writerReproducesTheSpecificationsBytes(String name) throws IOException {
        JsonObject expected = EXPECTED.getAsJsonObject(name);
        WfdbWriter writer = WfdbWriter.record(name).samplingFrequency(expected.get("fs").getAsDouble())
                .gain(expected.get("gain").getAsDouble()).baseline(expected.get("baseline").getAsInt())
                .units(expected.get("units").getAsString());
        if (name.startsWith("A")) {
            writer.matlabV4();
        } else {
            writer.format(WfdbFormat.ofCode(expected.get("format").getAsInt()));
        }
        JsonArray digital = expected.getAsJsonArray("digital");
        List<String> names = names(expected);
        for (int s = 0; s < digital.size(); s++) {
            writer.signal(names.get(s), ints(digital.get(s).getAsJsonArray()));
        }
        writer.write(temp);
        String ext = name.startsWith("A") ? ".mat" : ".dat";
        assertArrayEquals(Files.readAllBytes(WfdbFixtures.folder().resolve(name + ext)),
                Files.readAllBytes(temp.resolve(name + ext)));
        WfdbRecord back = WfdbReader.read(temp.resolve(name));
        for (int s = 0; s < digital.size(); s++) {
            assertArrayEquals(ints(digital.get(s).getAsJsonArray()), back.samples()[s]);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 1001})
    void roundTripsEveryFormatIncludingOddLengthsAndNegativeValues(int length) {
        Random random = new Random(length);
        for (WfdbFormat format : WfdbFormat.values()) {
            for (int signals : new int[] {1, 2, 3}) {
                WfdbWriter writer = WfdbWriter.record("r" + format.code() + "_" + signals).format(format);
                int[][] data = new int[signals][length];
                for (int s = 0; s < signals; s++) {
                    for (int t = 0; t < length; t++) {
                        // the format's most negative value is WFDB's invalid-sample marker; the rest must survive
                        data[s][t] = format.minSample() + 1
                                + random.nextInt(format.maxSample() - format.minSample());
                    }
                    data[s][0] = format.minSample() + 1;
                    writer.signal("s" + s, data[s]);
                }
                writer.write(temp);
                WfdbRecord back = WfdbReader.read(temp.resolve("r" + format.code() + "_" + signals));
                for (int s = 0; s < signals; s++) {
                    assertArrayEquals(data[s], back.samples()[s], format + " signal " + s + " of " + signals);
                }
            }
        }
    }

    @Test
    void invalidSampleMarkerBecomesNaN() {
        WfdbWriter.record("gap").format(WfdbFormat.FORMAT_212).signal("ECG", new int[] {10, -2048, 30}).write(temp);
        float[] mv = WfdbReader.read(temp.resolve("gap")).millivolts(0);
        assertEquals(10 / 200f, mv[0], 1e-7);
        assertTrue(Float.isNaN(mv[1]));
    }

    @Test
    void checksumMismatchIsAnErrorNamingTheRecord() throws IOException {
        copyFixture("rec16");
        Path dat = temp.resolve("rec16.dat");
        byte[] bytes = Files.readAllBytes(dat);
        bytes[6] ^= 0x01; // one sample off by one: same size, wrong sum
        Files.write(dat, bytes);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WfdbReader.read(temp.resolve("rec16")));
        assertTrue(error.getMessage().contains("record rec16") && error.getMessage().contains("checksum"),
                error.getMessage());
    }

    @Test
    void sizeMismatchIsAnErrorNamingTheRecord() throws IOException {
        copyFixture("rec212");
        Path dat = temp.resolve("rec212.dat");
        byte[] bytes = Files.readAllBytes(dat);
        // 3 signals x 5 samples = 15 samples: 7 three-byte pairs plus a final byte pair = 23 bytes
        Files.write(dat, java.util.Arrays.copyOf(bytes, bytes.length - 2));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WfdbReader.read(temp.resolve("rec212")));
        assertTrue(error.getMessage().startsWith("record rec212: rec212.dat holds 21 bytes"), error.getMessage());
        assertTrue(error.getMessage().contains("need 23"), error.getMessage());
    }

    @Test
    void initialValueMismatchIsOnlyAWarning() throws IOException {
        copyFixture("rec80");
        Path hea = temp.resolve("rec80.hea");
        // rec80's first signal starts at -127; claim 3 instead, as 565 CinC 2017 headers do
        Files.writeString(hea, Files.readString(hea).replace(" 8 0 -127 ", " 8 0 3 "));
        List<String> seen = new ArrayList<>();
        WfdbRecord record = WfdbReader.read(temp.resolve("rec80"), seen::add);
        assertEquals(1, seen.size());
        assertEquals(seen, record.warnings());
        assertTrue(seen.get(0).contains("record rec80 signal 0 (A)") && seen.get(0).contains("initial value 3")
                && seen.get(0).contains("first sample -127"), seen.get(0));
        assertEquals(-127, record.samples()[0][0]);
    }

    @Test
    void matlabHeaderThatDisagreesWithTheWfdbHeaderIsAnError() throws IOException {
        copyFixture("A99999");
        Path mat = temp.resolve("A99999.mat");
        byte[] bytes = Files.readAllBytes(mat);
        bytes[8] = 10; // the MATLAB header's column count: 10 samples, while the WFDB header and the size say 9
        Files.write(mat, bytes);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WfdbReader.read(temp.resolve("A99999")));
        assertEquals("record A99999: A99999.mat holds a 1 x 10 matrix but the WFDB header describes 1 signal(s) x 9"
                + " samples", error.getMessage());
    }

    @Test
    void parsesOptionalHeaderFieldsWithTheSpecificationsDefaults() {
        WfdbHeader header = WfdbHeader.parse(List.of(
                "# leading comment", "100 3 360/20(5) 650000 0:0:0 01/01/1990", "100.dat 212 200/mV 11 1024 995 -22131 0 MLII",
                "100.dat 212 1000/uV", "100.dat 16+7 5.5(-3) 12 0 0 0 0 chest lead V5 (modified)",
                "#Age: 69 Sex: M", "#Medications: Aldomet, Inderal"), "100.hea");
        assertEquals(360.0, header.samplingFrequency());
        assertEquals(650000, header.samplesPerSignal());
        assertEquals("0:0:0", header.baseTime());
        assertEquals(List.of("leading comment", "Age: 69 Sex: M", "Medications: Aldomet, Inderal"), header.comments());
        SignalSpec mlii = header.signals().get(0);
        assertEquals(1024, mlii.baseline(), "baseline defaults to the ADC zero");
        assertEquals(995, mlii.initialValue().getAsInt());
        assertEquals(-22131, mlii.checksum().getAsInt());
        SignalSpec bare = header.signals().get(1);
        assertEquals(1000.0, bare.gain());
        assertEquals("uV", bare.units());
        assertEquals(12, bare.adcResolution());
        assertTrue(bare.initialValue().isEmpty() && bare.checksum().isEmpty());
        SignalSpec v5 = header.signals().get(2);
        assertEquals(7, v5.byteOffset());
        assertEquals(-3, v5.baseline());
        assertEquals("mV", v5.units());
        assertEquals("chest lead V5 (modified)", v5.description());
    }

    @Test
    void rejectsWhatItCannotReadWithTheReason() {
        Map<List<String>, String> cases = Map.of(
                List.of("x 1 250 10", "x.dat 310 200 12 0 0 0 0 I"), "format 310 is not supported",
                List.of("x 2 250 10", "x.dat 16 200 12 0 0 0 0 I"), "announces 2 signals but 1 signal lines follow",
                List.of("x/2 1 250 10", "x_1 5", "x_2 5"), "multi-segment",
                List.of("x 1 250 10", "x.dat 16x4 200 12 0 0 0 0 I"), "4 samples per frame");
        cases.forEach((lines, message) -> {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> WfdbHeader.parse(lines, "x.hea"));
            assertTrue(error.getMessage().startsWith("x.hea") && error.getMessage().contains(message),
                    error.getMessage());
        });
    }

    @Test
    void headerTextRoundTrips() {
        WfdbHeader header = WfdbHeader.read(WfdbFixtures.folder().resolve("rec212"));
        WfdbHeader again = WfdbHeader.parse(List.of(header.toText().split("\n")), "again");
        assertEquals(header, again);
    }

    private void copyFixture(String name) throws IOException {
        for (String ext : new String[] {".hea", ".dat", ".mat"}) {
            Path source = WfdbFixtures.folder().resolve(name + ext);
            if (Files.exists(source)) {
                Files.copy(source, temp.resolve(name + ext));
            }
        }
    }

    private static List<String> names(JsonObject expected) {
        List<String> names = new ArrayList<>();
        for (JsonElement e : expected.getAsJsonArray("names")) {
            names.add(e.getAsString());
        }
        return names;
    }
}
