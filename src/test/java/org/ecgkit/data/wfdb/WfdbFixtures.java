package org.ecgkit.data.wfdb;

import java.net.URISyntaxException;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ecgkit.testing.JsonFixture;

/** Access to the numpy-written fixtures under src/test/resources/fixtures/wfdb. */
final class WfdbFixtures {

    private WfdbFixtures() {
    }

    static Path folder() {
        try {
            return Path.of(WfdbFixtures.class.getResource("/fixtures/wfdb/expected.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject json(String name) {
        return JsonFixture.read("/fixtures/wfdb/" + name);
    }

    static int[] ints(JsonArray array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsInt();
        }
        return out;
    }

    static double[] doubles(JsonArray array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsDouble();
        }
        return out;
    }
}
