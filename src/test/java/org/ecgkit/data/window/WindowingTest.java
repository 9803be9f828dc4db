package org.ecgkit.data.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class WindowingTest {

    private final Windowing tenEveryFive = new Windowing(10, 5, Windowing.Padding.ZERO);

    @Test
    void windowsCoverTheWholeRecordWithAnEndAlignedLastOne() {
        assertArrayEquals(new int[] {0}, tenEveryFive.starts(3));
        assertArrayEquals(new int[] {0}, tenEveryFive.starts(10));
        assertArrayEquals(new int[] {0, 1}, tenEveryFive.starts(11));
        assertArrayEquals(new int[] {0, 5, 10}, tenEveryFive.starts(20));
        assertArrayEquals(new int[] {0, 5, 10, 12}, tenEveryFive.starts(22));
        assertArrayEquals(new int[] {0, 10, 13}, new Windowing(10, 10, Windowing.Padding.ZERO).starts(23));
        assertThrows(IllegalArgumentException.class, () -> tenEveryFive.starts(0));
    }

    @Test
    void shortRecordsArePaddedWithZerosOrRepeated() {
        float[] record = {1, 2, 3};
        assertArrayEquals(new float[] {1, 2, 3, 0, 0, 0, 0, 0, 0, 0}, tenEveryFive.cut(record, 0));
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3, 1, 2, 3, 1},
                new Windowing(10, 5, Windowing.Padding.REPEAT).cut(record, 0));
        assertEquals(7, tenEveryFive.padded(3, 0));
        float[] longer = new float[22];
        for (int i = 0; i < longer.length; i++) {
            longer[i] = i;
        }
        assertArrayEquals(new float[] {12, 13, 14, 15, 16, 17, 18, 19, 20, 21}, tenEveryFive.cut(longer, 12));
        assertEquals(0, tenEveryFive.padded(22, 12));
    }

    @Test
    void secondsAreConvertedAtTheSamplingRate() {
        assertEquals(new Windowing(9000, 4500, Windowing.Padding.ZERO),
                Windowing.seconds(30, 15, 300, Windowing.Padding.ZERO));
    }

    @Test
    void predictionsAreAveragedPerRecord() {
        WindowPredictions perRecord = WindowPredictions.meanPerRecord(List.of("a", "b", "a", "a"), new float[][] {
                {0.9f, 0.1f}, {0.2f, 0.8f}, {0.6f, 0.4f}, {0.0f, 1.0f}});
        assertEquals(List.of("a", "b"), perRecord.recordIds());
        assertArrayEquals(new float[] {0.5f, 0.5f}, perRecord.probabilities()[0], 1e-6f);
        assertArrayEquals(new float[] {0.2f, 0.8f}, perRecord.probabilities()[1], 1e-6f);
        assertArrayEquals(new int[] {3, 1}, perRecord.windows());
        assertArrayEquals(new int[] {0, 1}, perRecord.predicted(), "a tie goes to the first class");
        Table table = perRecord.table(List.of("N", "A"));
        assertEquals(List.of("N", "A"), table.stringColumn("predicted").asList());
        assertThrows(IllegalArgumentException.class,
                () -> WindowPredictions.meanPerRecord(List.of("a"), new float[][] {{1}, {2}}));
    }
}
