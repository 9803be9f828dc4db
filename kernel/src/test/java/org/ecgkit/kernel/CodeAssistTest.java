package org.ecgkit.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeAssistTest {

    private static CellEvaluator cells;
    private static CodeAssist assist;

    @BeforeAll
    static void start() throws CellError {
        cells = new CellEvaluator("", Duration.ofSeconds(1));
        cells.eval("String recordName = \"100\";", "cell [1]");
        assist = new CodeAssist(cells.analysis());
    }

    @AfterAll
    static void stop() {
        cells.close();
    }

    @Test
    void completesInTheSnippetUnderTheCursor() {
        String code = "int a = 1;\nint b = 2;\nrecordName.toLowerC";

        ReplacementOptions options = assist.complete(code, code.length());

        assertEquals(java.util.List.of("toLowerCase("), options.getReplacements());
        assertEquals(code.indexOf("toLowerC"), options.getSourceStart());
        assertEquals(code.length(), options.getSourceEnd());
    }

    @Test
    void completionIgnoresTextAfterTheCursor() {
        String code = "recordName.isEm; int later = 0;";

        ReplacementOptions options = assist.complete(code, "recordName.isEm".length());

        assertEquals(java.util.List.of("isEmpty()"), options.getReplacements());
    }

    @Test
    void isCompleteTellsFinishedFromUnfinishedCode() {
        assertEquals(BaseKernel.IS_COMPLETE_YES, assist.isComplete("int x = 1;\nx + 1"));
        assertEquals(BaseKernel.IS_COMPLETE_YES, assist.isComplete(""));
        assertEquals(BaseKernel.IS_COMPLETE_BAD, assist.isComplete("int z = ;"));
        assertEquals("    ", assist.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("  ", assist.isComplete("void f() {\n  int a = 1;"));
        assertEquals("      ", assist.isComplete("void f() {\n  if (true) {"));
    }

    @Test
    void inspectShowsSignatures() {
        String text = (String) assist.inspect("Math.max(", "Math.max(".length(), false).getData(MIMEType.TEXT_PLAIN);

        assertTrue(text.contains("int Math.max(int a, int b)"), text);
        assertTrue(text.contains("double Math.max(double a, double b)"), text);
    }

    @Test
    void inspectInsideAMethodNameDocumentsTheCall() {
        String code = "int m = Math.max(1, 2);";

        String text = (String) assist.inspect(code, code.indexOf("ax"), false).getData(MIMEType.TEXT_PLAIN);

        assertTrue(text.contains("int Math.max(int a, int b)"), text);
    }

    @Test
    void inspectOfNothingFindsNothing() {
        assertNull(assist.inspect("   ", 1, false));
    }
}
