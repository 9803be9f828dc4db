package org.ecgkit.data.convert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded train/validation/test split that keeps each class's share in every part: within each class (in sorted
 * class order) the sorted ids (or groups of ids that must stay together) are shuffled with one {@code Random(seed)},
 * then the first round(n x test) go to test, the next round(n x validation) to val, the rest to train. The same ids,
 * labels and seed always give the same split, whatever order the ids come in.
 *
 * @param validation fraction of each class for "val"
 * @param test       fraction of each class for "test"
 * @param seed       the shuffle's seed
 */
public record StratifiedSplit(double validation, double test, long seed) {

    public static final String TRAIN = "train";
    public static final String VALIDATION = "val";
    public static final String TEST = "test";

    public StratifiedSplit {
        if (validation < 0 || test < 0 || validation + test >= 1) {
            throw new IllegalArgumentException("validation (" + validation + ") and test (" + test
                    + ") fractions must be non-negative and leave something to train on");
        }
    }

    /** The split of each id: "train", "val" or "test". */
    public Map<String, String> assign(Map<String, String> labelOfId) {
        Map<String, String> ownGroup = new LinkedHashMap<>();
        labelOfId.keySet().forEach(id -> ownGroup.put(id, id));
        return assign(labelOfId, ownGroup);
    }

    /**
     * The split of each id, keeping ids of one group (e.g. identical recordings, one patient's records) together:
     * groups are split as units, stratified by the label of their first id in sorted order.
     */
    public Map<String, String> assign(Map<String, String> labelOfId, Map<String, String> groupOfId) {
        Map<String, String> labelOfGroup = new TreeMap<>();
        new TreeMap<>(labelOfId).forEach((id, label) -> labelOfGroup.putIfAbsent(group(groupOfId, id), label));
        Map<String, List<String>> byClass = new TreeMap<>();
        labelOfGroup.forEach((group, label) -> byClass.computeIfAbsent(label, l -> new ArrayList<>()).add(group));
        Random random = new Random(seed);
        Map<String, String> splitOfGroup = new LinkedHashMap<>();
        for (List<String> groups : byClass.values()) {
            Collections.shuffle(groups, random);
            int tests = (int) Math.round(groups.size() * test);
            int validations = (int) Math.round(groups.size() * validation);
            for (int i = 0; i < groups.size(); i++) {
                splitOfGroup.put(groups.get(i), i < tests ? TEST : i < tests + validations ? VALIDATION : TRAIN);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        labelOfId.keySet().forEach(id -> out.put(id, splitOfGroup.get(group(groupOfId, id))));
        return out;
    }

    private static String group(Map<String, String> groupOfId, String id) {
        String group = groupOfId.get(id);
        if (group == null) {
            throw new IllegalArgumentException("id " + id + " has no group");
        }
        return group;
    }
}
