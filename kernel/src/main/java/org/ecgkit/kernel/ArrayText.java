package org.ecgkit.kernel;

import java.lang.reflect.Array;
import java.util.StringJoiner;

/**
 * Arrays as text, e.g. {@code float[5000] { 0.1, 0.2, ... 4998 more }}: their own {@code toString} only names the
 * type, and a full listing of an ECG-sized array would flood the notebook.
 */
final class ArrayText {

    static final int ELEMENTS_SHOWN = 50;
    static final int NESTED_ELEMENTS_SHOWN = 10;

    private ArrayText() {
    }

    static String of(Object array) {
        return describe(array, ELEMENTS_SHOWN);
    }

    private static String describe(Object array, int limit) {
        int length = Array.getLength(array);
        String component = array.getClass().getComponentType().getSimpleName();
        int bracket = component.indexOf('[');
        String type = bracket < 0
                ? component + "[" + length + "]"
                : component.substring(0, bracket) + "[" + length + "]" + component.substring(bracket);
        StringJoiner items = new StringJoiner(", ", " { ", " }").setEmptyValue(" {}");
        for (int i = 0; i < Math.min(length, limit); i++) {
            Object item = Array.get(array, i);
            items.add(item != null && item.getClass().isArray() ? describe(item, NESTED_ELEMENTS_SHOWN) : String.valueOf(item));
        }
        if (length > limit) {
            items.add("... " + (length - limit) + " more");
        }
        return type + items;
    }
}
