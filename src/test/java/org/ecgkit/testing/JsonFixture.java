package org.ecgkit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Reads a JSON fixture written by a script under src/test/python from the test class path. */
public final class JsonFixture {

    private JsonFixture() {
    }

    /** {@code resource} as on the class path, e.g. {@code /fixtures/ptbxl/labels.json}. */
    public static JsonObject read(String resource) {
        try (InputStream in = JsonFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path; run its generator script");
            }
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
