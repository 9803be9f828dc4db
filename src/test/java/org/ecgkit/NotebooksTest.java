package org.ecgkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.ecgkit.testing.Python;
import org.junit.jupiter.api.Test;

/**
 * Executes notebooks/01-data-check.ipynb through Debian's Jupyter and the installed "Java (ecgkit)" kernel, as the
 * README's main command does, and looks at what the cells displayed. environment/test.sh installs the kernel first.
 */
class NotebooksTest {

    @Test
    void dataCheckNotebookShowsTheFindingsTableAndTheTwelveLeadPlots() throws Exception {
        Path out = Path.of("target/notebook-test");
        Process process = new ProcessBuilder(Python.INTERPRETER, "environment/run_notebooks.py", "--out", out.toString(),
                "notebooks/01-data-check.ipynb").redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.MINUTES), log);
        assertEquals(0, process.exitValue(), "the notebook failed (is the kernel installed? run environment/setup.sh):\n" + log);
        assertTrue(Files.isRegularFile(out.resolve("01-data-check.html")), "HTML export");

        List<JsonObject> outputs = outputs(out.resolve("01-data-check.ipynb"));
        String findings = outputs.stream().map(o -> text(o, "text/html")).filter(html -> html.contains("severity"))
                .findFirst().orElseThrow(() -> new AssertionError("no findings table among " + outputs.size() + " outputs"));
        for (String column : List.of("check", "severity", "records", "examples", "message")) {
            assertTrue(findings.contains(">" + column + "<"), "findings table has a '" + column + "' column");
        }
        assertTrue(findings.contains("duplicate records") && findings.contains("patient leakage"), findings);
        assertTrue(outputs.stream().anyMatch(o -> text(o, "text/plain").contains("PASSED")), "the check passes");
        assertTrue(outputs.stream().filter(o -> !text(o, "image/png").isEmpty()).count() >= 1, "a 12-lead plot image");
    }

    private static List<JsonObject> outputs(Path notebook) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        List<JsonObject> outputs = new ArrayList<>();
        for (JsonElement cell : nb.getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if (c.has("outputs")) {
                c.getAsJsonArray("outputs").forEach(o -> outputs.add(o.getAsJsonObject()));
            }
        }
        return outputs;
    }

    private static String text(JsonObject output, String mime) {
        if (!output.has("data") || !output.getAsJsonObject("data").has(mime)) {
            return "";
        }
        JsonElement value = output.getAsJsonObject("data").get(mime);
        if (value.isJsonArray()) {
            StringBuilder joined = new StringBuilder();
            value.getAsJsonArray().forEach(line -> joined.append(line.getAsString()));
            return joined.toString();
        }
        return value.getAsString();
    }
}
