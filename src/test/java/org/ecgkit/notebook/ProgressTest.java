package org.ecgkit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void redrawsOneLineInPlaceAndEndsWithTheTotal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress progress = Progress.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), "work", 1000)) {
            IntStream.range(0, 1000).parallel().forEach(i -> progress.step());
            assertEquals(1000, progress.done());
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\rwork [--------------------]   0%  0/1,000"), text);
        assertTrue(text.endsWith(System.lineSeparator()), text);
        String last = text.substring(text.lastIndexOf('\r') + 1).strip();
        assertTrue(last.startsWith("work [####################] 100%  1,000/1,000"), last);
        assertTrue(last.contains(" in 0:00"), last);
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), "one line, redrawn with carriage returns");
    }

    @Test
    void aSilentBarPrintsNothingButCounts() {
        try (Progress progress = Progress.to(null, "quiet", 3)) {
            progress.advance(3);
            assertEquals(3, progress.done());
        }
    }
}
