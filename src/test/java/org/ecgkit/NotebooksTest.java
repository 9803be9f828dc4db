package org.ecgkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.ecgkit.testing.Python;
import org.junit.jupiter.api.Test;

/**
 * Executes notebooks through Debian's Jupyter and the installed "Java (ecgkit)" kernel, as the README's main command
 * does, and looks at what the cells displayed: 01 on the embedded data, 06 and 07 on small slices of the real data in
 * ../shared (the main command runs them on larger ones). environment/test.sh installs the kernel first.
 */
class NotebooksTest {

    private static final Path OUT = Path.of("target/notebook-test");

    @Test
    void dataCheckNotebookShowsTheFindingsTableAndTheTwelveLeadPlots() throws Exception {
        List<JsonObject> outputs = execute("01-data-check", Map.of());
        String findings = html(outputs, "severity");
        for (String column : List.of("check", "severity", "records", "examples", "message")) {
            assertTrue(findings.contains(">" + column + "<"), "findings table has a '" + column + "' column");
        }
        assertTrue(findings.contains("duplicate records") && findings.contains("patient leakage"), findings);
        assertTrue(outputs.stream().anyMatch(o -> text(o, "text/plain").contains("PASSED")), "the check passes");
        assertTrue(images(outputs) >= 1, "a 12-lead plot image");
    }

    @Test
    void cinc2017NotebookComparesBothModelsWithTheChallengeMetric() throws Exception {
        List<JsonObject> outputs = execute("06-cinc2017-af", Map.of("ECGKIT_CINC_RECORDS", "160", "ECGKIT_CINC_EPOCHS", "1"));
        String f1 = html(outputs, "mean_f1_NAO");
        assertTrue(f1.contains(">waveform<") && f1.contains(">hybrid<"), "both models in the F1 table: " + f1);
        assertTrue(html(outputs, "severity").contains("class balance"), "the data check's findings");
        assertTrue(images(outputs) >= 5, "strips, spectrograms, curves and the confusion heatmap");
    }

    @Test
    void ptbxlNotebookFindsTheDuplicateRecordsAndScoresEverySuperclass() throws Exception {
        List<JsonObject> outputs = execute("07-ptbxl", Map.of("ECGKIT_PTBXL_EPOCHS", "1"));
        String findings = html(outputs, "severity");
        assertTrue(findings.contains("456") && findings.contains("457") && findings.contains("459")
                && findings.contains("460"), "the duplicate recordings of PTB-XL 1.0.1: " + findings);
        String perClass = html(outputs, "auroc");
        for (String superclass : List.of("NORM", "MI", "STTC", "CD", "HYP")) {
            assertTrue(perClass.contains(">" + superclass + "<"), superclass + " in " + perClass);
        }
        assertTrue(images(outputs) >= 3, "12-lead plot, spectrogram grid, curves, ROC");
    }

    /** Runs one notebook with extra environment variables; the outputs of its cells. */
    private static List<JsonObject> execute(String notebook, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Python.INTERPRETER, "environment/run_notebooks.py", "--out",
                OUT.toString(), "notebooks/" + notebook + ".ipynb").redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.MINUTES), log);
        assertEquals(0, process.exitValue(), "the notebook failed (is the kernel installed? run environment/setup.sh):\n" + log);
        assertFalse(log.contains("skipped"), "real data missing: " + log);
        assertTrue(Files.isRegularFile(OUT.resolve(notebook + ".html")), "HTML export");
        return outputs(OUT.resolve(notebook + ".ipynb"));
    }

    /** The first HTML output that contains {@code marker} (a table by one of its column names). */
    private static String html(List<JsonObject> outputs, String marker) {
        return outputs.stream().map(o -> text(o, "text/html")).filter(html -> html.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no HTML output with '" + marker + "' among " + outputs.size() + " outputs"));
    }

    private static long images(List<JsonObject> outputs) {
        return outputs.stream().filter(o -> !text(o, "image/png").isEmpty()).count();
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
