package org.ecgkit.data.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        int[] sizes = {500, 70, 230, 30};
        String[] classes = {"N", "A", "O", "~"};
        for (int c = 0; c < classes.length; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                labels.put(classes[c] + i, classes[c]);
            }
        }
        return labels;
    }

    @Test
    void everyClassKeepsItsShareInEveryPart() {
        Map<String, String> labels = labels();
        Map<String, String> split = new StratifiedSplit(0.1, 0.2, 7).assign(labels);
        assertEquals(labels.keySet(), split.keySet());
        Map<String, int[]> counts = new LinkedHashMap<>();
        labels.forEach((id, label) -> {
            int[] c = counts.computeIfAbsent(label, l -> new int[3]);
            c[List.of("train", "val", "test").indexOf(split.get(id))]++;
        });
        assertEquals(List.of(350, 50, 100), List.of(counts.get("N")[0], counts.get("N")[1], counts.get("N")[2]));
        assertEquals(List.of(49, 7, 14), List.of(counts.get("A")[0], counts.get("A")[1], counts.get("A")[2]));
        assertEquals(List.of(161, 23, 46), List.of(counts.get("O")[0], counts.get("O")[1], counts.get("O")[2]));
        assertEquals(List.of(21, 3, 6), List.of(counts.get("~")[0], counts.get("~")[1], counts.get("~")[2]));
    }

    @Test
    void groupsStayTogetherAndAreSplitAsUnits() {
        Map<String, String> labels = labels();
        Map<String, String> groups = new LinkedHashMap<>();
        // N records in pairs (250 groups of 2), every other record its own group
        labels.keySet().forEach(id -> groups.put(id, id.startsWith("N") ? "N" + Integer.parseInt(id.substring(1)) / 2 : id));
        Map<String, String> split = new StratifiedSplit(0.1, 0.2, 7).assign(labels, groups);
        Map<String, String> splitOfGroup = new LinkedHashMap<>();
        Map<String, Integer> testRecordsPerClass = new LinkedHashMap<>();
        labels.forEach((id, label) -> {
            String before = splitOfGroup.putIfAbsent(groups.get(id), split.get(id));
            assertTrue(before == null || before.equals(split.get(id)), id + " is apart from its group");
            if (split.get(id).equals("test")) {
                testRecordsPerClass.merge(label, 1, Integer::sum);
            }
        });
        assertEquals(2 * 50, testRecordsPerClass.get("N"), "round(250 groups x 0.2) = 50 pairs");
        assertEquals(14, testRecordsPerClass.get("A"));
    }

    @Test
    void sameSeedSameSplitWhateverTheOrderAndAnotherSeedAnother() {
        Map<String, String> labels = labels();
        List<String> ids = new ArrayList<>(labels.keySet());
        Collections.shuffle(ids, new Random(1));
        Map<String, String> shuffled = new LinkedHashMap<>();
        ids.forEach(id -> shuffled.put(id, labels.get(id)));
        StratifiedSplit split = new StratifiedSplit(0.1, 0.1, 42);
        assertEquals(split.assign(labels), split.assign(shuffled));
        assertNotEquals(split.assign(labels), new StratifiedSplit(0.1, 0.1, 43).assign(labels));
        assertThrows(IllegalArgumentException.class, () -> new StratifiedSplit(0.5, 0.5, 1));
    }
}
