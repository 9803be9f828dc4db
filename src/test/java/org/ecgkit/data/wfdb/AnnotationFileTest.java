package org.ecgkit.data.wfdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class AnnotationFileTest {

    private static final JsonObject EXPECTED = WfdbFixtures.json("expected.json");
    private static final Path ATR = WfdbFixtures.folder().resolve("rec16.atr");

    @Test
    void readsTheNumpyWrittenFile() {
        List<Annotation> read = AnnotationFile.read(ATR);
        JsonArray expected = EXPECTED.getAsJsonArray("annotations");
        assertEquals(expected.size(), read.size());
        for (int i = 0; i < read.size(); i++) {
            JsonObject e = expected.get(i).getAsJsonObject();
            Annotation a = read.get(i);
            assertEquals(new Annotation(e.get("sample").getAsLong(), e.get("code").getAsInt(),
                    e.get("subtype").getAsInt(), e.get("channel").getAsInt(), e.get("number").getAsInt(),
                    e.get("aux").getAsString()), a, "annotation " + i);
            assertEquals(EXPECTED.getAsJsonArray("annotation_symbols").get(i).getAsString(), a.symbol());
        }
    }

    @Test
    void writerReproducesTheFileAndRoundTrips(@TempDir Path temp) throws IOException {
        List<Annotation> read = AnnotationFile.read(ATR);
        Path copy = temp.resolve("copy.atr");
        AnnotationFile.write(copy, read);
        assertArrayEquals(Files.readAllBytes(ATR), Files.readAllBytes(copy));
        assertEquals(read, AnnotationFile.read(copy));
    }

    @Test
    void tableExposesSampleSymbolAndAux() {
        Table table = AnnotationFile.table("rec16.atr", AnnotationFile.read(ATR));
        assertEquals(List.of("N", "N", "V", "+", "N", "N", "~"), table.stringColumn("symbol").asList());
        assertEquals(70000L, table.longColumn("sample").get(5));
        assertEquals("(AFIB", table.stringColumn("aux").get(3));
    }

    @Test
    void truncatedFileAndUnknownSymbolsAreErrors(@TempDir Path temp) throws IOException {
        byte[] bytes = Files.readAllBytes(ATR);
        Path cut = temp.resolve("cut.atr");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 2));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AnnotationFile.read(cut));
        assertTrue(error.getMessage().contains("cut.atr") && error.getMessage().contains("terminating"),
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Annotation.of(1, "Z"));
        assertEquals("[15]", new Annotation(0, 15, 0, 0, 0, "").symbol());
    }
}
