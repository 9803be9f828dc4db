package org.ecgkit.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evaluator without Jupyter: values, error locations and interrupts. */
class CellEvaluatorTest {

    private static final Duration GRACE = Duration.ofMillis(500);
    private static CellEvaluator cells;

    @BeforeAll
    static void start() {
        cells = new CellEvaluator("", GRACE);
    }

    @AfterAll
    static void stop() {
        cells.close();
    }

    @Test
    void lastExpressionIsTheObjectItself() throws CellError {
        Object value = cells.eval("java.util.List<Integer> xs = new java.util.ArrayList<>();\nxs.add(4);\nxs", "cell [1]");

        assertEquals(List.of(4), value);
    }

    @Test
    void declarationsAndStatementsHaveNoValue() throws CellError {
        assertNull(cells.eval("int unseen = 3;", "cell [1]"));
        assertNull(cells.eval("System.out.print(\"\");", "cell [1]"));
        assertNull(cells.eval("int one = 1;\none = 2", "cell [1]"), "an assignment is not shown");
    }

    @Test
    void compileErrorPointsAtTheCellLineAfterBlankLinesAndComments() {
        CellError e = assertThrows(CellError.class,
                () -> cells.eval("\n\n// a comment\nint a = 1;\n\n   String s = a;", "cell [2]"));

        assertEquals("CompileError", e.name());
        assertTrue(e.value().endsWith("(line 6)"), e.value());
        assertEquals(List.of(
                "Compile error in line 6: incompatible types: int cannot be converted to java.lang.String",
                "    String s = a;",
                "               ^"), e.traceback());
    }

    @Test
    void exceptionFramesPointAtCellLines() {
        CellError e = assertThrows(CellError.class, () -> cells.eval(
                "// helper\nint fail(String why) {\n  throw new UnsupportedOperationException(why);\n}\n\nfail(\"no\");",
                "cell [3]"));

        assertEquals("UnsupportedOperationException", e.name());
        assertEquals("no", e.value());
        assertEquals(List.of("java.lang.UnsupportedOperationException: no",
                "    at fail (line 3)",
                "    at line 6"), e.traceback());
    }

    @Test
    void methodsThatNeedUndeclaredNamesFailWithTheNames() {
        CellError e = assertThrows(CellError.class,
                () -> cells.eval("double scaled(double v) { return v * gain; }\nscaled(2)", "cell [4]"));

        assertEquals("UnresolvedReference", e.name());
        assertEquals("scaled cannot be used until variable gain is declared", e.value());
    }

    private record Interrupted(CellError error, long nanosAfterRequest) {
    }

    /**
     * Runs a cell with a {@code started();} call, interrupts it once that ran, waits for its error. The call and the
     * code to interrupt must be one snippet (a block): between snippets an interrupt ends the cell at once.
     */
    private static Interrupted interruptRunning(String code) throws Exception {
        Path marker = Files.createTempFile("cell-started", "");
        Files.delete(marker);
        String started = "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"\");\n";
        CompletableFuture<CellError> cell = CompletableFuture.supplyAsync(
                () -> assertThrows(CellError.class, () -> cells.eval(code.replace("started();\n", started), "cell [5]")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(marker) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        TimeUnit.MILLISECONDS.sleep(100);
        long sent = System.nanoTime();
        cells.interrupt();
        CellError error = cell.get(10, TimeUnit.SECONDS);
        Files.deleteIfExists(marker);
        return new Interrupted(error, System.nanoTime() - sent);
    }

    @Test
    void interruptSetsTheFlagThatCooperativeCodeChecks() throws Exception {
        Interrupted result = interruptRunning("int loops = 0;\n{ started();\nwhile (!Thread.currentThread().isInterrupted()) { loops++; } }");

        assertEquals("Interrupted", result.error().name());
        assertTrue(result.error().value().contains("stopped after the interrupt request"), result.error().value());
        assertTrue(result.nanosAfterRequest() < GRACE.toNanos(), "a cooperative cell ends before the grace period");
        assertTrue((Integer) cells.eval("loops", "cell [6]") > 0, "what the cell did before the interrupt stays");
    }

    @Test
    void codeIgnoringTheInterruptIsStoppedAfterTheGracePeriod() throws Exception {
        Interrupted result = interruptRunning("{ started();\nwhile (true) { } }");

        assertEquals("Interrupted", result.error().name());
        assertTrue(result.error().value().contains("stopped forcibly"), result.error().value());
        assertTrue(result.nanosAfterRequest() >= GRACE.toNanos(), "the cell had its grace period");
        assertEquals("still usable", cells.eval("\"still usable\"", "cell [8]"));
    }

    @Test
    void interruptWithNoCellRunningDoesNotAffectTheNextCell() throws CellError {
        cells.interrupt();

        assertEquals(3, cells.eval("1 + 2", "cell [9]"));
    }
}
