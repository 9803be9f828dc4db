package org.ecgkit.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArrayTextTest {

    @Test
    void shortArraysAreListedWithTypeAndLength() {
        assertEquals("int[3] { 1, 2, 3 }", ArrayText.of(new int[] {1, 2, 3}));
        assertEquals("String[2] { a, null }", ArrayText.of(new String[] {"a", null}));
        assertEquals("double[0] {}", ArrayText.of(new double[0]));
    }

    @Test
    void longArraysAreCut() {
        String text = ArrayText.of(new float[5000]);

        assertTrue(text.startsWith("float[5000] { 0.0, 0.0,"), text);
        assertTrue(text.endsWith(", ... 4950 more }"), text);
        assertEquals(ArrayText.ELEMENTS_SHOWN, text.split("0\\.0").length - 1);
    }

    @Test
    void nestedArraysShowEachDimension() {
        String text = ArrayText.of(new int[][] {{1, 2}, new int[20]});

        assertTrue(text.startsWith("int[2][] { int[2] { 1, 2 }, int[20] { 0, "), text);
        assertTrue(text.endsWith(", ... 10 more } }"), text);
    }
}
